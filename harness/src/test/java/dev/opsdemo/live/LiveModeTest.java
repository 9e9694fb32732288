package dev.opsdemo.live;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live mode on a real pseudo-terminal (tmux): Enter advances, --from-step resumes, q quits and cleans up. */
@EndToEnd
class LiveModeTest {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static final String PROMPT = "[Enter] run";

    @TempDir
    Path dir;

    @Test
    void enterAdvancesOneStepAndQuittingMidDemoLeavesNoProcessOrContainer() throws Exception {
        Docker.require();
        Path workspace = dir.resolve("ws");
        try (Tmux terminal = Tmux.harness(dir, "demo", "--workspace", workspace.toString(), "--typing-speed", "0",
                "--mlflow", "container", "--production-data", "data/production_reference.csv")) {
            // The title screen first: what the room is about to see; Enter leaves it.
            terminal.await("Press Enter to start", STEP);
            String opening = terminal.screen();
            assertTrue(opening.contains("DevOps vs MLOps: two real pipelines, side by side"), opening);
            assertTrue(opening.contains("Watch for:"), opening);
            assertFalse(opening.contains("devops.remote"), "no step before Enter:\n" + opening);
            terminal.send("Enter");
            terminal.await("$ git init --bare", STEP);
            terminal.await(PROMPT, STEP);
            assertFalse(terminal.screen().contains("Initialized empty Git repository"), "waits for Enter");
            terminal.send("Enter");
            terminal.await("✔ devops.remote passed", STEP);
            terminal.await("devops.commit · version", STEP);
            terminal.await(PROMPT, STEP);
            Thread.sleep(1500);
            assertFalse(terminal.screen().contains("(root-commit)"), "the next step waits for Enter too");
            terminal.send("Enter");
            terminal.await("✔ devops.commit passed", STEP);
            terminal.await("mlops.server · version", STEP);
            terminal.send("Enter");
            // Starting the container takes seconds: a status line says so, and the result replaces it.
            terminal.await("⋯ mlops.server running · ", STEP);
            terminal.await("✔ mlops.server passed", STEP);
            assertFalse(terminal.screen().contains("⋯ mlops.server running"), terminal.screen());
            assertEquals(1, Docker.containersOf(workspace.toString()).size(), "the MLflow container runs");
            terminal.await("devops.build · build", STEP);
            terminal.await(PROMPT, STEP);
            terminal.send("!");
            terminal.await("(off-script · exit returns to the demo)", STEP);
            terminal.send("curl -s \"$MLFLOW_TRACKING_URI/health\"; echo \" <- health\"", "Enter");
            terminal.await("OK <- health", STEP);
            terminal.send("exit", "Enter");
            terminal.await("→ back on script", STEP);
            terminal.send("q");
            assertEquals(130, terminal.awaitExit(STEP), terminal.screen());
            assertTrue(terminal.screen().contains("(quit: stopping everything started so far)"), terminal.screen());
        }
        Docker.assertNoContainersOf(workspace.toString());
        assertEquals("", Shell.run(dir, "pgrep", "-f", workspace.toString()).text(), "processes left running");
        JsonNode summary = HarnessRun.summary(workspace);
        Leftovers.assertNotListening(summary.at("/facts/devops/remoteUrl").asText());
        Leftovers.assertNotListening(summary.at("/facts/mlops/trackingUri").asText());
    }

    @Test
    void fromStepRunsTheEarlierStepsQuietlyAndResumesThere() throws Exception {
        Path workspace = dir.resolve("ws");
        try (Tmux terminal = Tmux.harness(dir, "demo", "--only", "devops", "--workspace", workspace.toString(),
                "--typing-speed", "0", "--from-step", "devops.push")) {
            terminal.await("devops.push · release", STEP);
            terminal.await(PROMPT, STEP);
            String before = terminal.screen();
            assertTrue(before.contains("↺ devops.remote ran quietly (passed"), before);
            assertTrue(before.contains("↺ devops.build ran quietly (passed"), before);
            assertFalse(before.contains("BUILD SUCCESS"), "quiet steps' output is not shown");
            terminal.send("Enter");
            terminal.await("✔ devops.push passed", STEP);
            terminal.await("devops.deploy · deploy", STEP);
            terminal.await(PROMPT, STEP);
            // Off-script: the user's shell in the working copy, git able to reach the remote, then back.
            terminal.send("!");
            terminal.await("(off-script · exit returns to the demo)", STEP);
            Path env = dir.resolve("off-script-env.txt");
            terminal.send("git fetch -q origin && git log --format=%H -1 origin/main && env > " + env, "Enter");
            terminal.send("exit", "Enter");
            terminal.await("→ back on script", STEP);
            String pushed = HarnessRun.summary(workspace).at("/facts/devops/pushedSha").asText();
            assertTrue(terminal.screen().contains(pushed), "origin/main in the shell is the pushed commit:\n"
                    + terminal.screen());
            Properties credentials = new Properties();
            try (var in = Files.newInputStream(workspace.resolve("devops/git-credentials.properties"))) {
                credentials.load(in);
            }
            String password = credentials.getProperty("password");
            assertFalse(Files.readString(env).contains(password), "the Git password is not in the shell's env");
            assertFalse(terminal.screen().contains(password), "nor on screen");
            assertFalse(Files.readString(workspace.resolve("devops/sample-app/.git/config")).contains(password),
                    "nor in the working copy's config");
            terminal.send("Enter");
            terminal.await("devops.monitor · monitor", STEP);
            terminal.send("Enter");
            // A live demo ends on what is still up, and it answers while the screen waits; q stops it all.
            terminal.await("→ still up, as the steps left them", STEP);
            String appUrl = HarnessRun.summary(workspace).at("/facts/devops/appUrl").asText();
            assertTrue(Shell.run(dir, "curl", "-sS", appUrl + "/health").text().contains("\"status\":\"UP\""),
                    "the app answers at the end screen");
            terminal.send("q");
            assertEquals(0, terminal.awaitExit(STEP), terminal.screen());
            Leftovers.assertNotListening(appUrl);
        }
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("passed", summary.get("status").asText());
        String remoteMain = Shell.ok(dir, "git", "--git-dir", workspace.resolve("devops/remote/sample-app.git")
                .toString(), "rev-parse", "main").firstLine();
        assertEquals(summary.at("/facts/devops/pushedSha").asText(), remoteMain);
    }

    @Test
    void anUnknownFromStepIsAUsageErrorListingTheSteps() {
        HarnessRun run = HarnessRun.of("demo", "--only", "devops", "--non-interactive", "--workspace",
                dir.resolve("ws").toString(), "--from-step", "devops.nope");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--from-step devops.nope is not a step of this run"), run.all());
        assertTrue(run.err().contains("devops.push"), "lists the valid ids: " + run.all());
    }
}
