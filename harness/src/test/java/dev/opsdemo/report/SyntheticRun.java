package dev.opsdemo.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Facts;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.devops.DevopsStory;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlops.MlopsStory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Made-up results shaped like a real demo run, for testing presentation only: these listeners (and verify's
 * comparison with the golden files) are pure functions of events, so what they are fed need not come from real
 * systems.
 */
public final class SyntheticRun {

    public static final String SECRET = "pa55w0rd-from-the-git-remote";
    public static final String SCRIPT = "<script>alert('owned')</script>";
    public static final String TRACKING_URI = "http://127.0.0.1:5123";
    public static final String RUN_ID = "4f1c2e9a7b3d4c5e8f90a1b2c3d4e5f6";

    private static final ObjectMapper JSON = Json.MAPPER;

    /** A monotonic clock the test moves by hand. */
    static final class Clock implements LongSupplier {
        private long nanos = 1_000_000_000L;

        void advanceMs(long millis) {
            nanos += millis * 1_000_000;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    private SyntheticRun() {
    }

    public static List<StepResult> bothLanes() {
        List<StepResult> results = new ArrayList<>(devops());
        results.addAll(mlops());
        return results;
    }

    public static List<StepResult> devops() {
        return List.of(
                result("devops.remote", Stage.VERSION, "Start the Git remote",
                        "In DevOps the source of truth is code in Git.", "git init --bare devops/remote/sample-app.git",
                        420, List.of("Initialized empty bare repository in /ws/devops/remote/sample-app.git/",
                                "Serving it at http://127.0.0.1:40123/git/sample-app.git"),
                        facts("remoteUrl", "http://127.0.0.1:40123/git/sample-app.git", "branch", "main")),
                result("devops.commit", Stage.VERSION, "Commit the code",
                        "DevOps versions one thing, the application's code.",
                        "git add -A && git commit -m \"Release 2\"",
                        310, List.of("[main 9c1b2d3] Release 2: bump the service's release number",
                                " 1 file changed, 1 insertion(+), 1 deletion(-)"),
                        facts("commitSha", "9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c")),
                result("devops.build", Stage.BUILD, "Build and test with Maven",
                        "A code build is deterministic.", "mvn -B -ntp package",
                        18_400, lines("[INFO] Building sample-app 1.0.0", 48),
                        facts("artifact", "/ws/devops/sample-app/target/sample-app.jar")),
                result("devops.tests", Stage.EVALUATE, "Unit-test gate",
                        "The DevOps quality gate is pass/fail on the code's behaviour.",
                        "cat target/surefire-reports/*.txt", 150,
                        List.of("Tests run: 4, Failures: 0, Skipped: 0"), facts("testsRun", 4, "testsFailed", 0)),
                result("devops.push", Stage.RELEASE, "Push to the remote",
                        "Releasing code means pushing the tested commit.", "git push origin main", 900,
                        List.of("To http://git:" + SECRET + "@127.0.0.1:40123/git/sample-app.git",
                                "   0000000..9c1b2d3  main -> main"),
                        facts("pushedSha", "9c1b2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c")),
                result("devops.deploy", Stage.DEPLOY, "Deploy and health-check",
                        "Deploying code: start the artifact and check it is healthy.",
                        "java -jar target/sample-app.jar --port PORT & curl http://127.0.0.1:PORT/health", 2_100,
                        List.of("GET http://127.0.0.1:40200/health -> 200 {\"status\":\"UP\"}", "Stopped the app."),
                        facts("appUrl", "http://127.0.0.1:40200")));
    }

    public static List<StepResult> mlops() {
        ObjectNode inspected = facts("datasetDigest", "a1b2c3d4", "minAccuracy", 0.8);
        inspected.putObject("params").put("max_depth", "6").put("n_estimators", "50").put("seed", "42");
        inspected.putObject("metrics").put("accuracy", 0.9125).put("f1", 0.88);
        return List.of(
                result("mlops.server", Stage.VERSION, "Start the MLflow tracking server",
                        "Git alone cannot version a model.", "mlflow server --host 127.0.0.1 --port PORT", 6_200,
                        List.of("MLflow local server ready at " + TRACKING_URI),
                        facts("trackingUri", TRACKING_URI, "mlflowMode", "local")),
                result("mlops.train", Stage.BUILD, "Train with mlflow run",
                        "An ML build is a training run: code + data + parameters produce the model.",
                        "mlflow run sample-ml-project --env-manager local -P n_estimators=50", 41_300,
                        withScript(lines("2025/01/01 12:00:00 INFO mlflow.projects: training", 60)),
                        facts("runId", RUN_ID, "experimentName", "churn-training")),
                result("mlops.inspect", Stage.VERSION, "Read back what was versioned",
                        "One run id ties together code, data, parameters and metrics.",
                        "curl \"$MLFLOW_TRACKING_URI/api/2.0/mlflow/runs/get?run_id=RUN_ID\"", 800,
                        List.of("run " + RUN_ID + " (FINISHED)", "metric:  accuracy = 0.9125"), inspected),
                result("mlops.gate", Stage.EVALUATE, "Accuracy gate",
                        "The MLOps gate is a metric threshold on held-out data.",
                        "test \"$(accuracy of RUN_ID)\" '>=' 0.80", 30,
                        List.of("accuracy 0.9125 >= threshold 0.8000"), facts()),
                result("mlops.register", Stage.RELEASE, "Register the run's model",
                        "Releasing in MLOps means registering a new model version.",
                        "curl -X POST \"$MLFLOW_TRACKING_URI/api/2.0/mlflow/model-versions/create\"", 2_600,
                        List.of("Created version 3 of 'churn-classifier'"),
                        facts("modelName", "churn-classifier", "modelVersion", "3", "alias", "champion")),
                result("mlops.serve", Stage.DEPLOY, "Serve the champion and score a request",
                        "Deploying a model: serve the champion and score real input.",
                        "mlflow models serve -m models:/churn-classifier@champion --env-manager local", 9_700,
                        List.of("-> 200 {\"predictions\": [1]}"), facts("prediction", 1)));
    }

    /** The drift plots and the accuracy plot {@link #monitored()} points at, relative to the workspace. */
    public static final List<String> PLOTS = List.of("mlops/plots/drift_monthly_charges.png",
            "mlops/plots/drift_usage_hours.png", "mlops/plots/accuracy.png");

    /** Both lanes, then the MLOps lane's monitor step, with the plots its run logged (files the test must make). */
    public static List<StepResult> monitored() {
        ObjectNode monitoring = JSON.createObjectNode().put("accuracyBefore", 0.88).put("accuracyAfter", 0.69)
                .put("retrainNeeded", true).put("monitoringRunId", RUN_ID);
        ObjectNode drift = monitoring.putObject("drift");
        drift.putObject("monthly_charges").put("psi", 1.57).put("ks", 0.494).put("drifted", true);
        drift.putObject("tenure_months").put("psi", 0.0423).put("ks", 0.035).put("drifted", false);
        drift.putObject("usage_hours").put("psi", 1.4692).put("ks", 0.396).put("drifted", true);
        // As MLflow lists a run's artifacts: by name, the accuracy plot first.
        List.of(PLOTS.get(2), PLOTS.get(0), PLOTS.get(1)).forEach(file -> monitoring.withArray("plots").addObject()
                .put("artifact", file.substring("mlops/".length())).put("file", file));
        List<StepResult> results = new ArrayList<>(bothLanes());
        results.add(result("mlops.monitor", Stage.MONITOR, "Monitor drift and accuracy",
                "A deployed model is watched for data drift and accuracy decay, not just uptime.",
                "mlflow run sample-ml-project -e monitor --env-manager local --experiment-name monitoring", 12_400,
                List.of("feature          PSI             KS D    drift",
                        "tenure_months    0.0423  stable  0.0350  no",
                        "monthly_charges  1.5700  drift   0.4940  DRIFT",
                        "usage_hours      1.4692  drift   0.3960  DRIFT",
                        "plots: plots/drift_monthly_charges.png, plots/drift_usage_hours.png, plots/accuracy.png "
                                + "(artifacts of this run)"),
                facts("monitoring", monitoring)));
        return results;
    }

    /** How the two real lanes tell their part, in the order the harness gives them. */
    static Map<String, LaneStory> stories() {
        Map<String, LaneStory> stories = new LinkedHashMap<>();
        stories.put("devops", new DevopsStory());
        stories.put("mlops", new MlopsStory());
        return stories;
    }

    /** The lanes of {@code results}, in order of appearance, each with its real story. */
    static List<Lane> lanes(List<StepResult> results) {
        Map<String, List<Step>> byLane = new LinkedHashMap<>();
        results.forEach(result -> byLane.computeIfAbsent(result.step().lane(), lane -> new ArrayList<>())
                .add(result.step()));
        return byLane.entrySet().stream().map(entry -> new Lane(entry.getKey(), entry.getValue(), value -> null,
                stories().getOrDefault(entry.getKey(), LaneStory.named(entry.getKey())))).toList();
    }

    public static RunSummary summary(List<StepResult> results) {
        boolean passed = results.stream().allMatch(result -> result.status() == StepStatus.PASSED);
        ObjectNode fields = Facts.summaryFields(results);
        fields.put("mlflowMode", "local");
        return new RunSummary(passed, passed ? 0 : 1, results, Facts.byLane(results), fields, List.of(), null,
                RunSummary.storiesOf(lanes(results)));
    }

    /** Feeds a listener the events the runner would send, the clock moving by each step's duration. */
    static void replay(RunListener listener, List<StepResult> results, Clock clock) {
        replay(listener, results, results, clock);
    }

    /** As above, the results reported at the end in {@code recordOrder} (the runner's: lanes interleaved by stage). */
    static void replay(RunListener listener, List<StepResult> results, List<StepResult> recordOrder, Clock clock) {
        listener.runStarted(lanes(results));
        for (StepResult result : results) {
            if (result.status() != StepStatus.SKIPPED) {
                clock.advanceMs(5);
                listener.stepStarted(result.step(), result.command());
                result.output().forEach(line -> listener.output(result.step(), line));
                clock.advanceMs(result.durationMs());
            }
            listener.stepFinished(result);
        }
        listener.runFinished(summary(recordOrder));
    }

    /** As the runner reports it: a skipped step has no time, output or facts. */
    public static StepResult with(StepResult result, StepStatus status, String failure) {
        boolean skipped = status == StepStatus.SKIPPED;
        return new StepResult(result.step(), status, skipped ? 0 : result.durationMs(),
                skipped ? List.of() : result.output(), skipped ? JSON.createObjectNode() : result.facts(),
                result.summaryFields(), failure);
    }

    /**
     * {@code results} as if monitoring had then retrained and the challenger, registered as {@code version}, had
     * taken the alias: the decision as the MLOps lane's last step records it.
     */
    public static List<StepResult> promoted(List<StepResult> results, String version) {
        List<StepResult> promoted = new ArrayList<>(results);
        int last = promoted.size() - 1;
        StepResult step = promoted.get(last);
        ObjectNode facts = step.facts().deepCopy();
        facts.putObject("monitoring").put("decision", "promoted").put("challengerVersion", version)
                .put("challengerRunId", "c0ffee" + version).put("championVersion", version);
        promoted.set(last, new StepResult(step.step(), step.status(), step.durationMs(), step.output(), facts,
                step.summaryFields(), step.failure()));
        return promoted;
    }

    public static StepResult withOutput(StepResult result, List<String> output) {
        return new StepResult(result.step(), result.status(), result.durationMs(), output, result.facts(),
                result.summaryFields(), result.failure());
    }

    private static StepResult result(String id, Stage stage, String title, String caption, String command,
                                     long durationMs, List<String> output, ObjectNode facts) {
        String lane = id.substring(0, id.indexOf('.'));
        Step step = new Step(id, lane, stage, title, caption, command, context -> { });
        return new StepResult(step, StepStatus.PASSED, durationMs, output, facts, JSON.createObjectNode(), null);
    }

    private static List<String> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " (line " + i + ")").toList();
    }

    private static List<String> withScript(List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        all.add(3, "model card: " + SCRIPT + " & more");
        return all;
    }

    private static ObjectNode facts(Object... keyValues) {
        ObjectNode facts = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            facts.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return facts;
    }
}
