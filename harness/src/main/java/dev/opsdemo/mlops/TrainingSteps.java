package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.text.CommitIds;
import dev.opsdemo.workspace.RepoLayout;

import java.util.Locale;
import java.util.Map;

/**
 * The MLOps lane up to a released model: check the data, train, read back what was versioned, gate on accuracy,
 * register, and point the alias at the version. What one step learns (the run, its model, the version) the later
 * ones read from here.
 */
final class TrainingSteps {

    private final MlopsSettings settings;
    private final RepoLayout repo;
    private final PythonEnv python;
    private final Tracking tracking;
    private final ProjectRuns runs;
    private String runId;
    private ModelSource modelSource;
    private String gitCommit;
    private String datasetDigest;
    private String modelVersion;

    TrainingSteps(MlopsSettings settings, RepoLayout repo, PythonEnv python, Tracking tracking, ProjectRuns runs) {
        this.settings = settings;
        this.repo = repo;
        this.python = python;
        this.tracking = tracking;
        this.runs = runs;
    }

    String runId() {
        return runId;
    }

    String gitCommit() {
        return gitCommit;
    }

    String datasetDigest() {
        return datasetDigest;
    }

    String modelVersion() {
        return modelVersion;
    }

    /** The project's {@code validate} entry point checks the data; its verdict is read back from the run. */
    void validate(StepContext context) throws Exception {
        python.requireMlflow();
        context.record(new MlopsFacts.Validation(settings.data(), null, null, null));
        MlflowProjectRun.Outcome outcome = MlflowProjectRun.outcome(context, python, tracking.server(),
                repo.sampleMlProject(), ProjectRuns.VALIDATE, MlopsLane.VALIDATION_EXPERIMENT, runs.validateParams());
        ValidationVerdict verdict = outcome.runId() == null ? null : RunArtifacts.readJson(tracking.trackingUri(),
                outcome.runId(), ValidationVerdict.ARTIFACT, ValidationVerdict.class);
        context.record(new MlopsFacts.Validation(settings.data(), outcome.runId(),
                verdict == null ? null : verdict.passed(),
                verdict == null ? null : String.join("; ", verdict.violations())));
        requirePassed(outcome, verdict, settings.data());
    }

    /**
     * The data check's verdict, as its run tagged it: a broken contract, or no verdict at all (the entry point
     * stopped before it, e.g. on a missing file), is a failed step that says why.
     */
    static void requirePassed(MlflowProjectRun.Outcome outcome, ValidationVerdict verdict, String data) {
        if (verdict != null && !verdict.passed()) {
            throw new StepFailedException("the data breaks its contract: " + String.join("; ", verdict.violations()),
                    "training on it would produce a model without any error, just a wrong one; nothing was "
                            + "trained or registered",
                    "fix the data (or the contract in data/schema.json) and run again, e.g. --data data/train.csv");
        }
        if (!outcome.succeeded() || verdict == null) {
            throw new StepFailedException("cannot check the training data " + data + ": "
                    + outcome.lastError(), "--data must name CSV files, relative to sample-ml-project/ or absolute",
                    "pass an existing file, e.g. --data data/train.csv; nothing was trained");
        }
    }

    void train(StepContext context) throws Exception {
        python.requireMlflow();
        runId = MlflowProjectRun.run(context, python, tracking.server(), repo.sampleMlProject(),
                MlflowProjectRun.MAIN, settings.experiment(), settings.trainingParams());
        context.record(new MlopsFacts.Training(settings.experiment(), runId));
    }

    void inspect(StepContext context) throws Exception {
        JsonNode answer = tracking.registry().read(context, ModelRegistry.runPath(runId),
                ModelRegistry.RUN_LINEAGE);
        if (answer == null) {
            throw new StepFailedException("run " + runId + " is not on the tracking server "
                    + tracking.trackingUri(), "mlflow run reported it, but the server answers 404 for it",
                    "check that the training ran against this server (MLFLOW_TRACKING_URI)");
        }
        JsonNode run = answer.path("run");
        modelSource = ModelSource.of(answer);
        Map<String, String> params = RunRecords.keyValues(run.at("/data/params"), JsonNode::asText);
        Map<String, Double> metrics = RunRecords.keyValues(run.at("/data/metrics"), JsonNode::asDouble);
        Map<String, String> tags = RunRecords.keyValues(run.at("/data/tags"), JsonNode::asText);
        String digest = null;
        String datasetName = null;
        for (JsonNode input : run.at("/inputs/dataset_inputs")) {
            digest = input.at("/dataset/digest").asText();
            datasetName = input.at("/dataset/name").asText();
        }
        String commit = tags.get("mlflow.source.git.commit");
        // The one point of the step, said once: what this run id ties together (the lines above show each part).
        context.note("run " + runId + " ties together code (git commit " + (commit == null ? "none: not a git checkout"
                : CommitIds.shortForm(commit)) + "), data (dataset " + datasetName + ", digest " + digest + "), "
                + params.size() + " parameters, " + metrics.size() + " metrics and the model " + modelSource.uri());
        String experimentUrl = tracking.trackingUri() + "/#/experiments/" + run.at("/info/experiment_id").asText();
        String runUrl = experimentUrl + "/runs/" + runId;
        context.note("UI: " + runUrl);
        // Linked from the run's page, and in the reports: one UI line on stage is enough.
        String modelUrl = modelSource.isLoggedModel() ? experimentUrl + "/models/" + modelSource.modelId() : null;
        context.record(new MlopsFacts.Lineage(runUrl, modelSource.uri(), modelUrl, params, metrics, digest,
                commit));
        if (digest == null) {
            throw new StepFailedException("run " + runId + " has no dataset input",
                    "without the dataset's digest the model cannot be traced to its data",
                    "log the dataset with mlflow.log_input in train.py");
        }
        datasetDigest = digest;
        gitCommit = tags.get("mlflow.source.git.commit");
    }

    /** The run's accuracy, as {@code metrics/get-history} answers (shown); the gate compares it. */
    void gate(StepContext context) throws Exception {
        JsonNode answer = tracking.registry().read(context, ModelRegistry.accuracyPath(runId),
                ModelRegistry.METRIC_VALUES);
        JsonNode history = answer == null ? Json.MAPPER.createArrayNode() : answer.path("metrics");
        if (history.isEmpty()) {
            throw new StepFailedException("run " + runId + " logged no accuracy metric",
                    "the evaluation gate needs it", "log it with mlflow.log_metric in train.py");
        }
        double accuracy = history.get(history.size() - 1).path("value").asDouble();
        boolean passes = MlopsPolicy.passesGate(accuracy, settings.minAccuracy());
        context.note(String.format(Locale.ROOT, "accuracy %.4f %s threshold %.4f", accuracy, passes ? ">=" : "<",
                settings.minAccuracy()));
        context.record(new MlopsFacts.Gate(settings.minAccuracy()));
        if (!passes) {
            throw new StepFailedException(String.format(Locale.ROOT,
                    "the model's accuracy %.4f is below the threshold %.4f", accuracy, settings.minAccuracy()),
                    "a model that does not reach the threshold is not released; nothing was registered",
                    "improve the data or parameters (--param), or lower --min-accuracy, and run again");
        }
        context.note("gate passed: the model may be released");
    }

    /** A numbered version of the named model, made from the run's model; the registered model first if need be. */
    void register(StepContext context) throws Exception {
        String name = settings.modelName();
        ModelRegistry registry = tracking.registry();
        if (!registry.exists(context, name)) {
            registry.createRegisteredModel(context, name);
        }
        JsonNode created = registry.createVersion(context, name, modelSource, runId);
        modelVersion = created.path("version").asText();
        registry.awaitReady(context, created);
        context.note("version " + modelVersion + " is READY; it remembers run " + runId);
        String versionUrl = tracking.trackingUri() + "/#/models/" + name + "/versions/" + modelVersion;
        context.note("UI: " + versionUrl);
        context.record(new MlopsFacts.Registration(name, modelVersion, versionUrl));
    }

    /** The release: the champion alias moved to the new version, its POST being the step's own command. */
    void alias(StepContext context) throws Exception {
        String name = settings.modelName();
        ModelRegistry registry = tracking.registry();
        registry.setAlias(context, name, MlopsSettings.ALIAS, modelVersion, true);
        String pointsAt = registry.versionByAlias(context, name, MlopsSettings.ALIAS).path("version").asText();
        if (!modelVersion.equals(pointsAt)) {
            throw new StepFailedException("alias " + MlopsSettings.ALIAS + " points at version " + pointsAt,
                    "the registry did not take the alias update", "set it by hand in the MLflow UI");
        }
        context.note("alias '" + MlopsSettings.ALIAS + "' -> version " + pointsAt + ": what loads "
                + ProjectRuns.championUri(name) + " (the serve step) gets this version");
        context.record(new MlopsFacts.Release(MlopsSettings.ALIAS));
    }
}
