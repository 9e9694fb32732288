package dev.opsdemo.cli;

import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import dev.opsdemo.workspace.WorkspaceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code harness ui} on a workspace it cannot reopen, in this JVM: exit 2, what is wrong and what to do instead,
 * before anything starts (no step, no server) and with the workspace as it was. The reopening itself is UiTest's.
 */
class UiUsageErrorTest {

    /** summary.json as a run that passed its two server steps records it (local MLflow), facts cut to those. */
    private static final String PASSED = """
            {"status": "passed", "exitCode": 0, "startedAt": "2026-01-01T12:00:00Z", "mlflowMode": "local",
             "steps": [{"id": "devops.remote", "status": "passed"}, {"id": "mlops.server", "status": "passed"}],
             "facts": {"devops": {"remoteUrl": "http://127.0.0.1:40123/sample-app.git"},
                       "mlops": {"mlflowMode": "local", "trackingUri": "http://127.0.0.1:5123"}}}
            """;

    @TempDir
    Path dir;

    @Test
    void noSuchWorkspace() {
        Path missing = dir.resolve("never-made");
        HarnessRun run = refused("no workspace at " + missing + ": the directory does not exist", missing);
        assertTrue(run.err().contains("next: pass the --workspace a run used"), run.all());
        assertFalse(Files.exists(missing), "nothing was created");
    }

    @Test
    void aWorkspaceWithoutASummaryHoldsNoFinishedRun() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        HarnessRun run = refused("the workspace " + workspace + " holds no finished run: it has no summary.json, "
                + "which a run writes as it ends", workspace);
        assertTrue(run.err().contains("next: run the demo in it (./scripts/harness.sh demo --workspace " + workspace
                + "), or pass the --workspace of a finished run"), run.all());
        assertEquals(List.of(WorkspaceLock.FILE), files(workspace), "only the lock it took, released");
    }

    /** A run killed outright leaves summary.json saying running, and its pid in the lock for the next run. */
    @Test
    void aKilledRunDidNotFinishAndItsNextRunStillLearnsSo() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), PASSED.replace("\"passed\", \"exitCode\": 0",
                "\"running\""));
        Files.writeString(workspace.resolve(WorkspaceLock.FILE), "4242\n");
        refused("the last run in " + workspace + " did not finish: its summary.json still says running", workspace);
        assertEquals("4242\n", Files.readString(workspace.resolve(WorkspaceLock.FILE)),
                "the lock still names the killed run, so the next run removes what it left");
    }

    @Test
    void anUnreadableSummary() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), "{\"status\": \"pass");
        refused("cannot read the run recorded in " + workspace.resolve("summary.json"), workspace);
    }

    @Test
    void aWorkspaceARunningDemoHolds() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), PASSED);
        try (WorkspaceLock held = WorkspaceLock.acquire(Workspace.open(workspace, RepoLayout.locate()))) {
            HarnessRun run = refused("another harness run is using the workspace " + workspace, workspace);
            assertTrue(run.err().contains("next: wait for it to finish, or pass another --workspace"), run.all());
        }
    }

    @Test
    void aRunThatStartedNoServer() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), PASSED.replace("\"passed\"}", "\"failed\"}"));
        refused("the run in " + workspace + " left no server to reopen: neither devops.remote nor mlops.server "
                + "passed", workspace);
    }

    /** --git-remote and --mlflow URL: both servers were someone else's, and still serve without the harness. */
    @Test
    void aRunOnAnExistingGitRemoteAndMlflowServer() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), PASSED.replace("\"local\"", "\"external\"")
                .replace("http://127.0.0.1:40123/sample-app.git", "https://git.example.org/ada/sample-app.git"));
        refused("the run in " + workspace + " left no server to reopen: its Git remote was the existing one at "
                + "https://git.example.org/ada/sample-app.git, and its MLflow was the existing server at "
                + "http://127.0.0.1:5123, not one on a store in the workspace", workspace);
    }

    @Test
    void aStoreThatIsGone() throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        Files.writeString(workspace.resolve("summary.json"), PASSED);
        refused("the run's MLflow store is gone: " + workspace.resolve("mlops/mlflow/mlflow.db")
                + " does not exist", workspace);
        assertFalse(Files.exists(workspace.resolve("mlops")), "no store was made");
    }

    /** Refused with {@code rule} (exit 2, a next step) before any step ran. */
    private static HarnessRun refused(String rule, Path workspace) {
        HarnessRun run = HarnessRun.of("ui", "--workspace", workspace.toString());
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: " + rule), run.all());
        assertTrue(run.err().contains("next:"), "says what to do instead:\n" + run.all());
        assertFalse(run.out().contains("▶"), "no step ran:\n" + run.all());
        return run;
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
