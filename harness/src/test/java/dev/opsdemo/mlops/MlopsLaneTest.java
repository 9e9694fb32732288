package dev.opsdemo.mlops;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MLOps lane against a real local `mlflow server`, checked with the real MLflow Python client. A bad training
 * parameter needs no server: train.py's error is the ML project's pytest (tests/test_entry_points.py), how a failed
 * `mlflow run` fails its step MlflowProjectRunTest.
 */
@EndToEnd
class MlopsLaneTest {

    static final String MODEL = MlopsSettings.DEFAULT_MODEL;
    static final String EXPERIMENT = MlopsSettings.DEFAULT_EXPERIMENT;

    @TempDir
    Path workspace;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    private Path mlflowDb() {
        return workspace.resolve("mlops/mlflow/mlflow.db");
    }

    /**
     * Two runs in one workspace, each checked with what it is for: the first on an unshifted production batch, so
     * monitoring asks for nothing; the second on the shifted one (the default) with a retraining too weak to win, so
     * a challenger is registered and loses. (A challenger that wins: MonitoringTest, on the shared demo.)
     */
    @Test
    void twoRunsRegisterVersionsOneAndTwoTheChampionFollowsAndAWorseChallengerLeavesItThere() throws Exception {
        HarnessRun first = HarnessRun.mlopsLocal(workspace, "--production-data=data/production_reference.csv");
        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.out().matches("(?s).*=== Run \\(ID '[0-9a-f]{32}'\\) succeeded ===.*"), first.all());
        JsonNode one = HarnessRun.summary(workspace);
        assertEquals("local", one.get("mlflowMode").asText());
        assertEquals("1", one.at("/facts/mlops/modelVersion").asText());
        // An unshifted production batch: no feature drifts, nothing is retrained, the champion stays.
        JsonNode unshifted = one.at("/facts/mlops/monitoring");
        unshifted.get("drift").forEach(feature -> assertFalse(feature.get("drifted").asBoolean(),
                unshifted.toString()));
        assertFalse(unshifted.get("retrainNeeded").asBoolean());
        assertEquals("kept", unshifted.get("decision").asText());
        assertTrue(unshifted.get("challengerVersion").isNull());
        assertEquals(1, MlflowWitness.read(mlflowDb(), MODEL, EXPERIMENT).get("versions").size(),
                "no retraining, no new version");

        HarnessRun second = HarnessRun.mlopsLocal(workspace, "--retrain-param", "n_estimators=1",
                "--retrain-param", "max_depth=1");
        assertEquals(0, second.exitCode(), second.all());
        JsonNode summary = HarnessRun.summary(workspace);
        JsonNode facts = summary.at("/facts/mlops");
        assertEquals("2", facts.get("modelVersion").asText());
        assertEquals("champion", facts.get("alias").asText());
        assertEquals(mlflowDb().toString(), facts.get("backendStore").asText());
        assertTrue(facts.get("trackingUri").asText().startsWith("http://127.0.0.1:"));
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

        JsonNode registry = MlflowWitness.read(mlflowDb(), MODEL, EXPERIMENT);
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
        Leftovers.assertNotListening(facts.get("trackingUri").asText());
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
