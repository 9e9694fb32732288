package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input and workspaces the harness cannot use, where it takes the launcher or a run to see: a clear message and a
 * consistent exit code, 2 when the run could not start (nothing ran), 1 when a record could not be written mid-run
 * (the run stopped and cleaned up). The usage errors themselves are cli.UsageErrorTest's, in-process.
 */
@EndToEnd
class BadInputTest {

    @TempDir
    Path dir;

    /**
     * A value no run could use, given through scripts/harness.sh as a user or CI would: the launcher hands on the
     * exit code (2) and the rule on stderr, before anything starts (no step header, no workspace). Each option rule,
     * and the other usage errors, are checked in-process by cli.UsageErrorTest.
     */
    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--typing-speed -5 is not between 0 and 1000                    | --typing-speed | -5",
            // What used to start the MLflow server and fail in the data check or in training, 18 to 25 s in.
            "--data /nonexistent.csv: /nonexistent.csv does not exist        | --data         | /nonexistent.csv",
            "'abc' is not a whole number, and the MLproject declares n_estimators as int | -P | n_estimators=abc",
    })
    void anImpossibleOptionValueThroughTheLauncherExits2WithTheRuleOnStderr(String rule, String option, String value)
            throws Exception {
        Path workspace = dir.resolve("never-created");
        Path stderr = dir.resolve("stderr");
        // bash only to keep stderr apart from stdout, as a terminal or CI log shows them.
        String[] argv = {"bash", "-c", "\"$0\" \"$@\" 2>\"$STDERR\"",
                MlflowWitness.repoRoot().resolve("scripts/harness.sh").toString(), "demo", "--non-interactive",
                "--workspace", workspace.toString(), option, value};
        Shell.Output stdout = Shell.run(dir, Map.of("OPSDEMO_CLASSPATH", System.getProperty("java.class.path"),
                "STDERR", stderr.toString()), argv);
        String err = Files.readString(stderr);
        String all = "--- stdout\n" + stdout.text() + "\n--- stderr\n" + err;
        assertEquals(2, stdout.exitCode(), String.join(" ", argv) + "\n" + all);
        assertTrue(err.contains(rule), all);
        assertTrue(err.contains("next:"), "says what to do instead:\n" + all);
        assertFalse(all.contains("▶"), "no step ran:\n" + all);
        assertFalse(Files.exists(workspace), "nothing was created: " + workspace);
    }

    /** MLflow's certificate setting naming a file with no certificate: exit 2 before anything starts. */
    @Test
    void aServerCertPathThatHoldsNoCertificateExits2BeforeAnythingStarts() throws Exception {
        Path workspace = dir.resolve("never-created");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        Shell.Output run = Shell.run(dir, Map.of("OPSDEMO_CLASSPATH", System.getProperty("java.class.path"),
                "MLFLOW_TRACKING_SERVER_CERT_PATH", notes.toString()),
                MlflowWitness.repoRoot().resolve("scripts/harness.sh").toString(), "mlops", "--non-interactive",
                "--workspace", workspace.toString(), "--mlflow", "https://127.0.0.1:5443");
        assertEquals(2, run.exitCode(), run.text());
        assertTrue(run.text().contains("error: MLFLOW_TRACKING_SERVER_CERT_PATH names " + notes + ", which holds no "
                + "certificate"), run.text());
        assertTrue(run.text().contains("next: set MLFLOW_TRACKING_SERVER_CERT_PATH to the PEM file"), run.text());
        assertFalse(Files.exists(workspace), "nothing was created: " + workspace);
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
