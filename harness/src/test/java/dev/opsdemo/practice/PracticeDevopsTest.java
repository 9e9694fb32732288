package dev.opsdemo.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DevOps lane practised as a learner would, on a real terminal: tmux with two panes, the practice on top and
 * below it a plain bash that sources {@code practice/env.sh} and types the commands the practice shows, read off its
 * screen. Each step is checked before its commands are typed (not yet, the condition named) and after (passed):
 * the unit-test gate, which only reads, asks back the count it printed, and the monitor step finds the loop's checks
 * in the app's access log; q after the push keeps the progress, and a second session in the workspace resumes at
 * the deploy step. The checks' verdicts are read back against the real systems
 * (the remote's main through git, the app's health over HTTP), and nothing is left running.
 */
@EndToEnd
class PracticeDevopsTest {

    private static final Duration STEP = PracticeTerminals.STEP;

    @TempDir
    Path dir;

    @Test
    void theLearnerTypesEachStepTheChecksSayNotYetThenPassedAndASecondSessionResumes() throws Exception {
        Path workspace = dir.resolve("ws");
        try (PracticeTerminals session = PracticeTerminals.open(dir, workspace, "--only", "devops")) {
            Tmux terminal = session.practice;
            Tmux.Pane learner = session.learner;
            terminal.await("in your terminal, first: source " + workspace.resolve("practice/env.sh"), STEP);

            session.notYetThenPassed("devops.commit", "devops/sample-app is not a Git repository yet");
            assertTrue(terminal.screen().contains("→ HEAD is "), terminal.screen());
            session.notYetThenPassed("devops.build",
                    "devops/sample-app/target/sample-app.jar does not exist");

            session.awaitStep("devops.tests");
            terminal.send("h");
            terminal.await("→ hint 1 of 2: ", STEP);
            // It only reads: the count it prints is asked back; one class's count is not the number of tests.
            session.answeredOnceTyped("devops.tests", "2", "the reports do not add up to 2 tests",
                    printed -> String.valueOf(Pattern.compile("Tests run: (\\d+),").matcher(printed).results()
                            .mapToInt(found -> Integer.parseInt(found.group(1))).sum()));

            session.notYetThenPassed("devops.push", "the remote has no main yet");

            session.awaitStep("devops.deploy");
            terminal.send("q");
            assertEquals(130, terminal.awaitExit(STEP), terminal.screen());
            assertTrue(terminal.screen().contains("quit by the learner (q) during devops.deploy"), terminal.screen());
            assertTrue(terminal.screen().contains("to go on from devops.deploy"), terminal.screen());
        }
        JsonNode progress = Json.MAPPER.readTree(workspace.resolve("practice/progress.json").toFile());
        assertEquals("passed", progress.path("devops.commit").path("outcome").asText(), progress.toString());
        assertEquals(2, progress.path("devops.commit").path("checks").asInt(), progress.toString());
        assertEquals("passed", progress.path("devops.tests").path("outcome").asText(), progress.toString());
        assertEquals(2, progress.path("devops.tests").path("checks").asInt(), progress.toString());
        assertEquals(1, progress.path("devops.tests").path("hints").asInt(), progress.toString());
        assertEquals("open", progress.path("devops.deploy").path("outcome").asText(), progress.toString());

        String appUrl;
        try (PracticeTerminals session = PracticeTerminals.open(dir, workspace, "--only", "devops")) {
            Tmux terminal = session.practice;
            Tmux.Pane learner = session.learner;
            terminal.await("→ resuming: the 4 steps done in an earlier session", STEP);
            session.notYetThenPassed("devops.deploy", "nothing answers at http://127.0.0.1:");
            Matcher url = Pattern.compile("the app at (http://127\\.0\\.0\\.1:\\d+) answers").matcher(
                    terminal.screen());
            assertTrue(url.find(), terminal.screen());
            appUrl = url.group(1);
            // The loop's checks are in the app's access log, or not yet.
            session.notYetThenPassed("devops.monitor", "the app's log (logs/devops.deploy.log) shows 0 health "
                    + "checks since this step began, not the loop's 10");
            // Every step passed: the lesson's quiz, on this session's evidence.
            session.answerQuiz("B", "A", "D", "C", "A");
            assertEquals(0, terminal.awaitExit(STEP), terminal.screen());
            learner.typeLine("kill %1");
            learner.typeLine("wait; echo \"app $((1+1)) stopped\"");
            learner.await("app 2 stopped", STEP);
        }
        Leftovers.assertNotListening(appUrl);
        JsonNode quiz = Json.MAPPER.readTree(workspace.resolve("quiz.json").toFile());
        assertEquals(5, quiz.path("score").asInt(), quiz.toString());
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("passed", summary.path("status").asText(), summary.toString());
        // The check's reading of the push is the remote's own main, as plain git reads it.
        String main = Shell.run(dir, "git", "--git-dir", workspace.resolve("devops/remote/sample-app.git").toString(),
                "rev-parse", "main").firstLine().strip();
        assertEquals(main, summary.path("facts").path("devops").path("pushedSha").asText(), summary.toString());
        assertEquals(appUrl, summary.path("facts").path("devops").path("appUrl").asText(), summary.toString());
        Leftovers.assertNotListening(summary.path("facts").path("devops").path("remoteUrl").asText());
        String password = Files.readAllLines(workspace.resolve("devops/git-credentials")).get(0)
                .replaceAll("^[^:]*://[^:]*:([^@]*)@.*$", "$1");
        assertFalse(password.isBlank());
        for (String file : List.of("practice/env.sh", "practice/progress.json", "transcript.txt", "summary.json")) {
            assertFalse(Files.readString(workspace.resolve(file)).contains(password), file + " holds the password");
        }
    }

    /**
     * The lesson's mistake of releasing code whose unit test fails: the harness commits the app ("show me"), the
     * learner breaks a test and commits it, skips
     * the build and the gate that said so, and pushes; the push's check reads the remote's main and the test reports
     * and explains the mistake instead of passing.
     */
    @Test
    void pushingACommitWhoseUnitTestFailsIsExplainedAsTheLessonsMistake() throws Exception {
        Path workspace = dir.resolve("ws");
        try (PracticeTerminals session = PracticeTerminals.open(dir, workspace, "--only", "devops")) {
            Tmux terminal = session.practice;
            Tmux.Pane learner = session.learner;
            terminal.await("in your terminal, first: source " + workspace.resolve("practice/env.sh"), STEP);
            session.awaitStep("devops.commit");
            terminal.send("s");
            terminal.await("show me: the harness does devops.commit the demo's way", STEP);
            terminal.await("✔ devops.commit passed", STEP);

            session.awaitStep("devops.build");
            learner.typeLine("sed -i 's/Hello, Ada!/Hi, Ada!/' devops/sample-app/src/test/java/dev/opsdemo/sampleapp/"
                    + "GreetingTest.java && git -C devops/sample-app commit -qam 'Expect a shorter greeting'");
            session.typeShownCommands("devops.build");
            terminal.send("Enter");
            terminal.await("→ ✗ devops/sample-app/target/sample-app.jar does not exist", STEP);
            terminal.send("n");
            session.awaitStep("devops.tests");
            terminal.send("Enter");
            terminal.await("→ ✗ unit tests failed: GreetingTest", STEP);
            terminal.send("n");

            session.awaitStep("devops.push");
            session.typeShownCommands("devops.push");
            terminal.send("Enter");
            terminal.await("a commit whose unit tests fail: GreetingTest", STEP);
            terminal.await("→ common mistake: pushing while a unit test fails releases broken code", STEP);
            terminal.send("q");
            assertEquals(130, terminal.awaitExit(STEP), terminal.screen());
            assertTrue(terminal.screen().contains("quiz skipped"), terminal.screen());
        }
        JsonNode progress = Json.MAPPER.readTree(workspace.resolve("practice/progress.json").toFile());
        assertEquals("skipped", progress.path("devops.build").path("outcome").asText(), progress.toString());
        assertEquals("open", progress.path("devops.push").path("outcome").asText(), progress.toString());
        assertTrue(Files.readString(workspace.resolve("transcript.txt")).contains("common mistake: pushing while a "
                + "unit test fails"), "the records keep the explanation");
    }
}
