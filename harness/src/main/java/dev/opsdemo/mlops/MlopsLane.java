package dev.opsdemo.mlops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ShellContext;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.exec.ChosenPort;
import dev.opsdemo.mlflow.MlflowStack;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The MLOps lane: what gets versioned, built, evaluated, released and deployed is a model, made from code + data +
 * parameters. Each step is real: an MLflow server, {@code mlflow run}, the Java client, the registry's REST API,
 * {@code mlflow models serve}. This class declares the steps; {@link Tracking}, {@link TrainingSteps} and
 * {@link MonitoringSteps} do them, {@link ProjectRuns} builds what they show and run, {@link MlopsPolicy} decides.
 */
public final class MlopsLane {

    public static final String NAME = "mlops";
    private final RepoLayout repo;
    private final Workspace workspace;
    private final MlopsSettings settings;
    private final PythonEnv python;
    private final MlflowStore store;
    private final Tracking tracking;
    private final ProjectRuns runs;
    private final TrainingSteps training;
    private final MonitoringSteps monitoring;
    /**
     * The steps that start a background server, whose log is named after them (Workspace.log); the tracking
     * server's is what {@code harness ui} runs again on the store.
     */
    public static final String SERVER_STEP = "mlops.server";
    static final String SERVE_STEP = "mlops.serve";
    static final String MONITOR_STEP = "mlops.monitor";

    /** Chosen when the serve step's command is shown, so the line on screen names the port the server gets. */
    private final ChosenPort servePort = new ChosenPort();

    public MlopsLane(RepoLayout repo, Workspace workspace, MlopsSettings settings) {
        this(repo, workspace, settings, false);
    }

    /** {@code keepRunning}: the model server stays up after the monitor step, until the run ends. */
    public MlopsLane(RepoLayout repo, Workspace workspace, MlopsSettings settings, boolean keepRunning) {
        this.repo = repo;
        this.workspace = workspace;
        this.settings = settings;
        this.python = new PythonEnv(settings.venv(), workspace.mlops().resolve("tmp"));
        this.store = MlflowStore.in(workspace);
        this.tracking = new Tracking(settings, python, store, workspace);
        this.runs = new ProjectRuns(settings, repo);
        this.training = new TrainingSteps(settings, repo, python, tracking, runs);
        this.monitoring = new MonitoringSteps(settings, repo, workspace, python, tracking, training, runs, servePort,
                keepRunning);
    }

    public Lane lane() {
        String model = settings.modelName();
        // The REST calls as the steps show them: the tracking URI a command's variable, signed in as the client is.
        RestApi shown = tracking.restApi("${MLFLOW_TRACKING_URI}");
        return new Lane(NAME, List.of(
                new Step(SERVER_STEP, NAME, Stage.VERSION, "Start the MLflow tracking server",
                        "Git alone cannot version a model: MLOps adds a tracking server that records every run's "
                                + "parameters, metrics, dataset and model.",
                        tracking::command,
                        tracking::start).scripted(MlopsScript.SERVER),
                new Step("mlops.validate", NAME, Stage.EVALUATE, "Validate the data against its contract",
                        "In ML the data is an input as important as the code: it is checked against a schema "
                                + "before training, because bad data builds a bad model without any error.",
                        runs.validate(),
                        tracking.needsServer(training::validate)).practised(training::checkValidate,
                        "mlflow run prints the run's id when it ends: === Run (ID '...') succeeded ===.",
                        "The run is in the experiment data-validation: its validation.json says passed."),
                new Step("mlops.train", NAME, Stage.BUILD, "Train with mlflow run",
                        "An ML build is a training run: code + data + parameters produce the model, so all three "
                                + "are recorded with it to make it reproducible.",
                        runs.train(),
                        tracking.needsServer(training::train)).scripted(MlopsScript.TRAIN)
                        .practised(training::checkTrain,
                                "--experiment-name decides where the run is recorded; without it, Default.",
                                "-P data= names the data; it must be the data the contract check passed."),
                new Step("mlops.inspect", NAME, Stage.VERSION, "Read back what was versioned",
                        "One run id ties together the code's git commit, the dataset's digest, the parameters "
                                + "and the metrics: that is what versioning means in MLOps.",
                        Command.of(shown.curlGet(ModelRegistry.runPath("${RUN_ID}"),
                                ModelRegistry.RUN_LINEAGE)),
                        tracking.needsServer(training::inspect)).scripted(MlopsScript.INSPECT)
                        .practised(training::checkInspect,
                                "The jq filter picks the run's lineage out of the whole answer: drop it to see all.")
                        .askingBack("Which digest does the run record for its dataset?", training::wrongDigest),
                new Step("mlops.gate", NAME, Stage.EVALUATE, "Accuracy gate",
                        "The MLOps gate is a metric threshold on held-out data, not pass/fail unit tests: the same "
                                + "code can pass or fail depending on the data.",
                        Command.of(shown.curlGet(ModelRegistry.accuracyPath("${RUN_ID}"),
                                ModelRegistry.METRIC_VALUES)),
                        tracking.needsServer(training::gate)).scripted(MlopsScript.GATE)
                        .practised(training::checkGate,
                                "The answer lists the accuracy's history; the last value is the one gated.")
                        .askingBack("What accuracy does the gate compare with its threshold?",
                                training::wrongAccuracy),
                new Step("mlops.register", NAME, Stage.RELEASE, "Register the run's model",
                        "The model registry turns the run's model into a numbered version of a named model, and "
                                + "remembers the run (code, data, parameters) each version was made from.",
                        Command.of(shown.curlGet(ModelRegistry.registeredModelPath(model),
                                ModelRegistry.MODEL_OR_ERROR)),
                        tracking.needsServer(training::register)).scripted(() -> MlopsScript.register(model))
                        .practised(this::registerLines, training::checkRegister,
                                "The version's source is the run's model; the run_id ties the version to the run.",
                                "A version is READY once the registry has its files; check again if not."),
                new Step("mlops.alias", NAME, Stage.RELEASE, "Release it: point the alias at it",
                        "Releasing in MLOps means pointing the '" + MlopsSettings.ALIAS + "' alias at the new "
                                + "version; whatever loads the model by its alias gets it. Code is not what gets "
                                + "released.",
                        Command.of(ModelRegistry.setAliasLine(shown, model, MlopsSettings.ALIAS,
                                "${VERSION}")),
                        tracking.needsServer(training::alias)).scripted(() -> MlopsScript.alias(model))
                        .practised(training::checkAlias,
                                "The POST moves the alias; the GET after it reads where it points now."),
                new Step(SERVE_STEP, NAME, Stage.DEPLOY, "Serve the champion and score a request",
                        "Deploying a model: serve the champion and score real input. Unlike code, its quality "
                                + "can decay as live data drifts, so it must be monitored after deployment.",
                        runs::serve,
                        tracking.needsServer(monitoring::serve)).scripted(MlopsScript.SERVE)
                        .practised(monitoring::checkServe,
                                "The & starts the model server in the background of your shell; jobs lists it.",
                                "The first curl waits until /ping answers: loading the model takes a few seconds.")
                        .onTheLearnersMachine(),
                new Step(MONITOR_STEP, NAME, Stage.MONITOR, "Monitor drift and accuracy",
                        "A deployed model is watched for data drift and accuracy decay, not just uptime: the "
                                + "world changes and the model silently gets worse.",
                        runs.monitor(),
                        tracking.needsServer(monitoring::monitor)).scripted(MlopsScript.MONITOR)
                        .practised(monitoring::checkMonitor,
                                "The monitor entry point scores the production batch through your model server.",
                                "Its run is in the experiment monitoring; monitoring.json holds its verdict."),
                new Step("mlops.retrain", NAME, Stage.MONITOR, "Retrain on the new data",
                        "When drift or decay crosses its threshold the fix is retraining, not a code change: "
                                + "same code, new data, a new model.",
                        // Retraining only when monitoring asked for it.
                        () -> monitoring.retrainNeeded() ? runs.retrain()
                                : monitoring.monitoringRunId() == null ? ProjectRuns.noVerdict()
                                : ProjectRuns.noRetrain(),
                        tracking.needsServer(monitoring::retrain)).scripted(() -> MlopsScript.retrain(
                                runs.retrain(), ProjectRuns.noRetrain()))
                        .practised(monitoring::checkRetrain,
                                "The same entry point as training: only -P data= differs, the new rows added."),
                new Step("mlops.challenger", NAME, Stage.MONITOR, "Register it as the challenger",
                        "The retrained model becomes a new version beside the champion, under the '"
                                + MlopsSettings.CHALLENGER + "' alias: registered, but not what is served.",
                        () -> monitoring.monitoringRunId() == null ? ProjectRuns.noVerdict()
                                : monitoring.retrainRunId() == null ? ProjectRuns.noChallengerToRegister()
                                : Command.of(ModelRegistry.createVersionLine(shown, model,
                                        monitoring.retrainSource(), "${RETRAIN_RUN_ID}")),
                        tracking.needsServer(monitoring::challenger)).scripted(() -> MlopsScript.challenger(model,
                                ProjectRuns.noChallengerToRegister()))
                        .practised(monitoring::checkChallenger,
                                "The answer names the new version's number; the alias goes on that number."),
                new Step("mlops.evaluate", NAME, Stage.MONITOR, "Champion or challenger: score both",
                        "Both versions are scored on the same held-out rows, which neither was trained on; the "
                                + "scores decide, not which model is newer.",
                        () -> monitoring.challengerVersion() == null ? ProjectRuns.noChallenger()
                                : runs.evaluateBoth(),
                        tracking.needsServer(monitoring::evaluate)).scripted(() -> MlopsScript.evaluate(
                                runs.evaluateBoth(), ProjectRuns.noChallenger()))
                        .practised(monitoring::checkEvaluate,
                                "Both commands score the same held-out rows, which neither model was trained on."),
                new Step("mlops.promote", NAME, Stage.MONITOR, "Promote only if better",
                        "A new model replaces the old one only if it is measurably better on the same held-out "
                                + "data: the '" + MlopsSettings.ALIAS + "' alias moves; otherwise the champion stays.",
                        () -> monitoring.challengerBetter()
                                ? Command.of(ModelRegistry.setAliasLine(shown, model,
                                        MlopsSettings.ALIAS, "${CHALLENGER_VERSION}"))
                                : ProjectRuns.keepChampion(),
                        tracking.needsServer(monitoring::promote)).scripted(() -> MlopsScript.promote(model,
                                ProjectRuns.keepChampion()))
                        .practised(monitoring::checkPromote,
                                "The evaluation's last line said whether the challenger is better by the margin.")),
                this::value, new MlopsStory(), this::shell);
    }

    /** The tracking server's address once the server step has run (the planned one before; null before that). */
    public String trackingUri() {
        return tracking.trackingUri();
    }

    /** Who the lane is to the tracking server: for a stack, its admin, once the server step has run. */
    public dev.opsdemo.mlflow.MlflowCredentials credentials() {
        return tracking.credentials();
    }

    /** The lane's step that starts (or reaches) the tracking server, alone, as another command's first step. */
    public Step serverStep() {
        return lane().only(SERVER_STEP).steps().get(0);
    }

    /** What the learner types to register the model (see {@link TrainingSteps#registerLines}). */
    private Command registerLines() {
        try {
            return training.registerLines();
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the registry what to create: " + e.getMessage(), e);
        }
    }

    /** An off-script shell in the ML project, with the venv and (once the server is up) the tracking URI. */
    private ShellContext shell() {
        Map<String, String> environment = new LinkedHashMap<>(python.environment());
        // Never the credentials of a server the harness signs in to (the stack's admin): `env` would show them. The
        // shell shows the line that loads them instead (signIn).
        if (tracking.trackingUri() != null) {
            environment.put("MLFLOW_TRACKING_URI", tracking.trackingUri());
        }
        return new ShellContext(repo.sampleMlProject(), environment, tracking.shellSetup(), tracking.signInLine());
    }

    private String value(String name) {
        return switch (name) {
            case "VENV" -> settings.venv().toAbsolutePath().toString();
            // Absolute: mlflow run starts the entry points in the project, where a relative TMPDIR would not exist.
            case "PYTHON_TMP" -> python.tmp().toAbsolutePath().toString();
            case "MLFLOW_PORT" -> tracking.port();
            case "MLFLOW_IMAGE" -> tracking.image();
            case "POSTGRES_IMAGE" -> tracking.databaseImage();
            case "STACK_NETWORK" -> tracking.network();
            case "STACK" -> workspace.shown(MlflowStack.Directories.in(workspace).root());
            case "STORE" -> workspace.shown(store.dir());
            case "WORKSPACE" -> workspace.root().toString();
            case "MLFLOW_TRACKING_URI" -> tracking.trackingUri();
            case "ML_PROJECT" -> repo.sampleMlProject().toString();
            case "RUN_ID" -> training.runId();
            case "VERSION" -> training.modelVersion();
            case "SERVE_PORT" -> String.valueOf(servePort.get());
            case "SERVER_LOG" -> workspace.shown(workspace.log(SERVER_STEP));
            case "SERVE_LOG" -> workspace.shown(workspace.log(SERVE_STEP));
            case "MONITOR_RUN_ID" -> monitoring.monitoringRunId();
            case "RETRAIN_RUN_ID" -> monitoring.retrainRunId();
            case "CHALLENGER_VERSION" -> monitoring.challengerVersion();
            case "HOLDOUT" -> runs.holdout();
            default -> null;
        };
    }
}
