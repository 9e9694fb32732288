package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT) reaches a run started in the background of a non-interactive script, which starts it with SIGINT
 * ignored: scripts/harness.sh restores the default, so the JVM installs its handler and the run stops as in a
 * terminal, with 130 and the step it stopped in.
 */
@EndToEnd
class BackgroundSignalTest {

    @TempDir
    Path workspace;

    @Test
    void sigintStopsARunStartedInTheBackgroundOfANonInteractiveShell() throws Exception {
        try (HarnessProcess shell = HarnessProcess.inBackgroundOfScript("devops", "--non-interactive",
                "--workspace", workspace.toString())) {
            long harness = shell.backgroundPid();
            shell.awaitLine("▶ \\[\\d+/\\d+\\] devops\\.build · ", Duration.ofSeconds(120));
            Shell.ok(MlflowWitness.repoRoot(), "kill", "-INT", String.valueOf(harness));
            assertEquals(130, shell.awaitExit(Duration.ofSeconds(60)), shell.output());
            assertTrue(shell.output().contains("interrupted during devops.build"), shell.output());
            NothingLeft.assertFor(shell, workspace);
        }
    }
}
