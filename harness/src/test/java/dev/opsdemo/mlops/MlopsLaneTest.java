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
 * The MLOps lane against a real `mlflow server`, a class's (MLflow's authentication app) or a local one, checked with
 * the real MLflow Python client. A bad training
 * parameter needs no server: train.py's error is the ML project's pytest (tests/test_entry_points.py), how a failed
 * `mlflow run` fails its step MlflowProjectRunTest.
 */
@EndToEnd
class MlopsLaneTest {

    static final String MODEL = MlopsSettings.DEFAULT_MODEL;
    static final String EXPERIMENT = MlopsSettings.DEFAULT_EXPERIMENT;

    @TempDir
    Path workspace;

    /** Where a class's server keeps its stores: not in the learner's workspace. */
    @TempDir
    Path classServer;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    private Path mlflowDb() {
        return workspace.resolve("mlops/mlflow/mlflow.db");
    }

    /**
     * A learner on a class's server, which runs MLflow's authentication app: without credentials, and with a wrong
     * password, the lane stops at the server step (exit 3, naming MLflow's variables) before anything is trained.
     * Signed in as a user of their own (not the admin), two runs in one workspace, each checked with what it is for:
     * the first on an unshifted production batch, so monitoring asks for nothing; the second on the shifted one (the
     * default) with a retraining too weak to win, so a challenger is registered and loses. (A challenger that wins:
     * MonitoringTest, on the shared demo, on a local server.) The password is in no file the runs left.
     */
    @Test
    void onAClassServerTheLaneNeedsCredentialsThenRegistersVersionsTheChampionFollowsAWorseChallengerLeavesIt()
            throws Exception {
        try (AuthenticatedMlflow server = AuthenticatedMlflow.start(classServer)) {
            Map<String, String> learner = server.createUser("ada");
            refused(server, Map.of(), "a call without credentials");
            Map<String, String> wrong = new HashMap<>(learner);
            wrong.put(MlflowCredentials.PASSWORD, "not-" + learner.get(MlflowCredentials.PASSWORD));
            refused(server, wrong, "user ada (" + MlflowCredentials.USERNAME + ", "
                    + MlflowCredentials.PASSWORD + ")");
            twoRuns(server, learner);
            String password = learner.get(MlflowCredentials.PASSWORD);
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(password),
                            "the password is in " + file);
                }
            }
        }
    }

    private void refused(AuthenticatedMlflow server, Map<String, String> credentials, String how) throws Exception {
        HarnessRun run = HarnessRun.launched(credentials, "mlops", "--non-interactive", "--workspace",
                workspace.toString(), "--mlflow", server.url());
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("the MLflow server at " + server.url() + " answers 401 Unauthorized to "
                + how), run.all());
        assertTrue(run.out().matches("(?s).*next: [^\n]*export [^\n]*" + Pattern.quote(MlflowCredentials.VARIABLES)
                + ".*"), run.all());
        assertTrue(run.out().contains("- mlops.train skipped"), run.all());
        assertEquals(0, MlflowWitness.read(server.mlflowDb(), MODEL, EXPERIMENT).get("experiment_runs").asInt(),
                "nothing was trained");
    }

    private void twoRuns(AuthenticatedMlflow server, Map<String, String> learner) throws Exception {
        HarnessRun first = lane(server, learner, "--production-data=data/production_reference.csv");
        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.out().matches("(?s).*=== Run \\(ID '[0-9a-f]{32}'\\) succeeded ===.*"), first.all());
        assertTrue(first.out().contains("→ the server lets in user ada"), first.all());
        assertTrue(first.out().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\" "
                + "\"" + server.url() + "/api/2.0/mlflow/runs/get?run_id="), "the shown REST calls sign in too:\n"
                + first.all());
        JsonNode one = HarnessRun.summary(workspace);
        assertEquals("external", one.get("mlflowMode").asText());
        assertEquals("1", one.at("/facts/mlops/modelVersion").asText());
        // An unshifted production batch: no feature drifts, nothing is retrained, the champion stays.
        JsonNode unshifted = one.at("/facts/mlops/monitoring");
        unshifted.get("drift").forEach(feature -> assertFalse(feature.get("drifted").asBoolean(),
                unshifted.toString()));
        assertFalse(unshifted.get("retrainNeeded").asBoolean());
        assertEquals("kept", unshifted.get("decision").asText());
        assertTrue(unshifted.get("challengerVersion").isNull());
        assertEquals(1, MlflowWitness.read(server.mlflowDb(), MODEL, EXPERIMENT).get("versions").size(),
                "no retraining, no new version");

        HarnessRun second = lane(server, learner, "--retrain-param", "n_estimators=1", "--retrain-param",
                "max_depth=1");
        assertEquals(0, second.exitCode(), second.all());
        JsonNode summary = HarnessRun.summary(workspace);
        JsonNode facts = summary.at("/facts/mlops");
        assertEquals("2", facts.get("modelVersion").asText());
        assertEquals("champion", facts.get("alias").asText());
        assertFalse(facts.hasNonNull("backendStore"), "the class's server keeps its store: " + facts);
        assertEquals(server.url(), facts.get("trackingUri").asText());
        assertTrue(second.out().contains("alias 'champion' -> version 2"), second.all());
        // The shifted batch drifts; retrained with one shallow tree, the challenger (version 3) is worse.
        JsonNode monitoring = facts.get("monitoring");
        assertTrue(monitoring.get("retrainNeeded").asBoolean(), monitoring.toString());
        assertEquals("3", monitoring.get("challengerVersion").asText(), monitoring.toString());
        assertEquals("kept", monitoring.get("decision").asText(), second.all());
        assertTrue(monitoring.get("challengerScore").asDouble() < monitoring.get("championScore").asDouble(),
                monitoring.toString());
        assertTrue(second.out().contains("→ the challenger is not better by the margin: the champion stays"),
                second.all());
        assertTrue(second.out().contains("→ kept: 'champion' stays on version 2"), second.all());

        JsonNode registry = MlflowWitness.read(server.mlflowDb(), MODEL, EXPERIMENT);
        assertEquals("2", registry.at("/aliases/champion").asText(),
                "champion moved to version 2 and stays there: " + registry);
        assertEquals("3", registry.at("/aliases/challenger").asText());
        assertEquals(3, registry.get("versions").size());
        JsonNode version2 = registry.get("versions").get(1);
        assertEquals(facts.get("runId").asText(), version2.get("run_id").asText());
        assertEquals("READY", version2.get("status").asText());
        JsonNode run = registry.at("/runs/" + facts.get("runId").asText());
        assertEquals(facts.at("/metrics/accuracy").asDouble(), run.at("/metrics/accuracy").asDouble(), 1e-9);
        assertEquals(facts.get("datasetDigest").asText(), run.at("/dataset_digests/0").asText());
        assertEquals(facts.at("/params/n_estimators").asText(), run.at("/params/n_estimators").asText());
        assertEquals(5, registry.get("experiment_runs").asInt(),
                "each ran once: two trainings, one retraining, the two evaluations of the decision");
        assertTrue(facts.get("prediction").isNumber(), "the served model answered: " + facts);
        Leftovers.assertNotListening(facts.get("modelServerUrl").asText());
    }

    /** The lane, non-interactive, on the class's server, with the learner's MLflow settings in its environment. */
    private HarnessRun lane(AuthenticatedMlflow server, Map<String, String> learner, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("mlops", "--non-interactive",
                "--workspace", workspace.toString(), "--mlflow", server.url()));
        args.addAll(List.of(extra));
        return HarnessRun.launched(learner, args.toArray(String[]::new));
    }

    @Test
    void aThresholdNoModelReachesRegistersNothing() throws Exception {
        HarnessRun run = HarnessRun.mlopsLocal(workspace, "--min-accuracy", "0.999");
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("is below the threshold 0.9990"), run.all());
        assertTrue(run.out().contains("- mlops.register skipped"), run.all());
        JsonNode registry = MlflowWitness.read(mlflowDb(), MODEL, EXPERIMENT);
        assertEquals(0, registry.get("versions").size(), "no model version: " + registry);
        assertEquals(1, registry.get("experiment_runs").asInt(), "the run itself is recorded");
        assertEquals("failed", HarnessRun.summary(workspace).get("status").asText());
        String closing = MonitoringTest.closing(run);
        assertTrue(closing.contains("Mistake avoided: releasing a model because its code passed. The accuracy gate "
                + "held back run "), closing);
        assertTrue(closing.contains("threshold 0.9990): in ML the gate is a metric on held-out data. Nothing was "
                + "registered."), closing);
        assertFalse(closing.contains("The model was versioned"), closing);
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
