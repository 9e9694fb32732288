package dev.opsdemo.python;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Venvs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pythons and MLflow lines learners have: each venv is made by {@code scripts/python-env.sh}, as a user makes
 * it, and the whole MLOps lane runs on it against a local server from the same venv (on Python 3.12, the ML
 * project's tests). The registry is read back with
 * that venv's own MLflow client.
 */
@EndToEnd
class PythonVersionsTest {

    private static final Path ROOT = MlflowWitness.repoRoot();

    @TempDir
    Path workspace;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    @Test
    void mlflow2RunsTheWholeLaneWithModelsSavedAsRunArtifacts() throws Exception {
        Path venv = Venvs.pythonEnv("mlflow2", "--mlflow", "2");
        assertEquals("mlflow, version 2.17.2", Shell.run(ROOT, venv.resolve("bin/mlflow").toString(), "--version")
                .firstLine());
        JsonNode facts = runLane(venv);
        assertEquals(facts.get("runId").asText() , facts.get("modelSource").asText()
                .replaceAll(".*/([0-9a-f]{32})/artifacts/model$", "$1"), "MLflow 2: the run's model artifact");
        JsonNode registry = MlflowWitness.read(venv, mlflowDb(), MlopsSettings.DEFAULT_MODEL,
                MlopsSettings.DEFAULT_EXPERIMENT);
        assertEquals(facts.get("modelSource").asText(), registry.at("/versions/0/source").asText());
    }

    /**
     * Between the two Pythons the whole lane runs on (3.11, every other test's venv, and 3.13), 3.12 gets the ML
     * project's own tests: its entry points, rules and data contract, in the venv python-env.sh makes for it.
     */
    @Test
    void python312PassesTheMlProjectsTests() throws Exception {
        Path venv = Venvs.python312();
        String python = venv.resolve("bin/python").toString();
        assertTrue(Shell.run(ROOT, python, "--version").firstLine().startsWith("Python 3.12."));
        Path tmp = Files.createDirectories(ROOT.resolve("harness/target/pytest-tmp-py3.12"));
        Shell.Output pytest = Shell.run(ROOT.resolve("sample-ml-project"), Map.of(), Duration.ofMinutes(5), python,
                "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", tmp.toString(), "tests");
        assertEquals(0, pytest.exitCode(), pytest.text());
        assertTrue(pytest.text().contains(" passed"), pytest.text());
    }

    @Test
    void python313RunsTheLaneOnABatchThatDoesNotDrift() throws Exception {
        loggedModelLane("3.13");
    }

    @Test
    void anUnsupportedPythonIsNamedWithTheSupportedOnes() throws Exception {
        Shell.Output mlflow2 = Shell.run(ROOT, ROOT.resolve("scripts/python-env.sh").toString(), "--mlflow", "2",
                "--python", Venvs.pyenvPython("3.13").toString(), "--venv", workspace.resolve("venv").toString());
        assertEquals(3, mlflow2.exitCode(), mlflow2.text());
        assertTrue(mlflow2.text().contains("is Python 3.13; requirements-mlflow2.txt supports Python 3.11 3.12"),
                mlflow2.text());
        Shell.Output usage = Shell.run(ROOT, ROOT.resolve("scripts/python-env.sh").toString(), "--mlflow", "4");
        assertEquals(2, usage.exitCode(), usage.text());
        assertTrue(usage.text().contains("--mlflow must be 3 or 2, got '4'"), usage.text());
        assertTrue(Files.notExists(workspace.resolve("venv")), "nothing was created");
    }

    /** MLflow 3 on this Python: the versions are registered from the logged models, and serve from there. */
    private void loggedModelLane(String python) throws Exception {
        Path venv = Venvs.pythonEnv("py" + python, "--python", Venvs.pyenvPython(python).toString());
        assertTrue(Shell.run(ROOT, venv.resolve("bin/python").toString(), "--version").firstLine()
                .startsWith("Python " + python + "."));
        // A batch that does not drift: monitoring asks for nothing, nothing is retrained, the champion stays.
        HarnessRun run = HarnessRun.mlopsLocal(workspace, "--venv", venv.toString(),
                "--production-data=data/production_reference.csv");
        assertEquals(0, run.exitCode(), run.all());
        JsonNode facts = HarnessRun.summary(workspace).at("/facts/mlops");
        assertTrue(facts.get("modelSource").asText().matches("models:/m-[0-9a-f]{32}"), facts.toString());
        JsonNode unshifted = facts.get("monitoring");
        unshifted.get("drift").forEach(feature -> assertFalse(feature.get("drifted").asBoolean(),
                unshifted.toString()));
        assertFalse(unshifted.get("retrainNeeded").asBoolean());
        assertEquals("kept", unshifted.get("decision").asText());
        assertTrue(unshifted.get("challengerVersion").isNull());
        JsonNode registry = MlflowWitness.read(venv, mlflowDb(), MlopsSettings.DEFAULT_MODEL,
                MlopsSettings.DEFAULT_EXPERIMENT);
        assertEquals(1, registry.get("versions").size(), "no retraining, no new version: " + registry);
        assertEquals("1", registry.at("/aliases/" + MlopsSettings.ALIAS).asText());
        assertEquals(facts.get("modelSource").asText(), registry.at("/versions/0/source").asText());
    }

    /** The full lane (drift, retraining, champion/challenger) on that venv; returns its MLOps facts. */
    private JsonNode runLane(Path venv) throws Exception {
        HarnessRun run = HarnessRun.mlopsLocal(workspace, "--venv", venv.toString());
        assertEquals(0, run.exitCode(), run.all());
        JsonNode facts = HarnessRun.summary(workspace).at("/facts/mlops");
        JsonNode registry = MlflowWitness.read(venv, mlflowDb(), MlopsSettings.DEFAULT_MODEL,
                MlopsSettings.DEFAULT_EXPERIMENT);
        assertEquals(2, registry.get("versions").size(), "the champion and the challenger: " + registry);
        assertEquals(facts.at("/monitoring/championVersion").asText(),
                registry.at("/aliases/" + MlopsSettings.ALIAS).asText());
        assertEquals(facts.get("runId").asText(), registry.at("/versions/0/run_id").asText());
        return facts;
    }

    private Path mlflowDb() {
        return workspace.resolve("mlops/mlflow/mlflow.db");
    }
}
