package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input and workspaces the harness cannot use: a clear message and a consistent exit code, 2 when the run could
 * not start (nothing ran), 1 when a record could not be written mid-run (the run stopped and cleaned up).
 */
@EndToEnd
class BadInputTest {

    @TempDir
    Path dir;

    /**
     * Values no run could use, given through scripts/harness.sh as a user or CI would: each is refused with exit 2
     * and the rule, before anything starts (no step header, no workspace).
     */
    @Test
    void impossibleOptionValuesAreRefusedWithTheRuleBeforeAnythingStarts() throws Exception {
        Path workspace = dir.resolve("never-created");
        String[][] cases = {
                {"--typing-speed -5 is not between 0 and 1000", "demo", "--typing-speed", "-5"},
                {"--auto-advance -1 is not between 0 and 3600", "demo", "--auto-advance", "-1"},
                {"--min-accuracy 1.5 is not between 0 and 1", "mlops", "--min-accuracy", "1.5"},
                {"--promote-margin -0.1 is not at least 0", "demo", "--promote-margin", "-0.1"},
                {"--model-name 'my model' is not a name", "mlops", "--model-name", "my model"},
                {"--experiment '' is not a name", "demo", "--experiment", ""},
                {"--step-timeout 0 is not a positive number", "verify", "--step-timeout", "0"},
                {"--live and --non-interactive contradict each other", "demo", "--live"},
                {"--live does not apply to it", "verify", "--live"},
        };
        for (String[] bad : cases) {
            List<String> argv = new java.util.ArrayList<>(List.of(
                    MlflowWitness.repoRoot().resolve("scripts/harness.sh").toString(), bad[1], "--non-interactive",
                    "--workspace", workspace.toString()));
            argv.addAll(List.of(bad).subList(2, bad.length));
            Shell.Output run = Shell.run(dir, Map.of("OPSDEMO_CLASSPATH", System.getProperty("java.class.path")),
                    argv.toArray(String[]::new));
            assertEquals(2, run.exitCode(), String.join(" ", argv) + "\n" + run.text());
            assertTrue(run.text().contains(bad[0]), run.text());
            assertTrue(run.text().contains("next:"), "says what to do instead:\n" + run.text());
            assertFalse(run.text().contains("▶"), "no step ran:\n" + run.text());
            assertFalse(Files.exists(workspace), "nothing was created: " + workspace);
        }
    }

    @Test
    void anUnknownFromStepIsAUsageErrorListingTheValidIds() {
        HarnessRun run = HarnessRun.of("demo", "--non-interactive", "--from-step", "mlops.deploy", "--workspace",
                dir.resolve("ws").toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--from-step mlops.deploy is not a step of this run"), run.all());
        assertTrue(run.err().contains("choose one of: devops.remote, devops.commit, devops.build, devops.tests, "
                + "devops.push, devops.deploy, devops.monitor, mlops.server, mlops.validate, mlops.train, "
                + "mlops.inspect, mlops.gate, mlops.register, mlops.serve, mlops.monitor, mlops.retrain, "
                + "mlops.decide"), run.all());
        assertFalse(run.out().contains("▶"), "no step ran:\n" + run.all());
    }

    @Test
    void aWorkspaceUnderARegularFileCannotBeCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        HarnessRun run = HarnessRun.of("devops", "--non-interactive", "--workspace", file.resolve("ws").toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: cannot create the workspace " + file.resolve("ws")
                + ": not a directory: " + file.resolve("ws")), run.all());
        assertTrue(run.err().contains("next: check the path and its permissions"), run.all());
        assertEquals("x", Files.readString(file));
    }

    /**
     * A directory nobody may write into. As root, permission bits do not stop writes, so a root run uses a
     * directory the kernel itself refuses files in (/proc/1); anyone else gets a real chmod 500.
     */
    @Test
    void aReadOnlyWorkspaceIsRefusedBeforeAnythingRuns() throws Exception {
        Path readOnly;
        if ("root".equals(System.getProperty("user.name"))) {
            readOnly = Path.of("/proc/1");
        } else {
            readOnly = Files.createDirectory(dir.resolve("read-only"));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        }
        HarnessRun run = HarnessRun.of("demo", "--non-interactive", "--mlflow", "local", "--workspace",
                readOnly.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: the workspace " + readOnly + " is not writable"), run.all());
        assertTrue(run.err().contains("next: fix its permissions or pass another --workspace"), run.all());
        assertFalse(run.out().contains("▶"), "no step ran:\n" + run.all());
    }

    @Test
    void aRecordThatCannotBeWrittenMidRunStopsTheRunWithExit1AndAClearMessage() throws Exception {
        Path workspace = dir.resolve("ws");
        // summary.json is rewritten after every step; a directory in its place makes that write fail for real.
        Files.createDirectories(workspace.resolve("summary.json/taken"));
        HarnessRun run = HarnessRun.of("devops", "--non-interactive", "--workspace", workspace.toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: cannot write " + workspace.resolve("summary.json") + ": is a directory"),
                run.all());
        assertTrue(run.err().contains("next: free some space or fix the workspace's permissions"), run.all());
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run.all());
        assertTrue(run.out().contains("- devops.build skipped"), "the run stopped after the first step:\n"
                + run.all());
        Matcher remote = Pattern.compile("serves it at (http://127\\.0\\.0\\.1:\\d+)/").matcher(run.out());
        assertTrue(remote.find(), run.all());
        Leftovers.assertNotListening(remote.group(1));
        Leftovers.assertNoChildProcesses();
    }
}
