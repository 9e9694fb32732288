package dev.opsdemo.devops;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.ShownCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DevOps lane end to end, checked against what the real git CLI reads from the remote. */
@EndToEnd
class DevopsLaneTest {

    @TempDir
    Path workspace;

    private HarnessRun devops() {
        return HarnessRun.of("devops", "--non-interactive", "--workspace", workspace.toString());
    }

    private static final String REMOTE = "devops/remote/sample-app.git";

    private Path bareRepo() {
        return workspace.resolve(REMOTE);
    }

    /** The message of the {@code git commit -m "..."} line the last run showed. */
    private String shownCommitMessage() throws Exception {
        Pattern commit = Pattern.compile("git .*commit -m \"(.*)\"$");
        return ShownCommands.assertReal(workspace.resolve("transcript.txt")).stream().map(commit::matcher)
                .filter(java.util.regex.Matcher::find).map(matcher -> matcher.group(1)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no git commit line shown"));
    }

    @Test
    void firstRunPushesANewBranchAndSecondRunFastForwards() throws Exception {
        HarnessRun first = devops();
        assertEquals(0, first.exitCode(), first.all());
        for (String id : new String[] {"devops.remote", "devops.commit", "devops.build", "devops.tests",
                "devops.push", "devops.deploy"}) {
            assertTrue(first.out().contains("✔ " + id + " passed"), id + " did not pass:\n" + first.all());
        }
        assertTrue(Pattern.compile("\\[main \\(root-commit\\) [0-9a-f]{7}\\] Initial commit").matcher(first.out())
                .find(), first.all());
        assertTrue(first.out().contains(" * [new branch]      main -> main"), first.all());
        assertTrue(first.out().contains("BUILD SUCCESS"), "Maven's own output is streamed");
        assertTrue(first.out().contains("    {\"status\":\"UP\""), first.all());
        JsonNode summary = HarnessRun.summary(workspace);
        String firstSha = summary.at("/facts/devops/pushedSha").asText();
        assertEquals("Initial commit: sample-app release 1", shownCommitMessage());
        assertEquals(shownCommitMessage(), Shell.ok(workspace, "git", "--git-dir", bareRepo().toString(), "log", "-1",
                "--format=%s", "main").firstLine(), "the message shown is the pushed commit's");
        assertEquals("passed", summary.get("status").asText());
        assertEquals(firstSha, gitRevParseMain(), "the remote's main is the pushed commit");

        HarnessRun second = devops();
        assertEquals(0, second.exitCode(), second.all());
        JsonNode again = HarnessRun.summary(workspace);
        String secondSha = again.at("/facts/devops/pushedSha").asText();
        assertTrue(second.out().contains("   " + firstSha.substring(0, 7) + ".." + secondSha.substring(0, 7)
                + "  main -> main"), second.all());
        assertEquals(secondSha, gitRevParseMain());
        assertEquals(secondSha, again.at("/facts/devops/commitSha").asText());
        assertEquals(firstSha, Shell.ok(workspace, "git", "--git-dir", bareRepo().toString(), "rev-parse",
                "main~1").firstLine(), "the second commit sits on top of the first");
        assertEquals(shownCommitMessage(), Shell.ok(workspace, "git", "--git-dir", bareRepo().toString(), "log", "-1",
                "--format=%s", "main").firstLine(), "the message shown is the pushed commit's");
        assertTrue(shownCommitMessage().startsWith("Release 2"), shownCommitMessage());
        assertEquals(bareRepo().toAbsolutePath().toString(), again.at("/facts/devops/bareRepo").asText());

        Leftovers.assertNoChildProcesses();
        Leftovers.assertNotListening(again.at("/facts/devops/remoteUrl").asText());
        Leftovers.assertNotListening(again.at("/facts/devops/appUrl").asText());
    }

    @Test
    void theRemoteServesTheCommittedTreeToGitCloneWithTheCredentials() throws Exception {
        // Only read (served and cloned elsewhere): the suite's shared demo pushed as the lane does.
        Path demo = SharedDemo.passed().workspace();
        String pushed = HarnessRun.summary(demo).at("/facts/devops/pushedSha").asText();
        GitCredentials credentials = GitCredentials.loadOrCreate(demo.resolve("devops"));
        try (GitRemoteServer remote = GitRemoteServer.start(demo.resolve(REMOTE), credentials)) {
            String withCredentials = remote.url().replace("http://", "http://" + credentials.username() + ":"
                    + credentials.password() + "@");
            Path clone = workspace.resolve("clone");
            Shell.ok(workspace, "git", "-c", "credential.helper=", "clone", "-q", withCredentials, clone.toString());
            assertEquals(pushed, Shell.ok(clone, "git", "rev-parse", "HEAD").firstLine());
            Path release = Path.of("src/main/resources/release.properties");
            assertEquals(Files.readString(demo.resolve("devops/sample-app").resolve(release)),
                    Files.readString(clone.resolve(release)));
            assertEquals("", Shell.ok(clone, "git", "status", "--porcelain").text(), "clean checkout");
            assertTrue(Files.isRegularFile(clone.resolve("src/test/java/dev/opsdemo/sampleapp/GreetingTest.java")));
        }
    }

    @Test
    void aFailingUnitTestStopsTheLaneBeforeThePush() throws Exception {
        // A workspace the lane passed in: the shared demo's, copied.
        SharedDemo.passed().copyTo(workspace);
        String before = gitRevParseMain();
        Path test = workspace.resolve("devops/sample-app/src/test/java/dev/opsdemo/sampleapp/GreetingTest.java");
        Files.writeString(test, Files.readString(test).replace("\"Hello, Ada!\"", "\"Goodbye, Ada!\""));

        HarnessRun broken = devops();
        assertEquals(1, broken.exitCode(), broken.all());
        assertTrue(broken.out().contains("GreetingTest.greetsByName"), "the failing test is named:\n" + broken.all());
        assertTrue(broken.out().contains("✘ devops.build failed"), broken.all());
        assertTrue(broken.out().contains("- devops.push skipped"), broken.all());
        assertEquals(before, gitRevParseMain(), "nothing was pushed");
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("failed", summary.get("status").asText());
        assertFalse(summary.at("/facts/devops").has("pushedSha"));
        Leftovers.assertNoChildProcesses();
    }

    @Test
    void aRemoteWithWorkTheWorkingCopyLacksRefusesThePushAndExplains() throws Exception {
        // A workspace the lane passed in: the shared demo's, copied.
        Path demo = SharedDemo.passed().workspace();
        SharedDemo.passed().copyTo(workspace);
        GitCredentials credentials = GitCredentials.loadOrCreate(workspace.resolve("devops"));
        String theirs;
        try (GitRemoteServer remote = GitRemoteServer.start(bareRepo(), credentials)) {
            String withCredentials = remote.url().replace("http://", "http://" + credentials.username() + ":"
                    + credentials.password() + "@");
            Path colleague = workspace.resolve("colleague");
            Shell.ok(workspace, "git", "-c", "credential.helper=", "clone", "-q", withCredentials,
                    colleague.toString());
            Files.writeString(colleague.resolve("NOTES.md"), "A colleague's change\n");
            Shell.ok(colleague, "git", "add", "NOTES.md");
            Shell.ok(colleague, "git", "-c", "user.name=Colleague", "-c", "user.email=c@example.invalid",
                    "commit", "-q", "-m", "Colleague's commit");
            Shell.ok(colleague, "git", "-c", "credential.helper=", "push", "-q", "origin", "main");
            theirs = Shell.ok(colleague, "git", "rev-parse", "HEAD").firstLine();
        }

        HarnessRun rejected = devops();
        assertEquals(1, rejected.exitCode(), rejected.all());
        assertTrue(rejected.out().contains(" ! [rejected]        main -> main (non-fast-forward)"), rejected.all());
        assertTrue(rejected.out().contains("error: failed to push some refs to 'http://127.0.0.1:"), rejected.all());
        assertTrue(rejected.out().contains("never force-pushes"), rejected.all());
        assertEquals(theirs, gitRevParseMain(), "the colleague's commit is still the remote's main");
        assertEquals(HarnessRun.summary(demo).at("/facts/devops/pushedSha").asText(), Shell.ok(workspace, "git",
                "--git-dir", demo.resolve(REMOTE).toString(), "rev-parse", "main").firstLine(),
                "the copy's remote is its own: the shared demo's still has what the demo pushed");
        Leftovers.assertNoChildProcesses();
    }

    @Test
    void theCredentialsNeverAppearInOutputOrRecords() throws Exception {
        // The whole demo, both lanes and every record, from the suite's shared run.
        SharedDemo demo = SharedDemo.passed();
        HarnessRun run = demo.run();
        Path workspace = demo.workspace();
        Properties props = new Properties();
        try (var in = Files.newInputStream(workspace.resolve("devops/git-credentials.properties"))) {
            props.load(in);
        }
        String password = props.getProperty("password");
        assertTrue(password.length() >= 20);
        assertFalse(run.all().contains(password), "password in terminal output");
        assertFalse(Files.readString(workspace.resolve("summary.json")).contains(password), "password in summary");
        for (String record : new String[] {"transcript.txt", "transcript.cast", "report.md", "report.html"}) {
            assertFalse(Files.readString(workspace.resolve(record)).contains(password), "password in " + record);
        }
        assertFalse(Files.readString(workspace.resolve("devops/sample-app/.git/config")).contains(password),
                "password in the working copy's git config");
    }

    private String gitRevParseMain() throws Exception {
        return Shell.ok(workspace, "git", "--git-dir", bareRepo().toString(), "rev-parse", "main").firstLine();
    }
}
