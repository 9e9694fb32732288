package dev.opsdemo.mlops;

import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.support.AuthenticatedMlflow;
import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MLOps lane against a real `mlflow server`, a class's (MLflow's authentication app) shared by two learners,
 * checked with the real MLflow Python client. A bad training
 * parameter needs no server: train.py's error is the ML project's pytest (tests/test_entry_points.py), how a failed
 * `mlflow run` fails its step MlflowProjectRunTest.
 */
@EndToEnd
class MlopsLaneTest {

    static final String MODEL = MlopsSettings.DEFAULT_MODEL;
    static final String EXPERIMENT = MlopsSettings.DEFAULT_EXPERIMENT;
    /** The learner's names on the class's server. */
    private static final String ADA_MODEL = "ada-" + MODEL;
    private static final String ADA_EXPERIMENT = "ada-" + EXPERIMENT;

    @TempDir
    Path workspace;

    /** The second learner's. */
    @TempDir
    Path bobsWorkspace;

    /** Where a class's server keeps its stores: not in the learner's workspace. */
    @TempDir
    Path classServer;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    /**
     * A learner on a class's server, which runs MLflow's authentication app: without credentials, and with a wrong
     * password, the lane stops at the server step (exit 3, naming MLflow's variables) before anything is trained.
     * Signed in as a user of their own (not the admin), in their own namespace (--learner), the lane on the shifted
     * batch (the default) with a retraining too weak to win: a challenger is registered and loses. (A challenger that
     * wins: MonitoringTest, on the shared demo; a batch that does not drift: PythonVersionsTest's MLflow 2 lane.) The
     * password is in no file the runs left. Then a second learner, bob, on the same server, whose model no threshold
     * lets through: the accuracy gate holds it back, bob's namespace gets a run and no version, and ada's champion
     * and versions stay as they were.
     */
    @Test
    void onAClassServerTheLaneNeedsCredentialsAWorseChallengerLeavesTheChampionAndAnotherLearnerTouchesNeither()
            throws Exception {
        try (AuthenticatedMlflow server = AuthenticatedMlflow.start(classServer)) {
            Map<String, String> learner = server.createUser("ada");
            refused(server, Map.of(), "a call without credentials");
            Map<String, String> wrong = new HashMap<>(learner);
            wrong.put(MlflowCredentials.PASSWORD, "not-" + learner.get(MlflowCredentials.PASSWORD));
            refused(server, wrong, "user ada (" + MlflowCredentials.USERNAME + ", "
                    + MlflowCredentials.PASSWORD + ")");
            run(server, learner);
            belowTheGate(server, server.createUser("bob"));
            String password = learner.get(MlflowCredentials.PASSWORD);
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(password),
                            "the password is in " + file);
                }
            }
        }
    }

    /** Learner bob's lane with a threshold no model reaches, in a workspace of bob's own. */
    private void belowTheGate(AuthenticatedMlflow server, Map<String, String> bob) throws Exception {
        HarnessRun run = HarnessRun.launched(bob, "mlops", "--non-interactive", "--workspace",
                bobsWorkspace.toString(), "--mlflow", server.url(), "--learner", "bob", "--min-accuracy", "0.999");
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("is below the threshold 0.9990"), run.all());
        assertTrue(run.out().contains("- mlops.register skipped"), run.all());
        JsonNode registry = MlflowWitness.read(server.mlflowDb(), "bob-" + MODEL, "bob-" + EXPERIMENT);
        assertEquals(0, registry.get("versions").size(), "no model version: " + registry);
        assertEquals(1, registry.get("experiment_runs").asInt(), "the run itself is recorded");
        assertEquals("failed", HarnessRun.summary(bobsWorkspace).get("status").asText());
        String closing = MonitoringTest.closing(run);
        assertTrue(closing.contains("Mistake avoided: releasing a model because its code passed. The accuracy gate "
                + "held back run "), closing);
        assertTrue(closing.contains("threshold 0.9990): in ML the gate is a metric on held-out data. Nothing was "
                + "registered."), closing);
        assertFalse(closing.contains("The model was versioned"), closing);
        JsonNode ada = MlflowWitness.read(server.mlflowDb(), ADA_MODEL, ADA_EXPERIMENT);
        assertEquals("1", ada.at("/aliases/champion").asText(), "ada's champion stays: " + ada);
        assertEquals(2, ada.get("versions").size(), ada.toString());
    }

    private void refused(AuthenticatedMlflow server, Map<String, String> credentials, String how) throws Exception {
        HarnessRun run = lane(server, credentials);
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("the MLflow server at " + server.url() + " answers 401 Unauthorized to "
                + how), run.all());
        assertTrue(run.out().matches("(?s).*next: [^\n]*export [^\n]*" + Pattern.quote(MlflowCredentials.VARIABLES)
                + ".*"), run.all());
        assertTrue(run.out().contains("- mlops.train skipped"), run.all());
        assertEquals(0, MlflowWitness.read(server.mlflowDb(), ADA_MODEL, ADA_EXPERIMENT).get("experiment_runs").asInt(),
                "nothing was trained");
    }

    private void run(AuthenticatedMlflow server, Map<String, String> learner) throws Exception {
        HarnessRun run = lane(server, learner, "--retrain-param", "n_estimators=1", "--retrain-param",
                "max_depth=1");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().matches("(?s).*=== Run \\(ID '[0-9a-f]{32}'\\) succeeded ===.*"), run.all());
        assertTrue(run.out().contains("→ the server lets in user ada"), run.all());
        assertTrue(run.out().contains("→ learner ada: the experiments ada-churn-training, ada-data-validation and "
                + "ada-monitoring and the model ada-churn-classifier"), run.all());
        assertTrue(run.out().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\" "
                + "\"" + server.url() + "/api/2.0/mlflow/runs/get?run_id="), "the shown REST calls sign in too:\n"
                + run.all());
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("external", summary.get("mlflowMode").asText());
        assertEquals("ada", summary.get("learner").asText());
        JsonNode facts = summary.at("/facts/mlops");
        assertEquals("1", facts.get("modelVersion").asText());
        assertEquals("champion", facts.get("alias").asText());
        assertFalse(facts.hasNonNull("backendStore"), "the class's server keeps its store: " + facts);
        assertEquals(server.url(), facts.get("trackingUri").asText());
        assertTrue(run.out().contains("alias 'champion' -> version 1"), run.all());
        // The shifted batch drifts; retrained with one shallow tree, the challenger (version 2) is worse.
        JsonNode monitoring = facts.get("monitoring");
        assertTrue(monitoring.get("retrainNeeded").asBoolean(), monitoring.toString());
        assertEquals("2", monitoring.get("challengerVersion").asText(), monitoring.toString());
        assertEquals("kept", monitoring.get("decision").asText(), run.all());
        assertTrue(monitoring.get("challengerScore").asDouble() < monitoring.get("championScore").asDouble(),
                monitoring.toString());
        assertTrue(run.out().contains("→ the challenger is not better by the margin: the champion stays"),
                run.all());
        assertTrue(run.out().contains("→ kept: 'champion' stays on version 1"), run.all());

        JsonNode registry = MlflowWitness.read(server.mlflowDb(), ADA_MODEL, ADA_EXPERIMENT);
        assertEquals("1", registry.at("/aliases/champion").asText(), "the champion stays: " + registry);
        assertEquals("2", registry.at("/aliases/challenger").asText());
        assertEquals(2, registry.get("versions").size());
        JsonNode version1 = registry.get("versions").get(0);
        assertEquals(facts.get("runId").asText(), version1.get("run_id").asText());
        assertEquals("READY", version1.get("status").asText());
        JsonNode trained = registry.at("/runs/" + facts.get("runId").asText());
        assertEquals(facts.at("/metrics/accuracy").asDouble(), trained.at("/metrics/accuracy").asDouble(), 1e-9);
        assertEquals(facts.get("datasetDigest").asText(), trained.at("/dataset_digests/0").asText());
        assertEquals(facts.at("/params/n_estimators").asText(), trained.at("/params/n_estimators").asText());
        assertEquals(4, registry.get("experiment_runs").asInt(),
                "each ran once: the training, the retraining, the two evaluations of the decision");
        assertTrue(facts.get("prediction").isNumber(), "the served model answered: " + facts);
        Leftovers.assertNotListening(facts.get("modelServerUrl").asText());
    }

    /**
     * The lane, non-interactive, on the class's server in learner ada's namespace, with {@code credentials} (MLflow's
     * settings) in its environment.
     */
    private HarnessRun lane(AuthenticatedMlflow server, Map<String, String> credentials, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("mlops", "--non-interactive",
                "--workspace", workspace.toString(), "--mlflow", server.url(), "--learner", "ada"));
        args.addAll(List.of(extra));
        return HarnessRun.launched(credentials, args.toArray(String[]::new));
    }

    @Test
    void anUnreachableMlflowUrlFailsWithinSeconds() {
        String url = "http://127.0.0.1:" + Ports.freeLoopbackPort();
        HarnessRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HarnessRun.of("mlops",
                "--non-interactive", "--workspace", workspace.toString(), "--mlflow", url));
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("cannot reach the MLflow server at " + url), run.all());
        assertTrue(run.out().contains("next:"), run.all());
        String closing = MonitoringTest.closing(run);
        assertTrue(closing.contains("The MLOps lane stopped before a model was released"), closing);
        assertFalse(closing.contains("Mistake avoided"), "no evidence, no claim:\n" + closing);
    }

    @Test
    void aMalformedMlflowValueIsAUsageError() {
        HarnessRun run = HarnessRun.of("mlops", "--non-interactive", "--workspace", workspace.toString(),
                "--mlflow", "ftp://example");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--mlflow"), run.all());
        assertTrue(run.err().contains("http(s) URL"), run.all());
        assertFalse(run.out().contains("mlops.server"), "nothing ran");
    }
}
