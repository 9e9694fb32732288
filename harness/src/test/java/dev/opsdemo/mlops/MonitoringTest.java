package dev.opsdemo.mlops;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.SharedDemo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validation, monitoring, retraining and the champion/challenger decision, checked in the real registry. A worse
 * challenger is MlopsLaneTest's second run; what validate.py does with a missing or empty file is the ML project's
 * pytest (tests/test_entry_points.py), how the step reports it TrainingStepsTest.
 */
@EndToEnd
class MonitoringTest {

    @TempDir
    Path workspace;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    private HarnessRun mlops(String... extra) {
        return HarnessRun.mlopsLocal(workspace, extra);
    }

    private static final String MODEL = MlopsSettings.DEFAULT_MODEL;

    private Path mlflowDb() {
        return workspace.resolve("mlops/mlflow/mlflow.db");
    }

    private JsonNode registry() throws Exception {
        return MlflowWitness.read(mlflowDb(), MODEL, MlopsSettings.DEFAULT_EXPERIMENT);
    }

    @Test
    void driftTriggersRetrainingAndABetterChallengerBecomesChampion() throws Exception {
        // The default run: the suite's shared demo is one.
        SharedDemo shared = SharedDemo.passed();
        HarnessRun run = shared.run();
        Path mlflowDb = shared.mlflowDb();
        JsonNode facts = HarnessRun.summary(shared.workspace()).at("/facts/mlops");
        JsonNode monitoring = facts.get("monitoring");
        assertTrue(monitoring.at("/drift/monthly_charges/drifted").asBoolean(), monitoring.toString());
        assertTrue(monitoring.at("/drift/usage_hours/drifted").asBoolean(), monitoring.toString());
        assertFalse(monitoring.at("/drift/late_payments/drifted").asBoolean(), monitoring.toString());
        assertTrue(monitoring.get("accuracyAfter").asDouble() < monitoring.get("accuracyBefore").asDouble());
        assertEquals("promoted", monitoring.get("decision").asText(), run.all());
        String challenger = monitoring.get("challengerVersion").asText();
        assertEquals("2", challenger);

        JsonNode registry = MlflowWitness.read(mlflowDb, MODEL, MlopsSettings.DEFAULT_EXPERIMENT);
        assertEquals(challenger, registry.at("/aliases/champion").asText(), "the alias moved: " + registry);
        assertEquals(challenger, registry.at("/aliases/challenger").asText());
        JsonNode version2 = registry.get("versions").get(1);
        assertTrue(version2.at("/tags/role").isMissingNode(), "the aliases alone say what a version is: " + version2);
        String retrainRun = version2.get("run_id").asText();
        assertEquals(monitoring.get("challengerRunId").asText(), retrainRun);
        JsonNode original = registry.at("/runs/" + facts.get("runId").asText());
        JsonNode retrained = registry.at("/runs/" + retrainRun);
        assertEquals(original.at("/tags/mlflow.source.git.commit").asText(),
                retrained.at("/tags/mlflow.source.git.commit").asText(), "same code");
        assertNotEquals(original.at("/dataset_digests/0").asText(), retrained.at("/dataset_digests/0").asText(),
                "new data");
        assertEquals(monitoring.get("challengerDatasetDigest").asText(), retrained.at("/dataset_digests/0").asText());
        // The checks are runs of their own, read back from MLflow: one data check, one monitoring run.
        assertEquals(1, MlflowWitness.read(mlflowDb, MODEL, MlopsSettings.VALIDATION_EXPERIMENT)
                .get("experiment_runs").asInt());
        assertEquals(1, MlflowWitness.read(mlflowDb, MODEL, MlopsSettings.MONITORING_EXPERIMENT)
                .get("experiment_runs").asInt());
        assertTrue(run.out().contains("→ read back monitoring run " + monitoring.get("monitoringRunId").asText()
                + " in experiment 'monitoring', its monitoring.json: retrain_needed=true; 3 plots downloaded to "
                + "mlops/plots/"), run.all());
        theMonitoringRunsPlotsAreInTheWorkspaceAndTheReport(shared, monitoring);
        everyLoggedModelListsItsOwnRuntime(shared);
    }

    /** A logged model's requirements are what loading it needs, not the project's whole lock (pytest included). */
    private static void everyLoggedModelListsItsOwnRuntime(SharedDemo shared) throws Exception {
        List<Path> requirements;
        try (Stream<Path> paths = Files.walk(shared.mlflowDb().resolveSibling("artifacts"))) {
            requirements = paths.filter(path -> path.getFileName().toString().equals("requirements.txt")).toList();
        }
        assertEquals(2, requirements.size(), "the trained and the retrained model: " + requirements);
        for (Path file : requirements) {
            List<String> names = Files.readAllLines(file).stream().map(line -> line.split("==")[0]).toList();
            assertEquals(List.of("mlflow", "scikit-learn", "numpy", "pandas", "scipy", "skops"), names,
                    file.toString());
        }
    }

    /**
     * The monitoring run's artifacts hold a drift plot per drifted feature and the accuracy plot, as the lane read
     * them back through the MLflow client (the fact); its copies in the workspace are the bytes the tracking server
     * keeps in its artifact store, PNG images report.html shows by their relative paths.
     */
    private static void theMonitoringRunsPlotsAreInTheWorkspaceAndTheReport(SharedDemo shared, JsonNode monitoring)
            throws Exception {
        List<String> expected = new ArrayList<>(List.of("plots/accuracy.png"));
        monitoring.get("drift").properties().stream().filter(feature -> feature.getValue().get("drifted").asBoolean())
                .forEach(feature -> expected.add("plots/drift_" + feature.getKey() + ".png"));
        List<String> listed = new ArrayList<>();
        monitoring.get("plots").forEach(plot -> listed.add(plot.get("artifact").asText()));
        assertEquals(expected.stream().sorted().toList(), listed.stream().sorted().toList(), monitoring.toString());

        String runId = monitoring.get("monitoringRunId").asText();
        Path runArtifacts;
        try (Stream<Path> paths = Files.walk(shared.mlflowDb().resolveSibling("artifacts"))) {
            runArtifacts = paths.filter(path -> path.endsWith(runId + "/artifacts")).findFirst()
                    .orElseThrow(() -> new AssertionError("no artifacts of monitoring run " + runId));
        }
        String report = Files.readString(shared.workspace().resolve("report.html"));
        for (JsonNode plot : monitoring.get("plots")) {
            Path copy = shared.workspace().resolve(plot.get("file").asText());
            assertArrayEquals(Files.readAllBytes(runArtifacts.resolve(plot.get("artifact").asText())),
                    Files.readAllBytes(copy), plot.toString());
            BufferedImage image = ImageIO.read(copy.toFile());
            assertEquals(List.of(640, 360), List.of(image.getWidth(), image.getHeight()), plot.toString());
            assertTrue(report.contains("<img src=\"" + plot.get("file").asText() + "\" alt=\""), plot.toString());
        }
    }

    @Test
    void corruptedDataStopsAtValidationWithNothingTrainedOrRegistered() throws Exception {
        HarnessRun run = mlops("--data", "data/corrupted.csv");
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("✘ mlops.validate failed"), run.all());
        assertTrue(run.out().contains("tenure_months: 60 rows below min 0"), run.all());
        assertTrue(run.out().contains("usage_hours: 700 rows missing"), run.all());
        assertTrue(run.out().contains("- mlops.train skipped"), run.all());
        JsonNode registry = registry();
        assertEquals(0, registry.get("experiment_runs").asInt(), "no training run: " + registry);
        assertEquals(1, MlflowWitness.read(mlflowDb(), MODEL, MlopsSettings.VALIDATION_EXPERIMENT)
                .get("experiment_runs").asInt(), "the failed check is recorded");
        String closing = run.closing();
        assertTrue(closing.contains("Mistake avoided: training on data nobody checked."), closing);
        assertTrue(closing.contains("Nothing was trained or registered."), closing);
        assertFalse(closing.contains("The model was versioned"), "no model exists:\n" + closing);
        assertEquals(0, registry.get("versions").size());
    }
}
