package dev.opsdemo.cli;

import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        HarnessRun run = HarnessRun.of("devops", "--non-interactive", "--workspace", file.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("is a file, not a directory"), run.all());
        assertTrue(run.err().contains("next:"), "says what to do:\n" + run.all());
        assertEquals("x", Files.readString(file), "the file is left alone");
    }

    @Test
    void aWorkspaceInsideTheSourcesIsAUsageError() {
        Path inside = Path.of(System.getProperty("opsdemo.repoRoot"), "sample-app", "ws");
        HarnessRun run = HarnessRun.of("devops", "--non-interactive", "--workspace", inside.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("inside the harness's source folder sample-app/"), run.all());
        assertTrue(!Files.exists(inside));
    }

    @Test
    void anUnknownSubcommandOrOptionIsAUsageError() {
        HarnessRun unknown = HarnessRun.of("deploy-everything");
        assertEquals(2, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("deploy-everything"), unknown.all());
        HarnessRun badOption = HarnessRun.of("devops", "--frobnicate");
        assertEquals(2, badOption.exitCode(), badOption.all());
        assertTrue(badOption.err().contains("--frobnicate"), badOption.all());
    }

    @Test
    void helpListsTheSubcommands() {
        HarnessRun help = HarnessRun.of("--help");
        assertEquals(0, help.exitCode());
        for (String sub : new String[] {"demo", "devops", "mlops", "verify", "commands", "doctor", "ui"}) {
            assertTrue(help.out().contains(sub), sub);
        }
    }

    @Test
    void everyCommandsHelpListsTheOneExitCodeTable() {
        for (String command : new String[] {"demo", "devops", "mlops", "verify", "commands", "doctor", "ui"}) {
            HarnessRun help = HarnessRun.of(command, "--help");
            assertEquals(0, help.exitCode(), help.all());
            for (ExitCode exit : ExitCode.values()) {
                assertTrue(help.out().matches("(?s).*Exit codes:.*\\n  " + exit.code() + " +\\S.*"),
                        command + " --help lists " + exit + ":\n" + help.out());
            }
        }
    }
}
