package dev.opsdemo.mlops;

import dev.opsdemo.exec.Ports;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
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
 * The MLOps lane's {@code --mlflow URL} where there is nothing to reach, or no URL. The lane against a class's server
 * (MLflow's authentication app, learners in their namespaces, all at once) is ClassOnOneStackTest's; a bad training
 * parameter needs no server: train.py's error is the ML project's pytest (tests/test_entry_points.py), how a failed
 * `mlflow run` fails its step MlflowProjectRunTest.
 */
@EndToEnd
class MlopsLaneTest {

    @TempDir
    Path workspace;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    @Test
    void anUnreachableMlflowUrlFailsWithinSeconds() {
        String url = "http://127.0.0.1:" + Ports.freeLoopbackPort();
        HarnessRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> HarnessRun.of("mlops",
                "--non-interactive", "--workspace", workspace.toString(), "--mlflow", url));
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("cannot reach the MLflow server at " + url), run.all());
        assertTrue(run.out().contains("next:"), run.all());
        String closing = run.closing();
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
