package dev.opsdemo.cli;

import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no run could use, given to the CLI in this JVM: exit 2 and the rule with what to do instead, before anything
 * starts (no step header, no workspace). That scripts/harness.sh hands the exit code and the message on to the user
 * unchanged is BadInputTest's one case through the script.
 */
class UsageErrorTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1} {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--typing-speed -5 is not between 0 and 1000 | demo   | --typing-speed  | -5",
            "--auto-advance -1 is not between 0 and 3600 | demo   | --auto-advance  | -1",
            "--min-accuracy 1.5 is not between 0 and 1   | mlops  | --min-accuracy  | 1.5",
            "--promote-margin -0.1 is not at least 0     | demo   | --promote-margin| -0.1",
            "--model-name 'my model' is not a name       | mlops  | --model-name    | my model",
            "--experiment '' is not a name               | demo   | --experiment    | \"\"",
            "--learner 'Ada' cannot begin the names of MLflow experiments and models | mlops | --learner | Ada",
            "--learner 'a/b' cannot begin the names      | practice | --learner     | a/b",
            "--git-remote for git.example.org carries credentials | devops | --git-remote | https://ada:pw@git.example.org/a.git",
            "--git-remote 'ssh://git.example.org/a.git' is not an http(s) URL | demo | --git-remote | ssh://git.example.org/a.git",
            "--git-remote 'https://git.example.org/' names no repository | practice | --git-remote | https://git.example.org/",
            "--step-timeout 0 is not a positive number   | verify | --step-timeout  | 0",
            "--live and --non-interactive contradict each other | demo | --live |",
            "--live does not apply to it                 | verify | --live          |",
            "--quiz does not apply to verify             | verify | --quiz          |",
            "--quiz does not apply to doctor             | doctor | --quiz          |",
            "--min-accuracy 1.5 is not between 0 and 1   | practice | --min-accuracy | 1.5",
            // Checked against sample-ml-project/MLproject's declarations and the files, not in training.
            "-P n_estimators=abc: 'abc' is not a whole number, and the MLproject declares n_estimators as int | demo | -P | n_estimators=abc",
            "-P test_size=0,2: '0,2' is not a number     | mlops  | -P              | test_size=0,2",
            "-P n_trees=5: the MLproject's main entry point has no parameter 'n_trees' | mlops | -P | n_trees=5",
            "use one of data, n_estimators, max_depth, test_size, seed | demo | -P | n_trees=5",
            "--retrain-param max_depth=deep: 'deep' is not a whole number | demo | --retrain-param | max_depth=deep",
            "--retrain-param data=x.csv: the retraining data is the training data plus | demo | --retrain-param | data=x.csv",
            "--data /nonexistent.csv: /nonexistent.csv does not exist | demo | --data  | /nonexistent.csv",
            "data/missing.csv does not exist              | mlops | --data | data/train.csv,data/missing.csv:head=10",
            "sample-ml-project/data is a directory        | mlops  | -P              | data=data",
            "--production-data nope.csv:                 | demo   | --production-data | nope.csv",
    })
    void anImpossibleOptionValueIsRefusedWithTheRuleBeforeAnythingStarts(String rule, String command, String option,
                                                                         String value) {
        Path workspace = dir.resolve("never-created");
        List<String> args = new ArrayList<>(List.of(command, "--non-interactive", "--workspace", workspace.toString(),
                option));
        if (value != null) {
            args.add(value);
        }
        HarnessRun run = HarnessRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run.all());
        assertTrue(run.err().contains(rule), run.all());
        assertTrue(run.err().contains("next:"), "says what to do instead:\n" + run.all());
        assertFalse(run.out().contains("▶"), "no step ran:\n" + run.all());
        assertFalse(Files.exists(workspace), "nothing was created: " + workspace);
    }

    @Test
    void anUnknownFromStepIsAUsageErrorListingTheValidIds() {
        HarnessRun run = HarnessRun.of("demo", "--non-interactive", "--from-step", "mlops.deploy", "--workspace",
                dir.resolve("ws").toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--from-step mlops.deploy is not a step of this run"), run.all());
        assertTrue(run.err().contains("choose one of: devops.remote, devops.commit, devops.build, devops.tests, "
                + "devops.push, devops.deploy, devops.monitor, mlops.server, mlops.validate, mlops.train, "
                + "mlops.inspect, mlops.gate, mlops.register, mlops.alias, mlops.serve, mlops.monitor, "
                + "mlops.retrain, mlops.challenger, mlops.evaluate, mlops.promote"), run.all());
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
}
