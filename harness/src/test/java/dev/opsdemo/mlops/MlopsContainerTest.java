package dev.opsdemo.mlops;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.devops.TestReport;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.ShownCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MLOps lane with MLflow in a container (Testcontainers), state bind-mounted into the workspace. */
@EndToEnd
class MlopsContainerTest {

    @TempDir
    Path workspace;

    /**
     * {@code verify} in container mode, as CI runs it in both modes: the whole demo with the MLflow server in a
     * container matches the repo's golden files (the shared ones, and golden/container/ where the mode shows a step
     * differently).
     */
    @Test
    void theDemoRunsAgainstAContainerMatchesTheGoldenFilesAndLeavesNoContainerBehind() throws Exception {
        Docker.require();
        Path junit = SharedDemo.junitXml("container");
        HarnessRun run = HarnessRun.of("verify", "--workspace", workspace.toString(), "--mlflow", "container",
                "--junit-xml", junit.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("verify: all 20 steps match"), run.all());
        TestReport report = TestReport.read(junit.getParent());
        assertEquals(20, report.run(), "a test case per step, read back from " + junit);
        assertEquals(0, report.failed(), report.failures().toString());
        assertTrue(run.out().contains("✔ mlops.server: matches golden/container/mlops.server.txt"), run.all());
        List<String> shown = ShownCommands.assertReal(workspace.resolve("transcript.txt"));
        assertTrue(shown.stream().anyMatch(line -> line.startsWith("docker run -d -p 127.0.0.1:")), shown.toString());
        assertTrue(Pattern.compile("(?m)│ {5}[0-9a-f]{64}$").matcher(run.out()).find(),
                "docker run -d prints the container's id:\n" + run.out());
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("container", summary.get("mlflowMode").asText());
        JsonNode facts = summary.at("/facts/mlops");
        Path db = workspace.resolve("mlops/mlflow/mlflow.db");
        assertEquals(db.toString(), facts.get("backendStore").asText());

        JsonNode registry = MlflowWitness.read(db, MlopsSettings.DEFAULT_MODEL, MlopsSettings.DEFAULT_EXPERIMENT);
        assertEquals(facts.at("/monitoring/championVersion").asText(), registry.at("/aliases/champion").asText());
        assertEquals(facts.get("runId").asText(), registry.at("/versions/0/run_id").asText());
        assertEquals(facts.get("datasetDigest").asText(),
                registry.at("/runs/" + facts.get("runId").asText() + "/dataset_digests/0").asText());

        Docker.assertNoContainersOf(workspace.toString());
        Leftovers.assertNoChildProcesses();
        Leftovers.assertNotListening(facts.get("trackingUri").asText());
    }

    /** Data that breaks its contract ends the lane at the check after the server, which is all this needs. */
    @Test
    void autoPicksTheContainerWhenAnEngineAnswersAndRemovesItWhenTheLaneFails() throws Exception {
        Docker.require();
        HarnessRun run = HarnessRun.of("mlops", "--non-interactive", "--workspace", workspace.toString(),
                "--mlflow", "auto", "--data", "data/corrupted.csv");
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("✘ mlops.validate failed"), run.all());
        assertTrue(run.out().contains("--mlflow auto: a Docker engine answers, so the server runs in a container"),
                run.all());
        assertEquals("container", HarnessRun.summary(workspace).get("mlflowMode").asText());
        Docker.assertNoContainersOf(workspace.toString());
    }
}
