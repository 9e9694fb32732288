package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Practice;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.Http;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ChosenPort;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.eclipse.jgit.util.FileUtils;
import org.mlflow.api.proto.Service;

import java.io.File;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The MLOps lane after release: serve the champion, monitor it for drift and decay, retrain on the new data when
 * monitoring asks for it, and let the challenger replace the champion only if it is better on held-out rows.
 */
final class MonitoringSteps {

    /** The artifact folder the monitor entry point logs its pictures to (sample-ml-project/plots.py). */
    static final String PLOTS = "plots";

    private final MlopsSettings settings;
    private final RepoLayout repo;
    private final Workspace workspace;
    private final PythonEnv python;
    private final Tracking tracking;
    private final TrainingSteps training;
    private final ProjectRuns runs;
    private final ChosenPort servePort;
    private final boolean keepRunning;
    private ModelServer modelServer;
    /** The model server's address, whoever started it (the serve step, or the learner in practice). */
    private String servingUrl;
    private MonitoringReport report;
    private ModelSource retrainSource;
    private boolean challengerBetter;

    MonitoringSteps(MlopsSettings settings, RepoLayout repo, Workspace workspace, PythonEnv python, Tracking tracking,
                    TrainingSteps training, ProjectRuns runs, ChosenPort servePort, boolean keepRunning) {
        this.settings = settings;
        this.repo = repo;
        this.workspace = workspace;
        this.python = python;
        this.tracking = tracking;
        this.training = training;
        this.runs = runs;
        this.servePort = servePort;
        this.keepRunning = keepRunning;
    }

    String monitoringRunId() {
        return report == null ? null : report.monitoringRunId();
    }

    boolean retrainNeeded() {
        return report != null && report.retrainNeeded();
    }

    /** The retrained version, once the retrain step registered one. */
    String challengerVersion() {
        return report == null ? null : report.challengerVersion();
    }

    void serve(StepContext context) throws Exception {
        // Left running for the monitor step; its process is in the run's cleanup, stopped whatever happens.
        Path log = workspace.log(MlopsLane.SERVE_STEP);
        modelServer = ModelServer.start(context, python, tracking.server().clientEnvironment(),
                runs.championUri(),
                workspace.mlops(), servePort.get(), log);
        servingUrl = modelServer.baseUrl();
        readServing(context, true);
        context.note("the model server stays up for the monitor step; its log: " + log);
    }

    /**
     * The served model's answers: /ping, then a prediction for the first labelled row, recorded; {@code shown}: the
     * answers are the step's output (the demo's curls), else only the verdict is said (the learner's curls showed
     * them in their own shell).
     */
    private void readServing(StepContext context, boolean shown) throws Exception {
        LabelledRow row = runs.servedRow();
        HttpResponse<String> ping = Http.get(servingUrl + "/ping", Duration.ofSeconds(10));
        if (shown) {
            context.out(ping.body().strip());
        }
        HttpResponse<String> response = Http.postJson(servingUrl + "/invocations",
                Json.MAPPER.writeValueAsString(row.request()), Duration.ofSeconds(60));
        if (shown) {
            context.out(response.body());
        }
        if (response.statusCode() != 200) {
            throw new StepFailedException("the model server answered " + response.statusCode(),
                    response.body(), "read the model server's log, " + workspace.log(MlopsLane.SERVE_STEP));
        }
        JsonNode prediction = Json.MAPPER.readTree(response.body()).path("predictions").path(0);
        context.note("the first row of " + ProjectRuns.SERVED_ROW_DATA + " is labelled " + row.label()
                + "; the model predicted " + prediction.asText() + ": "
                + (prediction.asText().equals(row.label()) ? "right" : "wrong"));
        context.record(new MlopsFacts.Serving(prediction, Integer.parseInt(row.label()), runs.championUri(),
                servingUrl));
    }

    /** The model server the learner started on the shown port, read as the demo's serve step reads its own. */
    List<Practice.Unmet> checkServe(StepContext context, Instant since) throws Exception {
        servingUrl = "http://127.0.0.1:" + servePort.get();
        try {
            readServing(context, false);
            return List.of();
        } catch (java.io.IOException e) {
            String url = servingUrl;
            servingUrl = null;
            return List.of(Practice.Unmet.of("nothing answers at " + url + "/ping yet (loading the model takes a "
                    + "few seconds: check again; its log is " + workspace.shown(workspace.log(MlopsLane.SERVE_STEP))
                    + ")"));
        } catch (StepFailedException e) {
            servingUrl = null;
            return List.of(Practice.Unmet.of(e.getMessage()));
        }
    }

    /**
     * The project's {@code monitor} entry point scores the production batch through the model server, measures drift
     * and decay and logs a monitoring run; the verdict is read back from that run.
     */
    void monitor(StepContext context) throws Exception {
        String monitoringRun = MlflowProjectRun.run(context, python, tracking.server(), repo.sampleMlProject(),
                ProjectRuns.MONITOR, settings.monitoringExperiment(),
                runs.monitorParams(servingUrl + "/invocations"));
        readMonitoring(context, monitoringRun);
        if (keepRunning) {
            context.note("the model server keeps running (--keep-running)");
        } else if (modelServer == null) {
            context.note("the model server you started keeps running: stop it in your shell (jobs lists it)");
        } else {
            modelServer.close();
            context.note("stopped the model server (the mlflow models serve process mlops.serve started)");
        }
    }

    /** The learner's monitoring run, since the champion was served; none is the lesson's mistake of not monitoring. */
    List<Practice.Unmet> checkMonitor(StepContext context, Instant since) throws Exception {
        // The run first: read from elsewhere (the teacher's view), the learner's model server is out of reach.
        Service.Run run = tracking.newestRun(settings.monitoringExperiment(), ProjectRuns.MONITOR, since);
        if (run == null && servingUrl == null) {
            return List.of(Practice.Unmet.of("no model is served to monitor: mlops.serve has not passed"));
        }
        if (run == null) {
            return List.of(Practice.Unmet.mistake("no monitoring run in experiment '"
                    + settings.monitoringExperiment() + "'" + Tracking.sinceStep(since, " since the champion was served"), "a deployed model is "
                    + "not done: it degrades as the data it scores drifts away from what it learned, with no error "
                    + "to say so. Ignoring monitoring after deployment is the lesson's common mistake; the monitor "
                    + "entry point measures drift and accuracy on the production batch"));
        }
        try {
            readMonitoring(context, run.getInfo().getRunId());
        } catch (StepFailedException e) {
            return List.of(Practice.Unmet.of(e.getMessage()));
        }
        context.note("the model server you started keeps running: stop it in your shell (jobs lists it)");
        return List.of();
    }

    /** The monitoring run's verdict and plots, read back from MLflow and recorded. */
    private void readMonitoring(StepContext context, String monitoringRun) throws Exception {
        Service.Run run = tracking.client().getRun(monitoringRun);
        MonitoringVerdict verdict = RunArtifacts.readJson(tracking.restApi(), monitoringRun,
                MonitoringVerdict.ARTIFACT, MonitoringVerdict.class);
        if (verdict == null) {
            throw new StepFailedException("monitoring run " + monitoringRun + " logged no "
                    + MonitoringVerdict.ARTIFACT, "the monitor entry point logs its verdict there",
                    "check sample-ml-project/monitor.py and its run's Artifacts tab in the MLflow UI");
        }
        boolean retrainNeeded = verdict.retrainNeeded();
        List<MonitoringReport.Plot> plots = downloadPlots(monitoringRun);
        context.note("read back monitoring run " + monitoringRun + " in experiment '"
                + settings.monitoringExperiment() + "', its " + MonitoringVerdict.ARTIFACT + ": retrain_needed="
                + retrainNeeded + "; " + plots.size()
                + (plots.size() == 1 ? " plot" : " plots") + " downloaded to " + workspace.shown(workspace.plots())
                + "/ (the UI shows them on the run, at its link above)");
        String monitoringUrl = tracking.trackingUri() + "/#/experiments/" + run.getInfo().getExperimentId()
                + "/runs/" + monitoringRun;
        // No UI line of the harness's: mlflow run printed this run's link itself ("View run ... at").
        Map<String, MonitoringReport.Drift> drift = new LinkedHashMap<>();
        verdict.drift().forEach(feature -> drift.put(feature.feature(),
                new MonitoringReport.Drift(round(feature.psi()), round(feature.ks()), feature.drifted())));
        report = MonitoringReport.measured(drift, verdict.accuracyBefore(), verdict.accuracyAfter(),
                retrainNeeded, monitoringRun, repo.sampleMlProject().resolve(settings.productionData()).toString(),
                plots);
        context.record(new MlopsFacts.Monitoring(monitoringUrl, report));
    }

    /**
     * The pictures the monitor entry point logged (its {@code plots} artifact folder), read back once and copied into
     * the workspace for report.html; the copies of an earlier run there go first, so that none outlives its run.
     */
    private List<MonitoringReport.Plot> downloadPlots(String monitoringRun) throws Exception {
        Path folder = workspace.plots();
        FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        List<MonitoringReport.Plot> plots = new ArrayList<>();
        for (String artifact : RunArtifacts.files(tracking.client(), monitoringRun, PLOTS)) {
            Path file = folder.resolve(Path.of(artifact).getFileName().toString());
            int status = RunArtifacts.download(tracking.restApi(), monitoringRun, artifact, file);
            if (status != 200) {
                throw new StepFailedException("could not download " + artifact + " of monitoring run "
                        + monitoringRun + ": the tracking server answered " + status,
                        "the server listed it among the run's artifacts; report.html shows copies of them from "
                                + folder, "open the run's Artifacts tab in the MLflow UI and read the server's log");
            }
            plots.add(new MonitoringReport.Plot(artifact, workspace.root().relativize(file).toString()
                    .replace(File.separatorChar, '/')));
        }
        return plots;
    }

    void retrain(StepContext context) throws Exception {
        if (report == null) {  // a learner skipped monitoring in practice
            context.note("nothing to retrain: no monitoring run passed, so there is no verdict to act on");
            return;
        }
        if (!retrainNeeded()) {
            context.note("nothing to retrain: monitoring found no drift and no accuracy decay");
            return;
        }
        context.note("same code, new data: " + settings.data() + " plus the first " + runs.freshRows() + " rows of "
                + settings.productionData() + "; the other rows (" + runs.holdout() + ") are held out to compare "
                + "the models");
        readRetraining(context, MlflowProjectRun.run(context, python, tracking.server(), repo.sampleMlProject(),
                MlflowProjectRun.MAIN, settings.experiment(), runs.retrainParams()));
    }

    /** The retraining run, read back: same code, the new data's digest, its model; recorded. */
    private void readRetraining(StepContext context, String retrainRun) throws Exception {
        Service.Run run = tracking.client().getRun(retrainRun);
        Map<String, String> tags = RunRecords.tags(run);
        if (run.getInputs().getDatasetInputsCount() == 0) {
            throw new StepFailedException("retraining run " + retrainRun + " has no dataset input",
                    "without the new data's digest the challenger cannot be traced to its data",
                    "log the dataset with mlflow.log_input in train.py");
        }
        String newDigest = run.getInputs().getDatasetInputs(0).getDataset().getDigest();
        retrainSource = tracking.registry().modelOf(retrainRun);
        context.note("code:    git commit " + tags.getOrDefault("mlflow.source.git.commit", "?")
                + (Objects.equals(tags.get("mlflow.source.git.commit"), training.gitCommit()) ? " (unchanged)" : ""));
        context.note("data:    digest " + training.datasetDigest() + " -> " + newDigest);
        context.note("model:   " + retrainSource.uri() + " (run " + retrainRun + "): a data change alone made a "
                + "new model");
        report = report.retrained(retrainRun, newDigest);
        context.record(MlopsFacts.Monitoring.of(report));
    }

    /**
     * The learner's retraining run: in the lane's experiment, with the retraining parameters (the training data
     * plus the production batch's first rows), finished; nothing to do when monitoring asked for no retraining.
     */
    List<Practice.Unmet> checkRetrain(StepContext context, Instant since) throws Exception {
        if (report == null) {
            return List.of(Practice.Unmet.of("there is no monitoring verdict to act on: mlops.monitor has not "
                    + "passed"));
        }
        if (!retrainNeeded()) {
            context.note("nothing to retrain: monitoring found no drift and no accuracy decay");
            return List.of();
        }
        Map<String, String> expected = runs.retrainParams();
        Service.Run run = tracking.newestRun(settings.experiment(), MlflowProjectRun.MAIN, since,
                candidate -> expected.get("data").equals(RunRecords.params(candidate).get("data")));
        if (run == null) {
            return List.of(Practice.Unmet.of("no run in experiment '" + settings.experiment() + "'" + Tracking.sinceStep(since,
                    " since this step began") + " trained on data=" + expected.get("data")));
        }
        if (run.getInfo().getStatus() != Service.RunStatus.FINISHED) {
            return List.of(Practice.Unmet.of("run " + run.getInfo().getRunId() + " is " + run.getInfo().getStatus()
                    + ", not FINISHED"));
        }
        readRetraining(context, run.getInfo().getRunId());
        return List.of();
    }

    /** The run retraining made, once the retrain step ran; null when monitoring asked for none. */
    String retrainRunId() {
        return report == null ? null : report.challengerRunId();
    }

    /** Where retraining's model is, for the challenger step's command; null before it. */
    ModelSource retrainSource() {
        return retrainSource;
    }

    /** Retraining's model becomes a version beside the champion, its POST being the step's own command. */
    void challenger(StepContext context) throws Exception {
        String retrainRun = retrainRunId();
        if (retrainRun == null) {
            context.note("nothing to register: there was no retraining");
            return;
        }
        String name = settings.modelName();
        ModelRegistry registry = tracking.registry();
        JsonNode created = registry.createVersion(context, name, retrainSource, retrainRun, true);
        String challengerVersion = created.path("version").asText();
        registry.awaitReady(context, created);
        registry.setAlias(context, name, MlopsSettings.CHALLENGER, challengerVersion);
        recordChallenger(context, challengerVersion);
    }

    private void recordChallenger(StepContext context, String challengerVersion) {
        context.note("version " + challengerVersion + " is '" + MlopsSettings.CHALLENGER + "'; '"
                + MlopsSettings.ALIAS + "' stays on version " + training.modelVersion()
                + " until the challenger proves better");
        report = report.withChallenger(challengerVersion);
        context.record(MlopsFacts.Monitoring.of(report));
    }

    /**
     * The version the learner made from the retraining run, and the challenger alias on it: the version's number
     * is known once it exists, so the alias's command is given then, in the condition that asks for it.
     */
    List<Practice.Unmet> checkChallenger(StepContext context, Instant since) throws Exception {
        String retrainRun = retrainRunId();
        if (retrainRun == null) {
            context.note("nothing to register: there was no retraining");
            return List.of();
        }
        String name = settings.modelName();
        org.mlflow.api.proto.ModelRegistry.ModelVersion version = tracking.registry().newestVersionOf(name,
                retrainRun);
        if (version == null) {
            return List.of(Practice.Unmet.of("'" + name + "' has no version made from run " + retrainRun + " yet"));
        }
        if (!version.getVersion().equals(tracking.registry().aliasTarget(name, MlopsSettings.CHALLENGER))) {
            return List.of(Practice.Unmet.typing("version " + version.getVersion() + " is registered but not '"
                    + MlopsSettings.CHALLENGER + "' yet; point the alias at it:", ModelRegistry.setAliasLine(
                    tracking.restApi(), name, MlopsSettings.CHALLENGER, version.getVersion())));
        }
        recordChallenger(context, version.getVersion());
        return List.of();
    }

    /** Whether the evaluate step found the challenger better by the margin: then the promote step moves the alias. */
    boolean challengerBetter() {
        return challengerBetter;
    }

    /** Both versions scored on the same held-out rows, by the project's evaluate entry point; the rule decides. */
    void evaluate(StepContext context) throws Exception {
        String championVersion = training.modelVersion();
        String challengerVersion = challengerVersion();
        if (challengerVersion == null) {
            context.note("nothing to compare: there is no challenger");
            return;
        }
        List<String> evaluations = MlflowProjectRun.runSideBySide(context, python, tracking.server(),
                repo.sampleMlProject(), ProjectRuns.EVALUATE, settings.experiment(),
                List.of(runs.evaluateParams(championVersion, runs.holdout()),
                        runs.evaluateParams(challengerVersion, runs.holdout())),
                // Run at once, as neither needs the other; their outputs come one after the other.
                List.of("both run at once; the champion, version " + championVersion + " (the first command):",
                        "the challenger, version " + challengerVersion + " (the second command):"));
        judge(context, evaluations.get(0), evaluations.get(1));
    }

    /** The two evaluation runs' accuracies, read back, and the promotion rule on them; recorded. */
    private void judge(StepContext context, String championRun, String challengerRun) {
        String championVersion = training.modelVersion();
        String challengerVersion = challengerVersion();
        double champion = evaluatedAccuracy(championRun);
        double challenger = evaluatedAccuracy(challengerRun);
        challengerBetter = MlopsPolicy.promotes(champion, challenger, settings.promoteMargin());
        // The held-out rows are named in both commands above; one row on an 80-column screen.
        context.note(String.format(Locale.ROOT, "held-out accuracy: champion v%s %.4f, challenger v%s %.4f, "
                        + "margin %.2f", championVersion, champion, challengerVersion, challenger,
                settings.promoteMargin()));
        context.note(challengerBetter ? "the challenger is better by at least the margin: it replaces the champion"
                : "the challenger is not better by the margin: the champion stays");
        report = report.evaluated(champion, challenger);
        context.record(MlopsFacts.Monitoring.of(report));
    }

    /** The learner's two evaluation runs, one per version, on the held-out rows; the rule decides as in the demo. */
    List<Practice.Unmet> checkEvaluate(StepContext context, Instant since) throws Exception {
        if (challengerVersion() == null) {
            context.note("nothing to compare: there is no challenger");
            return List.of();
        }
        List<String> found = new ArrayList<>();
        List<Practice.Unmet> unmet = new ArrayList<>();
        for (String version : List.of(training.modelVersion(), challengerVersion())) {
            Map<String, String> expected = runs.evaluateParams(version, runs.holdout());
            Service.Run run = tracking.newestRun(settings.experiment(), ProjectRuns.EVALUATE, since,
                    candidate -> RunRecords.params(candidate).entrySet().containsAll(expected.entrySet())
                            && candidate.getInfo().getStatus() == Service.RunStatus.FINISHED);
            if (run == null) {
                unmet.add(Practice.Unmet.of("no finished evaluation of " + expected.get("model_uri") + " on "
                        + runs.holdout() + Tracking.sinceStep(since, " since this step began")));
            } else {
                found.add(run.getInfo().getRunId());
            }
        }
        if (unmet.isEmpty()) {
            judge(context, found.get(0), found.get(1));
        }
        return unmet;
    }

    /** The champion alias moves to the challenger only if it proved better; where it points is read back. */
    void promote(StepContext context) throws Exception {
        String name = settings.modelName();
        ModelRegistry registry = tracking.registry();
        if (challengerBetter) {
            registry.setAlias(context, name, MlopsSettings.ALIAS, challengerVersion(), true);
        }
        recordDecision(context, registry.versionByAlias(context, name, MlopsSettings.ALIAS).path("version")
                .asText());
    }

    private void recordDecision(StepContext context, String pointsAt) {
        context.note(challengerBetter ? "promoted: '" + MlopsSettings.ALIAS + "' now points at version " + pointsAt
                : "kept: '" + MlopsSettings.ALIAS + "' stays on version " + pointsAt);
        report = report.decided(challengerBetter, pointsAt);
        context.record(MlopsFacts.Monitoring.of(report));
        context.record(new MlopsFacts.Release(MlopsSettings.ALIAS));
    }

    /**
     * Where the champion alias points after the learner's step: at the challenger exactly when it proved better.
     * Moved to one that did not is the mistake of taking the newer model for the better one.
     */
    List<Practice.Unmet> checkPromote(StepContext context, Instant since) throws Exception {
        if (challengerVersion() == null) {
            context.note("nothing to promote: there is no challenger");
            return List.of();
        }
        String name = settings.modelName();
        String pointsAt = tracking.registry().aliasTarget(name, MlopsSettings.ALIAS);
        boolean onChallenger = challengerVersion().equals(pointsAt);
        if (challengerBetter && !onChallenger) {
            return List.of(Practice.Unmet.of("'" + MlopsSettings.ALIAS + "' still points at version " + pointsAt
                    + "; the challenger, version " + challengerVersion() + ", is better by the margin"));
        }
        if (!challengerBetter && onChallenger) {
            return List.of(Practice.Unmet.mistake("'" + MlopsSettings.ALIAS + "' points at the challenger, version "
                    + pointsAt + ", which did not beat version " + training.modelVersion() + " by the margin",
                    "a newer model is not a better one: only the scores on the same held-out rows decide. Point '"
                            + MlopsSettings.ALIAS + "' back at version " + training.modelVersion()));
        }
        recordDecision(context, pointsAt);
        return List.of();
    }

    /** What an evaluation run (the project's {@code evaluate} entry point) logged, read back from MLflow. */
    private double evaluatedAccuracy(String evaluation) {
        return tracking.client().getRun(evaluation).getData().getMetricsList().stream()
                .filter(metric -> metric.getKey().equals("eval_accuracy")).findFirst()
                .orElseThrow(() -> new StepFailedException("evaluation run " + evaluation + " logged no eval_accuracy",
                        "the evaluate entry point must log it", "check sample-ml-project/evaluate.py"))
                .getValue();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
