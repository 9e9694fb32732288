package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.exec.ProcessLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed outright (SIGKILL, as the OOM killer or {@code kill -9} does: no hook runs) cannot stop what it
 * started, and its servers keep running. {@code doctor} lists them from the workspace's ledger, and the next run in
 * the workspace stops them, says so, and passes; a pid is trusted only with the start time it was recorded with.
 */
@EndToEnd
class KilledRunTest {

    @TempDir
    Path workspace;

    @Test
    void theNextRunStopsWhatAKilledRunLeftRunningAndDoctorListsItMeanwhile() throws Exception {
        try (HarnessProcess killed = HarnessProcess.start("mlops", "--non-interactive", "--mlflow", "local",
                "--workspace", workspace.toString())) {
            killed.awaitLine("▶ \\[\\d+/\\d+\\] mlops\\.serve · ", Duration.ofSeconds(150));
            killed.awaitProcess("models serve", Duration.ofSeconds(60));
            killed.signal("KILL");
            assertEquals(137, killed.awaitExit(Duration.ofSeconds(20)), killed.output());
            List<ProcessTable.Proc> left = ProcessTable.withMarker(killed.marker());
            assertTrue(left.stream().anyMatch(proc -> proc.commandLine().contains("mlflow server")),
                    "the premise: SIGKILL left the run's servers running: " + left);
            List<String> recorded = Files.readAllLines(workspace.resolve(ProcessLedger.FILE));
            assertTrue(recorded.stream().anyMatch(line -> line.matches("\\d+ \\d+ mlflow server \\(pid \\d+\\)")),
                    "the ledger holds pid, start time and name: " + recorded);

            try (HarnessProcess doctor = HarnessProcess.start("doctor", "--workspace", workspace.toString())) {
                doctor.awaitExit(Duration.ofSeconds(60));
                assertTrue(doctor.output().contains("left running by a killed run in " + workspace), doctor.output());
                assertTrue(doctor.output().matches("(?s).*pid \\d+: mlflow server \\(pid \\d+\\), started .*"),
                        doctor.output());
                assertTrue(doctor.output().matches("(?s).*pid \\d+: mlflow models \\(pid \\d+\\), started .*"),
                        doctor.output());
            }

            try (HarnessProcess next = HarnessProcess.start("devops", "--non-interactive", "--workspace",
                    workspace.toString())) {
                assertEquals(0, next.awaitExit(Duration.ofMinutes(3)), next.output());
                assertTrue(next.output().matches("(?s).*workspace: stopped mlflow server \\(pid \\d+\\), started "
                        + "[^\\n]*which an earlier run in this workspace left running when it was killed.*"),
                        next.output());
                assertTrue(next.output().matches("(?s).*workspace: stopped mlflow models \\(pid \\d+\\).*"),
                        next.output());
                NothingLeft.assertFor(next, workspace);
            }
            // Everything the killed run started is gone now: its servers, their workers, their ports.
            NothingLeft.assertFor(killed, workspace);
            assertFalse(ProcessTable.withMarker(killed.marker()).stream().findAny().isPresent());
        }
    }
}
