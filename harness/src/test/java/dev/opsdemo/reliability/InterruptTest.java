package dev.opsdemo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to the real harness process while a step runs: the step stops, every process
 * the run started stops with its children, the output says where it stopped and what it stopped, the exit code
 * is 130 (143 for SIGTERM), and the next run in the same workspace succeeds.
 */
class InterruptTest {

    private static final Duration TO_REACH_STEP = Duration.ofSeconds(150);
    /** The shutdown hook waits at most 20 s for the run to stop; it takes a few. */
    private static final Duration TO_STOP = Duration.ofSeconds(25);

    @TempDir
    Path workspace;

    @Test
    void aSignalAtAnyStageStopsEverythingItStartedAndTheNextRunSucceeds() throws Exception {
        // Maven is building sample-app (and the MLOps lane is starting its server or training meanwhile).
        interrupt("INT", "devops.build", "classworlds.launcher.Launcher", "mvn", true);
        // The MLflow server process is up but not yet ready.
        interrupt("INT", "mlops.server", "mlflow server", "mlflow server", false);
        // `mlflow run` and its Python child are training.
        interrupt("INT", "mlops.train", "mlflow run", "mlflow run", false);
        // The sample app is deployed; SIGTERM (what CI and `kill` send) instead of Ctrl-C.
        interrupt("TERM", "devops.(deploy|monitor)", "sample-app.jar", "java -jar sample-app.jar", false);
        // The model server is serving the champion.
        interrupt("INT", "mlops.(serve|monitor)", "models serve", "mlflow models", false);

        try (HarnessProcess next = demo()) {
            int exit = next.awaitExit(Duration.ofMinutes(5));
            assertEquals(0, exit, "the run after five interrupted ones:\n" + next.output());
            NothingLeft.assertFor(next, workspace);
        }
        assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
    }

    private HarnessProcess demo() {
        return HarnessProcess.start("demo", "--non-interactive", "--mlflow", "local", "--workspace",
                workspace.toString());
    }

    /**
     * Starts a run, waits until {@code step} has started and a process of the run whose command line contains
     * {@code running} exists, sends the signal, and checks the aftermath.
     */
    private void interrupt(String signal, String step, String running, String stoppedName,
                           boolean alsoTrySecondRun) throws Exception {
        try (HarnessProcess harness = demo()) {
            harness.awaitLine("▶ \\[\\d+/\\d+\\] " + step + " · ", TO_REACH_STEP);
            harness.awaitProcess(running, TO_REACH_STEP);
            if (alsoTrySecondRun) {
                HarnessRun second = HarnessRun.of("devops", "--non-interactive", "--workspace",
                        workspace.toString());
                assertEquals(2, second.exitCode(), second.all());
                assertTrue(second.err().contains("another harness run is using the workspace " + workspace
                        + " (pid " + harness.pid() + ")"), second.all());
            }
            long sent = System.nanoTime();
            harness.signal(signal);
            int exit = harness.awaitExit(TO_STOP);
            long tookMs = (System.nanoTime() - sent) / 1_000_000;
            String out = harness.output();
            int expected = signal.equals("TERM") ? 143 : 130;
            assertEquals(expected, exit, "exit code after SIG" + signal + " at " + step + ":\n" + out);
            String cause = signal.equals("TERM") ? "terminated by SIGTERM" : "interrupted";
            assertTrue(Pattern.compile(Pattern.quote(cause) + " during " + step + "; stopped: .*"
                    + Pattern.quote(stoppedName) + " \\(pid \\d+\\)").matcher(out).find(),
                    "says where it stopped and what it stopped:\n" + out);
            assertTrue(out.contains("(exit code " + expected + ")"), out);
            NothingLeft.assertFor(harness, workspace);
            JsonNode summary = HarnessRun.summary(workspace);
            assertEquals(expected, summary.get("exitCode").asInt(), "summary.json says how the run ended");
            assertTrue(summary.toString().matches(".*\"status\":\"interrupted\".*"), summary.toString());
            assertTrue(tookMs < TO_STOP.toMillis(), "stopped in " + tookMs + " ms");
        }
    }

}
