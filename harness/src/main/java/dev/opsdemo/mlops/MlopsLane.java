package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepAction;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ChosenPort;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.MlflowServer;
import dev.opsdemo.mlflow.MlflowServers;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The MLOps lane: what gets versioned, built, evaluated, released and deployed is a model, made from code + data +
 * parameters. Each step is real: an MLflow server, {@code mlflow run}, the Java client, the registry's REST API,
 * {@code mlflow models serve}.
 */
public final class MlopsLane {

    public static final String NAME = "mlops";
    static final String VALIDATE = "validate";
    static final String MONITOR = "monitor";
    static final String EVALUATE = "evaluate";
    /** How long the model server may take to load the model before it answers. */
    private static final int SERVE_WAIT_SECONDS = 180;
    /** Where the checks of the data are recorded, apart from the training runs they guard. */
    public static final String VALIDATION_EXPERIMENT = "data-validation";
    public static final String MONITORING_EXPERIMENT = "monitoring";
    /** The row the serve step scores: labelled, so the audience sees whether the prediction is right. */
    static final String SERVED_ROW_DATA = "data/production_reference.csv";
    private final RepoLayout repo;
    private final Workspace workspace;
    private final MlopsSettings settings;
    private final boolean keepRunning;
    private final PythonEnv python;
    private final MlflowStore store;
    private MlflowServers.Plan plan;
    private MlflowServer server;
    private MlflowClient client;
    private ModelRegistry registry;
    private String runId;
    private ModelSource modelSource;
    private String modelVersion;
    private String gitCommit;
    private String datasetDigest;
    private ModelServer modelServer;
    /** Chosen when the serve step's command is shown, so the line on screen names the port the server gets. */
    private final ChosenPort servePort = new ChosenPort();
    private String monitoringRunId;
    private boolean retrainNeeded;
    private String challengerVersion;
    private Integer productionRows;
    private final ObjectNode monitoring = Json.MAPPER.createObjectNode();

    public MlopsLane(RepoLayout repo, Workspace workspace, MlopsSettings settings) {
        this(repo, workspace, settings, false);
    }

    /** {@code keepRunning}: the model server stays up after the monitor step, until the run ends. */
    public MlopsLane(RepoLayout repo, Workspace workspace, MlopsSettings settings, boolean keepRunning) {
        this.keepRunning = keepRunning;
        this.repo = repo;
        this.workspace = workspace;
        this.settings = settings;
        this.python = new PythonEnv(settings.venv(), workspace.mlops().resolve("tmp"));
        this.store = new MlflowStore(workspace.mlops().resolve("mlflow"));
    }

    public Lane lane() {
        String model = settings.modelName();
        return new Lane(NAME, List.of(
                new Step("mlops.server", NAME, Stage.VERSION, "Start the MLflow tracking server",
                        "Git alone cannot version a model: MLOps adds a tracking server that records every run's "
                                + "parameters, metrics, dataset and model.",
                        () -> MlflowServers.command(plan = MlflowServers.plan(settings.target(), settings.image())),
                        this::startServer).scripted(MlopsScript.SERVER),
                new Step("mlops.validate", NAME, Stage.EVALUATE, "Validate the data against its contract",
                        "In ML the data is an input as important as the code: it is checked against a schema "
                                + "before training, because bad data builds a bad model without any error.",
                        Command.of(MlflowProjectRun.commandLine(VALIDATE, VALIDATION_EXPERIMENT,
                                Map.of("data", settings.data()))),
                        needsServer(this::validate)),
                new Step("mlops.train", NAME, Stage.BUILD, "Train with mlflow run",
                        "An ML build is a training run: code + data + parameters produce the model, so all three "
                                + "are recorded with it to make it reproducible.",
                        Command.of(MlflowProjectRun.commandLine(MlflowProjectRun.MAIN, settings.experiment(),
                                settings.trainingParams())),
                        needsServer(this::train)).scripted(MlopsScript.TRAIN),
                new Step("mlops.inspect", NAME, Stage.VERSION, "Read back what was versioned",
                        "One run id ties together the code's git commit, the dataset's digest, the parameters "
                                + "and the metrics: that is what versioning means in MLOps.",
                        Command.of(ModelRegistry.curlGet("${MLFLOW_TRACKING_URI}", ModelRegistry.runPath("${RUN_ID}"))),
                        needsServer(this::inspect)).scripted(MlopsScript.INSPECT),
                new Step("mlops.gate", NAME, Stage.EVALUATE, "Accuracy gate",
                        "The MLOps gate is a metric threshold on held-out data, not pass/fail unit tests: the same "
                                + "code can pass or fail depending on the data.",
                        Command.of(ModelRegistry.curlGet("${MLFLOW_TRACKING_URI}",
                                ModelRegistry.accuracyPath("${RUN_ID}"))),
                        needsServer(this::gate)).scripted(MlopsScript.GATE),
                new Step("mlops.register", NAME, Stage.RELEASE, "Register the model and set the alias",
                        "Releasing in MLOps means registering a new model version and pointing the '"
                                + MlopsSettings.ALIAS + "' alias at it; code is not what gets released.",
                        Command.of(ModelRegistry.curlGet("${MLFLOW_TRACKING_URI}",
                                ModelRegistry.registeredModelPath(model))),
                        needsServer(this::register)).scripted(() -> MlopsScript.register(model)),
                new Step("mlops.serve", NAME, Stage.DEPLOY, "Serve the champion and score a request",
                        "Deploying a model: serve the champion and score real input. Unlike code, its quality "
                                + "can decay as live data drifts, so it must be monitored after deployment.",
                        this::serveCommand,
                        needsServer(this::serve)).scripted(MlopsScript.SERVE),
                new Step("mlops.monitor", NAME, Stage.MONITOR, "Monitor drift and accuracy",
                        "A deployed model is watched for data drift and accuracy decay, not just uptime: the "
                                + "world changes and the model silently gets worse.",
                        Command.of(MlflowProjectRun.commandLine(MONITOR, MONITORING_EXPERIMENT,
                                monitorParams("http://127.0.0.1:${SERVE_PORT}/invocations"))),
                        needsServer(this::monitor)).scripted(MlopsScript.MONITOR),
                new Step("mlops.retrain", NAME, Stage.MONITOR, "Retrain on the new data",
                        "When drift or decay crosses its threshold the fix is retraining, not a code change: "
                                + "same code, new data, a new model version (the challenger).",
                        this::retrainCommand,
                        needsServer(this::retrain)).scripted(() -> MlopsScript.retrain(model, retrainRun(),
                                noRetrain())),
                new Step("mlops.decide", NAME, Stage.MONITOR, "Champion or challenger",
                        "A new model replaces the old one only if it is measurably better on the same held-out "
                                + "data; otherwise the champion stays.",
                        this::decideCommand,
                        needsServer(this::decide)).scripted(() -> MlopsScript.decide(model,
                                evaluateBoth(), noChallenger()))),
                this::value, new MlopsStory());
    }

    /** This run's values for the commands' {@code ${NAME}}s; null until the step that knows one has run. */
    private String value(String name) {
        return switch (name) {
            case "VENV" -> settings.venv().toAbsolutePath().toString();
            case "PYTHON_TMP" -> python.tmp().toAbsolutePath().toString();
            case "MLFLOW_PORT" -> plan == null ? null : String.valueOf(plan.port());
            case "MLFLOW_IMAGE" -> plan == null ? null : plan.image();
            case "STORE" -> store.dir().toAbsolutePath().toString();
            case "WORKSPACE" -> workspace.root().toString();
            case "MLFLOW_TRACKING_URI" -> server != null ? server.trackingUri() : plan == null ? null : plan.url();
            case "ML_PROJECT" -> repo.sampleMlProject().toString();
            case "RUN_ID" -> runId;
            case "VERSION" -> modelVersion;
            case "SERVE_PORT" -> String.valueOf(servePort.get());
            case "MONITOR_RUN_ID" -> monitoringRunId;
            case "CHALLENGER_VERSION" -> challengerVersion;
            case "HOLDOUT" -> holdout();
            default -> null;
        };
    }

    private Command serveCommand() {
        String request;
        try {
            request = Json.MAPPER.writeValueAsString(servedRow().request());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVED_ROW_DATA, e);
        }
        String url = "http://127.0.0.1:${SERVE_PORT}";
        return Command.of(String.join(" ", ModelServer.argv("mlflow", championUri(), "${SERVE_PORT}")) + " &",
                // Until the model is loaded the server refuses; curl tries again silently, as the harness waits.
                "curl -s --retry " + SERVE_WAIT_SECONDS + " --retry-connrefused --retry-delay 1 " + url + "/ping",
                "curl -sS -X POST " + url + "/invocations -H 'Content-Type: application/json' -d '" + request
                        + "'; echo");
    }

    /**
     * Retraining only when monitoring asked for it: then on the training data plus the first 3/5 of the production
     * batch, the rest held out to compare the two models.
     */
    private Command retrainCommand() {
        return retrainNeeded ? retrainRun() : noRetrain();
    }

    private Command retrainRun() {
        return Command.of(MlflowProjectRun.commandLine(MlflowProjectRun.MAIN, settings.experiment(),
                retrainParams()));
    }

    private static Command noRetrain() {
        return Command.of(": nothing to run, monitoring run ${MONITOR_RUN_ID} says retrain.needed=false");
    }

    private Map<String, String> retrainParams() {
        Map<String, String> params = new LinkedHashMap<>(settings.params());
        params.putAll(settings.retrainParams());
        params.put("data", settings.data() + "," + settings.productionData() + ":head=" + freshRows());
        return params;
    }

    /** The rows of the production batch retraining learns from; the others are held out. */
    private int freshRows() {
        return productionRows() * 3 / 5;
    }

    /** The rows of the production batch both models are compared on: those retraining did not see. */
    private String holdout() {
        return settings.productionData() + ":tail=" + (productionRows() - freshRows());
    }

    /** Counted once, when first needed: the retrain and decide steps and their commands all split the same batch. */
    private int productionRows() {
        if (productionRows == null) {
            try {
                productionRows = LabelledRow.count(repo.sampleMlProject().resolve(settings.productionData()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + settings.productionData(), e);
            }
        }
        return productionRows;
    }

    private Command decideCommand() {
        return challengerVersion == null ? noChallenger() : evaluateBoth();
    }

    private static Command noChallenger() {
        return Command.of(": nothing to run, there is no challenger, so version ${VERSION} stays '"
                + MlopsSettings.ALIAS + "'");
    }

    private Command evaluateBoth() {
        return Command.of(evaluateLine("${VERSION}"), evaluateLine("${CHALLENGER_VERSION}"));
    }

    private String evaluateLine(String version) {
        return MlflowProjectRun.commandLine(EVALUATE, settings.experiment(), evaluateParams(version, "${HOLDOUT}"));
    }

    private Map<String, String> evaluateParams(String version, String data) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model_uri", "models:/" + settings.modelName() + "/" + version);
        params.put("data", data);
        return params;
    }

    /**
     * A step that talks to the tracking server. When the server has died, the step says so with the server's last
     * log lines, rather than with whatever connection error a client reports.
     */
    private StepAction needsServer(StepAction action) {
        return context -> {
            if (server != null && !server.isAlive()) {
                throw serverStopped(null);
            }
            try {
                action.run(context);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (server != null && !server.isAlive()) {
                    throw serverStopped(e);
                }
                throw e;
            }
        };
    }

    private StepFailedException serverStopped(Exception cause) {
        StringBuilder why = new StringBuilder("every step from here on reads or writes the tracking server");
        List<String> logs = server.recentLogs();
        if (!logs.isEmpty()) {
            why.append("; its last log lines:");
            logs.subList(Math.max(0, logs.size() - 15), logs.size())
                    .forEach(line -> why.append("\n    ").append(line));
        }
        return new StepFailedException("the MLflow " + server.mode() + " server at " + server.trackingUri()
                + " is no longer running", why.toString(),
                "find what stopped it (out of memory, killed, disk full) and run again; the registry in "
                        + store.dir() + " is kept", cause);
    }

    private void startServer(StepContext context) throws Exception {
        context.fact("experimentName", settings.experiment());  // what the lane records into, even if it stops here
        if (settings.target().kind() != MlflowTarget.Kind.EXTERNAL) {
            python.requireMlflow();
        }
        python.resetTmp();
        server = MlflowServers.start(context, plan, python, store, workspace.root().toString());
        server.quiet();
        client = new MlflowClient(server.trackingUri());
        registry = new ModelRegistry(client, server.trackingUri());
        context.summaryField("mlflowMode", server.mode());
        context.fact("mlflowMode", server.mode());
        context.note("MLflow " + server.mode() + " server ready at " + server.trackingUri() + " (UI: "
                + server.trackingUri() + "/#/experiments)" + (server.mode().equals("local")
                ? "; its further log lines are not shown" : ""));
        server.backendStore().ifPresent(db -> context.note("backend store: " + db));
        context.fact("trackingUri", server.trackingUri());
        server.backendStore().ifPresent(db -> context.fact("backendStore", db.toString()));
    }

    /** The project's {@code validate} entry point checks the data; its verdict is read back from the run. */
    private void validate(StepContext context) throws Exception {
        python.requireMlflow();
        context.fact("dataSource", settings.data());
        MlflowProjectRun.Outcome outcome = MlflowProjectRun.outcome(context, python, server, repo.sampleMlProject(),
                VALIDATE, VALIDATION_EXPERIMENT, Map.of("data", settings.data()));
        Map<String, String> tags = outcome.runId() == null ? Map.of() : tags(client.getRun(outcome.runId()));
        if (outcome.runId() != null) {
            context.fact("validationRunId", outcome.runId());
        }
        if (tags.containsKey("validation.passed")) {
            context.fact("validationPassed", Boolean.parseBoolean(tags.get("validation.passed")));
            context.fact("validationViolations", tags.getOrDefault("validation.violations", ""));
        }
        if ("false".equals(tags.get("validation.passed"))) {
            throw new StepFailedException("the data breaks its contract: " + tags.get("validation.violations"),
                    "training on it would produce a model without any error, just a wrong one; nothing was "
                            + "trained or registered",
                    "fix the data (or the contract in data/schema.json) and run again, e.g. --data data/train.csv");
        }
        if (!outcome.succeeded() || !"true".equals(tags.get("validation.passed"))) {
            throw new StepFailedException("cannot check the training data " + settings.data() + ": "
                    + outcome.lastError(), "--data must name CSV files, relative to sample-ml-project/ or absolute",
                    "pass an existing file, e.g. --data data/train.csv; nothing was trained");
        }
    }

    private void train(StepContext context) throws Exception {
        python.requireMlflow();
        runId = MlflowProjectRun.run(context, python, server, repo.sampleMlProject(),
                MlflowProjectRun.MAIN, settings.experiment(), settings.trainingParams());
        context.fact("experimentName", settings.experiment());
        context.fact("runId", runId);
    }

    private void inspect(StepContext context) throws Exception {
        JsonNode answer = registry.read(context, ModelRegistry.runPath(runId));
        if (answer == null) {
            throw new StepFailedException("run " + runId + " is not on the tracking server " + server.trackingUri(),
                    "mlflow run reported it, but the server answers 404 for it",
                    "check that the training ran against this server (MLFLOW_TRACKING_URI)");
        }
        JsonNode run = answer.path("run");
        modelSource = ModelSource.of(answer);
        Map<String, String> params = keyValues(run.at("/data/params"), JsonNode::asText);
        Map<String, Double> metrics = keyValues(run.at("/data/metrics"), JsonNode::asDouble);
        Map<String, String> tags = keyValues(run.at("/data/tags"), JsonNode::asText);
        context.note("run " + runId + " (" + run.at("/info/status").asText() + ") in experiment "
                + settings.experiment());
        context.note("code:    git commit " + tags.getOrDefault("mlflow.source.git.commit", "(not a git checkout)"));
        String digest = null;
        for (JsonNode input : run.at("/inputs/dataset_inputs")) {
            JsonNode dataset = input.path("dataset");
            digest = dataset.path("digest").asText();
            context.note("data:    dataset " + dataset.path("name").asText() + " digest " + digest + " ("
                    + dataset.path("source_type").asText() + " " + dataset.path("source").asText() + ")");
        }
        params.forEach((key, value) -> context.note("param:   " + key + " = " + value));
        metrics.forEach((key, value) -> context.note(String.format(Locale.ROOT, "metric:  %s = %.4f", key, value)));
        String experimentUrl = server.trackingUri() + "/#/experiments/" + run.at("/info/experiment_id").asText();
        context.note("model:   " + modelSource.uri());
        String runUrl = experimentUrl + "/runs/" + runId;
        context.note("UI:      " + runUrl);
        context.fact("runUrl", runUrl);
        context.fact("modelSource", modelSource.uri());
        if (modelSource.isLoggedModel()) {
            String modelUrl = experimentUrl + "/models/" + modelSource.modelId();
            context.note("UI:      " + modelUrl);
            context.fact("loggedModelUrl", modelUrl);
        }
        if (digest == null) {
            throw new StepFailedException("run " + runId + " has no dataset input",
                    "without the dataset's digest the model cannot be traced to its data",
                    "log the dataset with mlflow.log_input in train.py");
        }
        context.fact("params", params);
        context.fact("metrics", metrics);
        context.fact("datasetDigest", digest);
        context.fact("gitCommit", tags.get("mlflow.source.git.commit"));
        datasetDigest = digest;
        gitCommit = tags.get("mlflow.source.git.commit");
    }

    /** The run's accuracy, as {@code metrics/get-history} answers (shown); the gate compares it. */
    private void gate(StepContext context) throws Exception {
        JsonNode answer = registry.read(context, ModelRegistry.accuracyPath(runId));
        JsonNode history = answer == null ? Json.MAPPER.createArrayNode() : answer.path("metrics");
        if (history.isEmpty()) {
            throw new StepFailedException("run " + runId + " logged no accuracy metric",
                    "the evaluation gate needs it", "log it with mlflow.log_metric in train.py");
        }
        double accuracy = history.get(history.size() - 1).path("value").asDouble();
        boolean passes = accuracy >= settings.minAccuracy();
        context.note(String.format(Locale.ROOT, "accuracy %.4f %s threshold %.4f", accuracy, passes ? ">=" : "<",
                settings.minAccuracy()));
        context.fact("minAccuracy", settings.minAccuracy());
        if (!passes) {
            throw new StepFailedException(String.format(Locale.ROOT,
                    "the model's accuracy %.4f is below the threshold %.4f", accuracy, settings.minAccuracy()),
                    "a model that does not reach the threshold is not released; nothing was registered",
                    "improve the data or parameters (--param), or lower --min-accuracy, and run again");
        }
        context.note("gate passed: the model may be released");
    }

    private void register(StepContext context) throws Exception {
        String name = settings.modelName();
        if (!registry.exists(context, name)) {
            registry.createRegisteredModel(context, name);
        }
        JsonNode created = registry.createVersion(context, name, modelSource, runId);
        modelVersion = created.path("version").asText();
        registry.awaitReady(context, created);
        registry.setAlias(context, name, MlopsSettings.ALIAS, modelVersion);
        JsonNode champion = registry.versionByAlias(context, name, MlopsSettings.ALIAS);
        String pointsAt = champion.path("version").asText();
        if (!modelVersion.equals(pointsAt)) {
            throw new StepFailedException("alias " + MlopsSettings.ALIAS + " points at version " + pointsAt,
                    "the registry did not take the alias update", "set it by hand in the MLflow UI");
        }
        context.note("version " + modelVersion + " of '" + name + "' is READY, from run " + runId + "; alias '"
                + MlopsSettings.ALIAS + "' -> version " + pointsAt);
        String versionUrl = server.trackingUri() + "/#/models/" + name + "/versions/" + modelVersion;
        context.note("UI: " + versionUrl);
        context.fact("modelVersionUrl", versionUrl);
        context.fact("modelName", name);
        context.fact("modelVersion", modelVersion);
        context.fact("alias", MlopsSettings.ALIAS);
    }

    private void serve(StepContext context) throws Exception {
        LabelledRow row = servedRow();
        // Left running for the monitor step; its process is in the run's cleanup, stopped whatever happens.
        modelServer = ModelServer.start(context, python, server.trackingUri(), championUri(), workspace.mlops(),
                servePort.get());
        context.out(modelServer.ping().body().strip());
        HttpResponse<String> response = modelServer.invoke(Json.MAPPER.writeValueAsString(row.request()));
        context.out(response.body());
        if (response.statusCode() != 200) {
            throw new StepFailedException("the model server answered " + response.statusCode(),
                    response.body(), "read the model server's output above");
        }
        JsonNode prediction = Json.MAPPER.readTree(response.body()).path("predictions").path(0);
        context.note("the first row of " + SERVED_ROW_DATA + " is labelled " + row.label() + "; the model predicted "
                + prediction.asText() + ": " + (prediction.asText().equals(row.label()) ? "right" : "wrong"));
        context.fact("prediction", prediction);
        context.fact("predictionLabel", Integer.parseInt(row.label()));
        context.fact("servedModel", championUri());
        context.fact("modelServerUrl", modelServer.baseUrl());
    }

    private String championUri() {
        return "models:/" + settings.modelName() + "@" + MlopsSettings.ALIAS;
    }

    private LabelledRow servedRow() throws IOException {
        return LabelledRow.first(repo.sampleMlProject(), SERVED_ROW_DATA);
    }

    /**
     * The project's {@code monitor} entry point scores the production batch through the model server, measures drift
     * and decay and logs a monitoring run; the verdict is read back from that run.
     */
    private void monitor(StepContext context) throws Exception {
        String monitoringRun = MlflowProjectRun.run(context, python, server, repo.sampleMlProject(), MONITOR,
                MONITORING_EXPERIMENT, monitorParams(modelServer.baseUrl() + "/invocations"));
        monitoringRunId = monitoringRun;
        Service.Run run = client.getRun(monitoringRun);
        Map<String, String> tags = tags(run);
        Map<String, Double> metrics = metrics(run);
        retrainNeeded = "true".equals(tags.get("retrain.needed"));
        context.note("read back monitoring run " + monitoringRun + " in experiment '" + MONITORING_EXPERIMENT
                + "': retrain.needed=" + retrainNeeded);
        if (keepRunning) {
            context.note("the model server keeps running (--keep-running)");
        } else {
            modelServer.close();
            context.note("stopped the model server (the mlflow models serve process mlops.serve started)");
        }
        String monitoringUrl = server.trackingUri() + "/#/experiments/" + run.getInfo().getExperimentId() + "/runs/"
                + monitoringRun;
        context.note("UI: " + monitoringUrl);
        context.fact("monitoringRunUrl", monitoringUrl);
        Map<String, Object> drift = new LinkedHashMap<>();
        List<String> drifted = List.of(tags.getOrDefault("drift.features", "").split(","));
        metrics.forEach((key, value) -> {
            if (key.startsWith("psi.")) {
                String feature = key.substring(4);
                drift.put(feature, Map.of("psi", round(value), "ks", round(metrics.getOrDefault("ks." + feature,
                        Double.NaN)), "drifted", drifted.contains(feature)));
            }
        });
        monitoring.set("drift", Json.MAPPER.valueToTree(drift));
        monitoring.put("accuracyBefore", metrics.get("accuracy_before"));
        monitoring.put("accuracyAfter", metrics.get("accuracy_after"));
        monitoring.put("retrainNeeded", retrainNeeded);
        monitoring.put("monitoringRunId", monitoringRun);
        monitoring.put("batch", repo.sampleMlProject().resolve(settings.productionData()).toString());
        monitoring.put("decision", "kept");
        monitoring.putNull("challengerVersion");
        context.fact("monitoring", monitoring);
    }

    private void retrain(StepContext context) throws Exception {
        if (!retrainNeeded) {
            context.note("nothing to retrain: monitoring found no drift and no accuracy decay");
            return;
        }
        context.note("same code, new data: " + settings.data() + " plus the first " + freshRows() + " rows of "
                + settings.productionData() + "; the other rows (" + holdout() + ") are held out to compare the "
                + "models");
        String retrainRun = MlflowProjectRun.run(context, python, server, repo.sampleMlProject(),
                MlflowProjectRun.MAIN, settings.experiment(), retrainParams());
        Service.Run run = client.getRun(retrainRun);
        Map<String, String> tags = tags(run);
        String newDigest = run.getInputs().getDatasetInputs(0).getDataset().getDigest();
        String name = settings.modelName();
        JsonNode created = registry.createVersion(context, name, registry.modelOf(retrainRun), retrainRun);
        challengerVersion = created.path("version").asText();
        registry.awaitReady(context, created);
        registry.setVersionTag(context, name, challengerVersion, "role", MlopsSettings.CHALLENGER);
        registry.setAlias(context, name, MlopsSettings.CHALLENGER, challengerVersion);
        context.note("code:    git commit " + tags.getOrDefault("mlflow.source.git.commit", "?")
                + (Objects.equals(tags.get("mlflow.source.git.commit"), gitCommit) ? " (unchanged)" : ""));
        context.note("data:    digest " + datasetDigest + " -> " + newDigest);
        context.note("registered version " + challengerVersion + " as '" + MlopsSettings.CHALLENGER + "' (run "
                + retrainRun + "): a data change alone made a new model version");
        monitoring.put("challengerVersion", challengerVersion);
        monitoring.put("challengerRunId", retrainRun);
        monitoring.put("challengerDatasetDigest", newDigest);
        context.fact("monitoring", monitoring);
    }

    private void decide(StepContext context) throws Exception {
        if (challengerVersion == null) {
            context.note("no challenger: version " + modelVersion + " stays '" + MlopsSettings.ALIAS + "'");
            return;
        }
        context.note("both evaluations run at once (neither needs the other); each output follows its command");
        List<String> evaluations = MlflowProjectRun.runSideBySide(context, python, server, repo.sampleMlProject(),
                EVALUATE, settings.experiment(), List.of(evaluateParams(modelVersion, holdout()),
                        evaluateParams(challengerVersion, holdout())));
        double champion = evaluatedAccuracy(evaluations.get(0));
        double challenger = evaluatedAccuracy(evaluations.get(1));
        boolean promote = challenger >= champion + settings.promoteMargin();
        context.note(String.format(Locale.ROOT, "held-out accuracy on %s: champion v%s %.4f, challenger v%s %.4f "
                        + "(margin needed %.2f)", holdout(), modelVersion, champion, challengerVersion, challenger,
                settings.promoteMargin()));
        String name = settings.modelName();
        if (promote) {
            registry.setAlias(context, name, MlopsSettings.ALIAS, challengerVersion);
            registry.setVersionTag(context, name, challengerVersion, "role", MlopsSettings.ALIAS);
        }
        String pointsAt = registry.versionByAlias(context, name, MlopsSettings.ALIAS).path("version").asText();
        context.note(promote ? "promoted: '" + MlopsSettings.ALIAS + "' now points at version " + pointsAt
                : "kept: the challenger is not better by the margin, so '" + MlopsSettings.ALIAS
                + "' stays on version " + pointsAt);
        monitoring.put("decision", promote ? "promoted" : "kept");
        monitoring.put("championScore", champion);
        monitoring.put("challengerScore", challenger);
        monitoring.put("championVersion", pointsAt);
        context.fact("monitoring", monitoring);
        context.fact("alias", MlopsSettings.ALIAS);
    }

    /** What an evaluation run (the project's {@code evaluate} entry point) logged, read back from MLflow. */
    private double evaluatedAccuracy(String evaluation) {
        return client.getRun(evaluation).getData().getMetricsList().stream()
                .filter(metric -> metric.getKey().equals("eval_accuracy")).findFirst()
                .orElseThrow(() -> new StepFailedException("evaluation run " + evaluation + " logged no eval_accuracy",
                        "the evaluate entry point must log it", "check sample-ml-project/evaluate.py"))
                .getValue();
    }

    private Map<String, String> monitorParams(String scoringUrl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model_uri", "models:/" + settings.modelName() + "@" + MlopsSettings.ALIAS);
        params.put("scoring_url", scoringUrl);
        params.put("data", settings.productionData());
        params.put("reference", settings.data());
        params.put("max_accuracy_drop", String.valueOf(MlopsSettings.MAX_ACCURACY_DROP));
        return params;
    }

    /** MLflow's REST lists of {@code {"key": ..., "value": ...}}, as a sorted map. */
    private static <T> Map<String, T> keyValues(JsonNode list, java.util.function.Function<JsonNode, T> value) {
        Map<String, T> map = new TreeMap<>();
        list.forEach(item -> map.put(item.path("key").asText(), value.apply(item.path("value"))));
        return map;
    }

    private static Map<String, String> tags(Service.Run run) {
        Map<String, String> tags = new TreeMap<>();
        run.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
        return tags;
    }

    private static Map<String, Double> metrics(Service.Run run) {
        Map<String, Double> metrics = new TreeMap<>();
        run.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
        return metrics;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
