package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Practice;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.text.CommitIds;
import dev.opsdemo.workspace.RepoLayout;

import org.mlflow.api.proto.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private double accuracy;
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
                repo.sampleMlProject(), ProjectRuns.VALIDATE, settings.validationExperiment(), runs.validateParams());
        requirePassed(outcome, recordValidation(context, outcome.runId()), settings.data());
    }

    /** The validation run's verdict (its validation.json), recorded; null when it logged none. */
    private ValidationVerdict recordValidation(StepContext context, String validationRun) throws Exception {
        ValidationVerdict verdict = validationRun == null ? null : RunArtifacts.readJson(tracking.restApi(),
                validationRun, ValidationVerdict.ARTIFACT, ValidationVerdict.class);
        context.record(new MlopsFacts.Validation(settings.data(), validationRun,
                verdict == null ? null : verdict.passed(),
                verdict == null ? null : String.join("; ", verdict.violations())));
        return verdict;
    }

    /** The learner's validation run: the step's data checked, and its verdict read as the demo's is. */
    List<Practice.Unmet> checkValidate(StepContext context, Instant since) throws Exception {
        Service.Run run = tracking.newestRun(settings.validationExperiment(), ProjectRuns.VALIDATE, since);
        if (run == null) {
            return List.of(Practice.Unmet.of("no run of the validate entry point in experiment '"
                    + settings.validationExperiment() + "'" + Tracking.sinceStep(since, " since this step began")));
        }
        String id = run.getInfo().getRunId();
        String checked = RunRecords.params(run).get("data");
        if (!settings.data().equals(checked)) {
            return List.of(Practice.Unmet.of("run " + id + " checked data=" + checked + ", not the data this lane "
                    + "trains on, data=" + settings.data()));
        }
        ValidationVerdict verdict = recordValidation(context, id);
        if (verdict == null) {
            return List.of(Practice.Unmet.of("run " + id + " logged no " + ValidationVerdict.ARTIFACT + ": it "
                    + "stopped before its verdict (mlflow run's last lines say why)"));
        }
        if (!verdict.passed()) {
            return List.of(Practice.Unmet.of("the data breaks its contract: " + String.join("; ",
                    verdict.violations())));
        }
        context.note("run " + id + ": " + settings.data() + " meets its contract");
        return List.of();
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
        recordTraining(context, MlflowProjectRun.run(context, python, tracking.server(), repo.sampleMlProject(),
                MlflowProjectRun.MAIN, settings.experiment(), settings.trainingParams()));
    }

    private void recordTraining(StepContext context, String trainingRun) {
        runId = trainingRun;
        context.record(new MlopsFacts.Training(settings.experiment(), runId));
    }

    /** Where a run lands whose {@code mlflow run} named no experiment. */
    static final String DEFAULT_EXPERIMENT = "Default";

    /**
     * The learner's training run (the newest on the step's data): in the lane's experiment (one in Default is the lesson's mistake), finished, with
     * the step's parameters (other data than the validated one is explained), and a dataset input.
     */
    List<Practice.Unmet> checkTrain(StepContext context, Instant since) throws Exception {
        // The newest on the step's data, so that a retraining since (other data) is not taken for it; else the
        // newest, whose data is then explained.
        Service.Run run = tracking.newestRun(settings.experiment(), MlflowProjectRun.MAIN, since,
                candidate -> settings.data().equals(RunRecords.params(candidate).get("data")));
        if (run == null) {
            run = tracking.newestRun(settings.experiment(), MlflowProjectRun.MAIN, since);
        }
        if (run == null) {
            Service.Run stray = tracking.newestRun(DEFAULT_EXPERIMENT, MlflowProjectRun.MAIN, since);
            if (stray != null) {
                return List.of(Practice.Unmet.mistake("run " + stray.getInfo().getRunId() + " is in the experiment '"
                        + DEFAULT_EXPERIMENT + "', not '" + settings.experiment() + "'", "training without "
                        + "--experiment-name puts the run in Default, away from the runs it is to be compared with; "
                        + "tracking every run where its comparisons are is what MLOps adds to a code pipeline. "
                        + "Train again with --experiment-name " + settings.experiment()));
            }
            return List.of(Practice.Unmet.of("no training run in experiment '" + settings.experiment()
                    + "'" + Tracking.sinceStep(since, " since this step began")));
        }
        String id = run.getInfo().getRunId();
        Map<String, String> params = RunRecords.params(run);
        List<Practice.Unmet> unmet = new ArrayList<>();
        settings.trainingParams().forEach((key, expected) -> {
            String actual = params.get(key);
            if (expected.equals(actual)) {
                return;
            }
            if (key.equals("data") && actual != null && actual.contains("corrupted")) {
                unmet.add(Practice.Unmet.mistake("run " + id + " trained on data=" + actual, "that data breaks the "
                        + "contract mlops.validate checks, and training on it builds a wrong model without any "
                        + "error: in ML the data is an input to check like code. Train on data=" + expected));
            } else {
                unmet.add(Practice.Unmet.of("run " + id + " has " + key + "=" + actual + "; the step trains with "
                        + key + "=" + expected));
            }
        });
        if (run.getInfo().getStatus() != Service.RunStatus.FINISHED) {
            unmet.add(Practice.Unmet.of("run " + id + " is " + run.getInfo().getStatus() + ", not FINISHED"));
        }
        if (run.getInputs().getDatasetInputsCount() == 0) {
            unmet.add(Practice.Unmet.of("run " + id + " logged no dataset input"));
        }
        if (unmet.isEmpty()) {
            recordTraining(context, id);
            context.note("run " + id + " in experiment '" + settings.experiment() + "', trained on "
                    + settings.data());
        }
        return unmet;
    }

    void inspect(StepContext context) throws Exception {
        JsonNode answer = tracking.registry().read(context, ModelRegistry.runPath(runId),
                ModelRegistry.RUN_LINEAGE);
        if (answer == null) {
            throw new StepFailedException("run " + runId + " is not on the tracking server "
                    + tracking.trackingUri(), "mlflow run reported it, but the server answers 404 for it",
                    "check that the training ran against this server (MLFLOW_TRACKING_URI)");
        }
        readLineage(context, answer);
    }

    /** The training run's lineage, read from its runs/get answer once it is there. */
    List<Practice.Unmet> checkInspect(StepContext context, Instant since) throws Exception {
        return readingTheRun("read", () -> readLineage(context,
                tracking.registry().answer(ModelRegistry.runPath(runId))));
    }

    /** A reading of the training run the demo's step makes too. */
    @FunctionalInterface
    private interface Reading {
        void read() throws Exception;
    }

    /**
     * A check that reads the training run as the demo's step does: nothing to {@code verb} before mlops.train
     * passed, and what the reading refuses (a failed step in the demo) is what is unmet.
     */
    private List<Practice.Unmet> readingTheRun(String verb, Reading reading) throws Exception {
        if (runId == null) {
            return List.of(Practice.Unmet.of("there is no training run to " + verb + ": mlops.train has not passed"));
        }
        try {
            reading.read();
            return List.of();
        } catch (StepFailedException e) {
            return List.of(Practice.Unmet.of(e.getMessage()));
        }
    }

    /** What one run id ties together, read from its {@code runs/get} answer and recorded. */
    private void readLineage(StepContext context, JsonNode answer) {
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

    /** The inspect step's question back: the digest, which ties the run to its data, as the lineage shows it. */
    String wrongDigest(String answer) {
        String typed = answer.replace("\"", "").toLowerCase(Locale.ROOT);
        // Its first characters name it as a commit's short sha does; the digest itself is 8.
        if (typed.equals(datasetDigest) || (typed.length() >= 6 && datasetDigest.startsWith(typed))) {
            return null;
        }
        return "run " + runId + "'s dataset digest is not " + answer + ": it is under \"datasets\" in the lineage";
    }

    /** The gate step's question back: the accuracy the gate compares, as metrics/get-history shows it. */
    String wrongAccuracy(String answer) {
        double typed;
        try {
            typed = Double.parseDouble(answer);
        } catch (NumberFormatException e) {
            return answer + " is not a number: the accuracy is the \"value\" in the answer's line";
        }
        // To three decimals: a learner may round what the answer prints.
        return Math.abs(typed - accuracy) < 0.0005 ? null : "run " + runId + "'s accuracy is not " + answer
                + ": it is the \"value\" in the answer's line";
    }

    /** The run's accuracy, as {@code metrics/get-history} answers (shown); the gate compares it. */
    void gate(StepContext context) throws Exception {
        judge(context, tracking.registry().read(context, ModelRegistry.accuracyPath(runId),
                ModelRegistry.METRIC_VALUES));
    }

    /** The gate on the training run's accuracy, read as the demo's gate reads it. */
    List<Practice.Unmet> checkGate(StepContext context, Instant since) throws Exception {
        return readingTheRun("gate", () -> judge(context,
                tracking.registry().answer(ModelRegistry.accuracyPath(runId))));
    }

    /** The accuracy in a {@code metrics/get-history} answer against the threshold; below it, a failed step. */
    private void judge(StepContext context, JsonNode answer) {
        JsonNode history = answer == null ? Json.MAPPER.createArrayNode() : answer.path("metrics");
        if (history.isEmpty()) {
            throw new StepFailedException("run " + runId + " logged no accuracy metric",
                    "the evaluation gate needs it", "log it with mlflow.log_metric in train.py");
        }
        accuracy = history.get(history.size() - 1).path("value").asDouble();
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
        registry.awaitReady(context, created);
        recordRegistration(context, created.path("version").asText());
    }

    private void recordRegistration(StepContext context, String version) {
        String name = settings.modelName();
        modelVersion = version;
        context.note("version " + modelVersion + " is READY; it remembers run " + runId);
        String versionUrl = tracking.trackingUri() + "/#/models/" + name + "/versions/" + modelVersion;
        context.note("UI: " + versionUrl);
        context.record(new MlopsFacts.Registration(name, modelVersion, versionUrl));
    }

    /**
     * What the learner types to register the run's model: the registered model's creation when it does not exist
     * yet, and the version's, with this run's values (the demo's step decides the first on the GET it shows).
     */
    Command registerLines() throws Exception {
        String name = settings.modelName();
        List<String> lines = new ArrayList<>();
        if (!tracking.registry().registered(name)) {
            lines.add(ModelRegistry.createModelLine(tracking.restApi(), name));
        }
        ModelSource source = modelSource != null ? modelSource : runId == null ? null
                : tracking.registry().modelOf(runId);
        lines.add(source == null ? ": no training run to register (mlops.train has not passed)"
                : ModelRegistry.createVersionLine(tracking.restApi(), name, source, runId));
        return new Command(lines);
    }

    /** The version the learner made from the training run, read back through the Java client. */
    List<Practice.Unmet> checkRegister(StepContext context, Instant since) throws Exception {
        String name = settings.modelName();
        if (runId == null) {
            return List.of(Practice.Unmet.of("there is no training run to register: mlops.train has not passed"));
        }
        if (!tracking.registry().registered(name)) {
            return List.of(Practice.Unmet.of("the registry has no model '" + name + "' yet"));
        }
        org.mlflow.api.proto.ModelRegistry.ModelVersion version = tracking.registry().newestVersionOf(name, runId);
        if (version == null) {
            return List.of(Practice.Unmet.of("'" + name + "' has no version made from run " + runId + " yet"));
        }
        if (!version.getStatus().name().equals("READY")) {
            return List.of(Practice.Unmet.of("version " + version.getVersion() + " is " + version.getStatus()
                    + ", not READY yet: check again in a moment"));
        }
        modelSource = modelSource != null ? modelSource : tracking.registry().modelOf(runId);
        recordRegistration(context, version.getVersion());
        return List.of();
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
        recordRelease(context, pointsAt);
    }

    private static boolean newer(String version, String than) {
        return version != null && Integer.parseInt(version) > Integer.parseInt(than);
    }

    private void recordRelease(StepContext context, String pointsAt) {
        context.note("alias '" + MlopsSettings.ALIAS + "' -> version " + pointsAt + ": what loads "
                + ProjectRuns.championUri(settings.modelName()) + " (the serve step) gets this version");
        context.record(new MlopsFacts.Release(MlopsSettings.ALIAS));
    }

    /**
     * The champion alias, read back: it must point at the version just registered, or at a newer one, which only a
     * promotion after this step makes (read later: the teacher's view).
     */
    List<Practice.Unmet> checkAlias(StepContext context, Instant since) throws Exception {
        String name = settings.modelName();
        if (modelVersion == null) {
            return List.of(Practice.Unmet.of("there is no registered version to release: mlops.register has not "
                    + "passed"));
        }
        String pointsAt = tracking.registry().aliasTarget(name, MlopsSettings.ALIAS);
        if (!modelVersion.equals(pointsAt) && !newer(pointsAt, modelVersion)) {
            return List.of(Practice.Unmet.mistake((pointsAt == null ? "no version of '" + name + "' has the alias '"
                    + MlopsSettings.ALIAS + "'" : "'" + MlopsSettings.ALIAS + "' still points at version " + pointsAt)
                    + ", not version " + modelVersion + ", the one just registered",
                    "registering is not releasing: the registry holds the new version, but whatever loads "
                            + ProjectRuns.championUri(name) + " still gets " + (pointsAt == null ? "nothing"
                            : "version " + pointsAt) + ". Releasing a model is moving its alias"));
        }
        recordRelease(context, pointsAt);
        return List.of();
    }
}
