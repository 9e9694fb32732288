package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.support.CastReplay;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults from outside the harness: no Docker engine, and the MLflow server dying under a running step. */
@EndToEnd
class FaultTest {

    /**
     * "No engine", the way a machine without one looks to every Docker client: DOCKER_HOST names a socket that does
     * not exist. (The harness honours DOCKER_HOST as the docker CLI does; see DockerEngine.)
     */
    private static final String NO_SOCKET = "unix:///nonexistent/opsdemo/docker.sock";
    private static final Map<String, String> NO_ENGINE = Map.of("DOCKER_HOST", NO_SOCKET);

    @TempDir
    Path workspace;

    @Test
    void withoutADockerEngineAutoFallsBackToALocalServerAndSaysSo() throws Exception {
        dockerCliAgreesThereIsNoEngine();
        try (HarnessProcess harness = HarnessProcess.start(NO_ENGINE, "mlops", "--non-interactive",
                "--mlflow", "auto", "--workspace", workspace.toString())) {
            harness.awaitLine("✔ mlops.server passed", Duration.ofSeconds(120));
            // The fallback is proven once the server runs; the rest of the lane is tested elsewhere.
            harness.signal("INT");
            assertEquals(130, harness.awaitExit(Duration.ofSeconds(25)), harness.output());
            assertTrue(harness.output().contains("--mlflow auto: no Docker engine answers at DOCKER_HOST=" + NO_SOCKET
                    + " (/nonexistent/opsdemo/docker.sock does not exist), so the server runs as a local `mlflow "
                    + "server` process from the venv"), harness.output());
            assertTrue(harness.output().contains("MLflow local server ready at http://127.0.0.1:"), harness.output());
            assertEquals("local", HarnessRun.summary(workspace).get("mlflowMode").asText());
            NothingLeft.assertFor(harness, workspace);
        }
    }

    @Test
    void withoutADockerEngineContainerModeExits3AndSaysHowToStartOne() throws Exception {
        try (HarnessProcess harness = HarnessProcess.start(NO_ENGINE, "mlops", "--non-interactive",
                "--mlflow", "container", "--workspace", workspace.toString())) {
            assertEquals(3, harness.awaitExit(Duration.ofSeconds(60)), harness.output());
            String out = harness.output();
            assertTrue(out.contains("prerequisite missing: no Docker engine answers at DOCKER_HOST=" + NO_SOCKET), out);
            assertTrue(out.contains("next: start a Docker engine (./scripts/docker-engine.sh as root, or `sudo "
                    + "systemctl start docker`), or use --mlflow local"), out);
            assertTrue(out.contains("- mlops.train skipped"), "nothing after the server step ran:\n" + out);
            NothingLeft.assertFor(harness, workspace);
        }
    }

    /** The `mlflow server` process alone: the uvicorn process it started is orphaned and would keep serving. */
    @Test
    void whenTheMlflowServerProcessDiesDuringTrainingTheStepFailsWithinSecondsAndItsOrphansStop() throws Exception {
        serverDiesDuringTraining(false);
    }

    /** The whole server, uvicorn and all: without the harness's check `mlflow run` would retry for minutes. */
    @Test
    void whenTheWholeMlflowServerDiesDuringTrainingTheStepFailsWithinSeconds() throws Exception {
        serverDiesDuringTraining(true);
    }

    private void serverDiesDuringTraining(boolean wholeTree) throws Exception {
        try (HarnessProcess harness = HarnessProcess.start("mlops", "--non-interactive", "--mlflow", "local",
                "--workspace", workspace.toString())) {
            String ready = harness.awaitLine("MLflow local server ready at ", Duration.ofSeconds(120));
            Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(ready);
            assertTrue(port.find(), ready);
            harness.awaitLine("▶ \\[\\d+/\\d+\\] mlops.train · ", Duration.ofSeconds(60));
            harness.awaitProcess("mlflow run", Duration.ofSeconds(60));
            // The server process itself, killed outright as the OOM killer would; the uvicorn process serving for it
            // is orphaned and keeps serving unless the harness stops it too.
            List<ProcessTable.Proc> server = ProcessTable.withMarker(harness.marker()).stream()
                    .filter(proc -> proc.commandLine().contains("mlflow server")).toList();
            assertEquals(1, server.size(), "one `mlflow server` process: " + server);
            List<String> kill = new ArrayList<>(List.of("kill", "-KILL", String.valueOf(server.get(0).pid())));
            if (wholeTree) {
                // Every Python process of the run but the training's (`mlflow run` and its train.py).
                ProcessTable.withMarker(harness.marker()).stream()
                        .filter(proc -> proc.commandLine().contains("python"))
                        .filter(proc -> !proc.commandLine().contains("mlflow run")
                                && !proc.commandLine().contains("train.py")
                                && proc.pid() != server.get(0).pid())
                        .forEach(proc -> kill.add(String.valueOf(proc.pid())));
                assertTrue(kill.size() > 3, "the server and the process serving for it: " + kill);
            }
            long killed = System.nanoTime();
            Shell.ok(MlflowWitness.repoRoot(), kill.toArray(String[]::new));

            int exit = harness.awaitExit(Duration.ofSeconds(60));
            long tookMs = (System.nanoTime() - killed) / 1_000_000;
            String out = harness.output();
            assertEquals(1, exit, out);
            assertTrue(tookMs < 20_000, "failed " + tookMs + " ms after the server died, not after the client's "
                    + "retries:\n" + out);
            assertTrue(out.contains("✘ mlops.train failed"), out);
            assertTrue(out.contains("the MLflow local server at http://127.0.0.1:" + port.group(1)
                    + " is no longer running"), out);
            assertTrue(out.contains("its last log lines:"), out);
            assertTrue(out.matches("(?s).*its last log lines:.*\"(GET|POST) /[^\"]* HTTP/1\\.1\" \\d{3}.*"),
                    "the server's own last lines (its access log) are shown:\n" + out);
            assertTrue(out.contains("- mlops.inspect skipped"), out);
            NothingLeft.assertFor(harness, workspace);
            // A failed run's recording too replays to its transcript, the failure and the closing lines included.
            CastReplay.assertReplaysToTranscript(workspace);
        }
    }

    /** The docker CLI, given the same environment, finds no engine either: the simulation is what it claims. */
    private static void dockerCliAgreesThereIsNoEngine() throws InterruptedException {
        if (Executables.onPath("docker").isEmpty()) {
            return;
        }
        Shell.Output info = Shell.run(MlflowWitness.repoRoot(), NO_ENGINE, "docker", "info");
        assertNotEquals(0, info.exitCode(), info.text());
    }
}
