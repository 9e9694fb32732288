package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MLOps lane: what gets versioned, built, evaluated, released and deployed is a model, made from code + data +
 * parameters. Each step is real: an MLflow server, {@code mlflow run}, the Java client, the registry's REST API,
 * {@code mlflow models serve}.
 */
public final class MlopsLane {

    public static final String NAME = "mlops";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepoLayout repo;
    private final Workspace workspace;
    private final MlopsSettings settings;
    private final PythonEnv python;
    private final MlflowStore store;
    private MlflowServer server;
    private MlflowClient client;
    private String runId;
    private String artifactUri;
    private double accuracy;
    private String modelVersion;

    public MlopsLane(RepoLayout repo, Workspace workspace, MlopsSettings settings) {
        this.repo = repo;
        this.workspace = workspace;
        this.settings = settings;
        this.python = new PythonEnv(repo.venv());
        this.store = new MlflowStore(workspace.mlops().resolve("mlflow"));
    }

    public Lane lane() {
        String model = settings.modelName();
        return new Lane(NAME, List.of(
                new Step("mlops.server", NAME, Stage.VERSION, "Start the MLflow tracking server",
                        "Git alone cannot version a model: MLOps adds a tracking server that records every run's "
                                + "parameters, metrics, dataset and model.",
                        "mlflow server --host 127.0.0.1 --port PORT --backend-store-uri sqlite:///mlops/mlflow/"
                                + "mlflow.db --artifacts-destination mlops/mlflow/artifacts",
                        this::startServer),
                new Step("mlops.train", NAME, Stage.BUILD, "Train with mlflow run",
                        "An ML build is a training run: code + data + parameters produce the model, so all three "
                                + "are recorded with it to make it reproducible.",
                        String.join(" ", MlflowProjectRun.argv("mlflow", Path.of("sample-ml-project"),
                                settings.experiment(), settings.params())),
                        this::train),
                new Step("mlops.inspect", NAME, Stage.VERSION, "Read back what was versioned",
                        "One run id ties together the code's git commit, the dataset's digest, the parameters "
                                + "and the metrics: that is what versioning means in MLOps.",
                        "curl \"$MLFLOW_TRACKING_URI/api/2.0/mlflow/runs/get?run_id=RUN_ID\"",
                        this::inspect),
                new Step("mlops.gate", NAME, Stage.EVALUATE, "Accuracy gate",
                        "The MLOps gate is a metric threshold on held-out data, not pass/fail unit tests: the same "
                                + "code can pass or fail depending on the data.",
                        String.format(Locale.ROOT, "test \"$(accuracy of RUN_ID)\" '>=' %.2f",
                                settings.minAccuracy()),
                        this::gate),
                new Step("mlops.register", NAME, Stage.RELEASE, "Register the model and set the alias",
                        "Releasing in MLOps means registering a new model version and pointing the '"
                                + MlopsSettings.ALIAS + "' alias at it; code is not what gets released.",
                        "curl -X POST \"$MLFLOW_TRACKING_URI/api/2.0/mlflow/model-versions/create\" -d "
                                + "'{\"name\":\"" + model + "\",\"source\":\"ARTIFACT_URI/model\",\"run_id\":\"RUN_ID\"}'",
                        this::register),
                new Step("mlops.serve", NAME, Stage.DEPLOY, "Serve the champion and score a request",
                        "Deploying a model: serve the champion and score real input. Unlike code, its quality "
                                + "can decay as live data drifts, so it must be monitored after deployment.",
                        "mlflow models serve -m models:/" + model + "@" + MlopsSettings.ALIAS
                                + " --env-manager local --port PORT & curl -X POST "
                                + "http://127.0.0.1:PORT/invocations -d @row.json",
                        this::serve)));
    }

    private void startServer(StepContext context) throws Exception {
        if (settings.target().kind() != MlflowTarget.Kind.EXTERNAL) {
            python.requireMlflow();
        }
        server = MlflowServers.start(context, settings.target(), settings.image(), python, store,
                workspace.root().toString());
        server.quiet();
        client = new MlflowClient(server.trackingUri());
        context.summaryField("mlflowMode", server.mode());
        context.out("MLflow " + server.mode() + " server ready at " + server.trackingUri());
        context.out("UI: " + server.trackingUri() + "/#/experiments");
        server.backendStore().ifPresent(db -> context.out("Backend store: " + db));
        context.fact("trackingUri", server.trackingUri());
        server.backendStore().ifPresent(db -> context.fact("backendStore", db.toString()));
    }

    private void train(StepContext context) throws Exception {
        python.requireMlflow();
        runId = MlflowProjectRun.run(context, python, server.trackingUri(), repo.sampleMlProject(),
                settings.experiment(), settings.params());
        context.fact("experimentName", settings.experiment());
        context.fact("runId", runId);
    }

    private void inspect(StepContext context) throws Exception {
        Service.Run run = client.getRun(runId);
        artifactUri = run.getInfo().getArtifactUri();
        Map<String, String> params = new TreeMap<>();
        run.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
        Map<String, Double> metrics = new TreeMap<>();
        run.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
        Map<String, String> tags = new TreeMap<>();
        run.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
        context.out("run " + runId + " (" + run.getInfo().getStatus() + ") in experiment " + settings.experiment());
        context.out("code:    git commit " + tags.getOrDefault("mlflow.source.git.commit", "(not a git checkout)"));
        String digest = null;
        for (Service.DatasetInput input : run.getInputs().getDatasetInputsList()) {
            Service.Dataset dataset = input.getDataset();
            digest = dataset.getDigest();
            context.out("data:    dataset " + dataset.getName() + " digest " + dataset.getDigest() + " ("
                    + dataset.getSourceType() + " " + dataset.getSource() + ")");
        }
        params.forEach((key, value) -> context.out("param:   " + key + " = " + value));
        metrics.forEach((key, value) -> context.out(String.format(Locale.ROOT, "metric:  %s = %.4f", key, value)));
        context.out("model:   " + artifactUri + "/model");
        context.out("UI:      " + server.trackingUri() + "/#/experiments/" + run.getInfo().getExperimentId()
                + "/runs/" + runId);
        if (digest == null) {
            throw new StepFailedException("run " + runId + " has no dataset input",
                    "without the dataset's digest the model cannot be traced to its data",
                    "log the dataset with mlflow.log_input in train.py");
        }
        if (!metrics.containsKey("accuracy")) {
            throw new StepFailedException("run " + runId + " logged no accuracy metric",
                    "the evaluation gate needs it", "log it with mlflow.log_metric in train.py");
        }
        accuracy = metrics.get("accuracy");
        context.fact("params", params);
        context.fact("metrics", metrics);
        context.fact("datasetDigest", digest);
        context.fact("gitCommit", tags.get("mlflow.source.git.commit"));
    }

    private void gate(StepContext context) {
        boolean passes = accuracy >= settings.minAccuracy();
        context.out(String.format(Locale.ROOT, "accuracy %.4f %s threshold %.4f", accuracy, passes ? ">=" : "<",
                settings.minAccuracy()));
        context.fact("minAccuracy", settings.minAccuracy());
        if (!passes) {
            throw new StepFailedException(String.format(Locale.ROOT,
                    "the model's accuracy %.4f is below the threshold %.4f", accuracy, settings.minAccuracy()),
                    "a model that does not reach the threshold is not released; nothing was registered",
                    "improve the data or parameters (--param), or lower --min-accuracy, and run again");
        }
        context.out("gate passed: the model may be released");
    }

    private void register(StepContext context) throws Exception {
        ModelRegistry registry = new ModelRegistry(client);
        String name = settings.modelName();
        if (registry.ensureRegisteredModel(name)) {
            context.out("Created registered model '" + name + "'");
        }
        modelVersion = registry.createVersion(name, artifactUri + "/model", runId);
        context.out("Created version " + modelVersion + " of '" + name + "' from run " + runId);
        registry.awaitReady(name, modelVersion);
        context.out("Version " + modelVersion + " is READY");
        registry.setAlias(name, MlopsSettings.ALIAS, modelVersion);
        JsonNode champion = registry.versionByAlias(name, MlopsSettings.ALIAS);
        String pointsAt = champion.path("version").asText();
        if (!modelVersion.equals(pointsAt)) {
            throw new StepFailedException("alias " + MlopsSettings.ALIAS + " points at version " + pointsAt,
                    "the registry did not take the alias update", "set it by hand in the MLflow UI");
        }
        context.out("Alias '" + MlopsSettings.ALIAS + "' -> version " + pointsAt + " (run "
                + champion.path("run_id").asText() + ")");
        context.out("UI: " + server.trackingUri() + "/#/models/" + name + "/versions/" + modelVersion);
        context.fact("modelName", name);
        context.fact("modelVersion", modelVersion);
        context.fact("alias", MlopsSettings.ALIAS);
    }

    private void serve(StepContext context) throws Exception {
        String modelUri = "models:/" + settings.modelName() + "@" + MlopsSettings.ALIAS;
        ObjectNode request = scoringRequest(repo.sampleMlProject().resolve("data/production_reference.csv"));
        try (ModelServer model = ModelServer.start(context, python, server.trackingUri(), modelUri,
                workspace.mlops())) {
            context.out("POST " + model.baseUrl() + "/invocations " + JSON.writeValueAsString(request));
            HttpResponse<String> response = model.invoke(JSON.writeValueAsString(request));
            context.out("-> " + response.statusCode() + " " + response.body());
            if (response.statusCode() != 200) {
                throw new StepFailedException("the model server answered " + response.statusCode(),
                        response.body(), "read the model server's output above");
            }
            JsonNode prediction = JSON.readTree(response.body()).path("predictions");
            context.fact("prediction", prediction.isArray() && prediction.size() == 1 ? prediction.get(0)
                    : prediction);
            context.fact("servedModel", modelUri);
        }
        context.out("Stopped the model server.");
    }

    /** One real row of the production sample, without its label, as MLflow's {@code dataframe_split}. */
    static ObjectNode scoringRequest(Path csv) throws Exception {
        CsvTable table = CsvTable.read(csv);
        JsonNode schema = JSON.readTree(csv.resolveSibling("schema.json").toFile());
        String label = schema.path("label").asText();
        Map<String, String> types = new LinkedHashMap<>();
        schema.path("columns").forEach(column -> types.put(column.path("name").asText(),
                column.path("type").asText()));
        ObjectNode request = JSON.createObjectNode();
        ObjectNode split = request.putObject("dataframe_split");
        ArrayNode columns = split.putArray("columns");
        ArrayNode row = split.putArray("data").addArray();
        List<String> first = table.rows().get(0);
        for (int i = 0; i < table.columns().size(); i++) {
            String column = table.columns().get(i);
            if (column.equals(label)) {
                continue;
            }
            columns.add(column);
            if ("int".equals(types.get(column))) {
                row.add(Long.parseLong(first.get(i)));
            } else {
                row.add(Double.parseDouble(first.get(i)));
            }
        }
        return request;
    }
}
