package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.exec.RunningProcess;
import dev.opsdemo.mlflow.MlflowImages;
import dev.opsdemo.support.CastReplay;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed outright (SIGKILL: no shutdown hook, no cleanup) leaves its workspace half-done. The next run finds
 * what was left, repairs it, says what it did, and succeeds.
 */
@EndToEnd
class WorkspaceRepairTest {

    @TempDir
    Path workspace;

    @Test
    void theRunAfterAKilledOneRemovesStaleLocksAndPartialRecordsAndSucceeds() throws Exception {
        try (HarnessProcess killed = devops()) {
            harnessKilledDuring(killed, "devops.build");
        }
        assertEquals("running", HarnessRun.summary(workspace).get("status").asText(),
                "the killed run's summary still says running");
        // What SIGKILL leaves when it lands while Git writes: JGit's and git's lock files, and a summary half
        // written. (Landing the kill inside those few milliseconds is left to chance in real life, not here.)
        Path indexLock = Files.writeString(workspace.resolve("devops/sample-app/.git/index.lock"), "");
        Path refLock = Files.writeString(workspace.resolve("devops/remote/sample-app.git/refs/heads/main.lock"),
                "");
        Path partial = Files.writeString(workspace.resolve("summary.json.tmp"), "{\"status\" : \"runn");
        int commitsBefore = commits();

        try (HarnessProcess next = devops()) {
            assertEquals(0, next.awaitExit(Duration.ofMinutes(3)), next.output());
            String out = next.output();
            assertTrue(out.contains("workspace: the previous run in this workspace (started "), out);
            assertTrue(out.contains("did not finish: it was killed before it could stop cleanly; its last recorded "
                    + "step: devops.commit passed; this run replaces its records"), out);
            assertTrue(out.contains("workspace: removed " + partial + ", a summary the previous run did not finish "
                    + "writing"), out);
            assertTrue(out.contains("workspace: removed the stale Git lock " + indexLock), out);
            assertTrue(out.contains("workspace: removed the stale Git lock " + refLock), out);
            NothingLeft.assertFor(next, workspace);
        }
        // The recording opens on the same repair lines as the terminal and the transcript.
        CastReplay.assertReplaysToTranscript(workspace);
        assertFalse(Files.exists(indexLock));
        assertFalse(Files.exists(refLock));
        assertFalse(Files.exists(partial));
        assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
        // The killed run's commit was never pushed; the next run pushes it with its own.
        assertEquals(commitsBefore + 2, commits(), "the next run committed and pushed");
        assertEquals(HarnessRun.summary(workspace).at("/facts/devops/pushedSha").asText(), Shell.ok(workspace, "git",
                "--git-dir", workspace.resolve("devops/remote/sample-app.git").toString(), "rev-parse", "main")
                .firstLine().strip());
    }

    @Test
    void aGitLockThatAProcessHoldsIsLeftAloneAndNamed() throws Exception {
        Path lock = workspace.resolve("devops/sample-app/.git/index.lock");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "");
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            // A person's git command in the middle of its work: it has the lock file open.
            RunningProcess holder = new ProcessRunner(cleanup).start(ProcessCommand.of(workspace, "sh", "-c",
                    "exec 3<" + lock + "; echo holding; exec sleep 60"), line -> { });
            awaitOpen(holder, lock);
            HarnessRun run = failingFast();
            assertTrue(run.out().contains("workspace: left the Git lock " + lock + " alone: process [" + holder.pid()
                    + "] has it open"), run.all());
            assertTrue(Files.exists(lock), "a held lock is not removed");
        }
    }

    @Test
    void containersAKilledRunLeftAreRemovedByTheNextRun() throws Exception {
        Docker.require();
        try (HarnessProcess killed = HarnessProcess.start("mlops", "--non-interactive", "--mlflow", "container",
                "--workspace", workspace.toString())) {
            killed.awaitLine("✔ mlops.server passed", Duration.ofSeconds(180));
            harnessKilledDuring(killed, "mlops.(validate|train)");
        }
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> left = labelled(docker);
        assertEquals(1, left.size(), "SIGKILL leaves the MLflow container running (Ryuk is off): " + left);
        assertEquals("running", left.get(0).getState());
        // And one that exited: a stopped container under the workspace's label.
        String exited = docker.createContainerCmd(MlflowImages.LOCAL_BUILD).withCmd("true")
                .withLabels(Map.of("opsdemo.workspace", workspace.toString())).exec().getId();
        docker.startContainerCmd(exited).exec();
        docker.waitContainerCmd(exited).start().awaitStatusCode();

        HarnessRun run = failingFast();
        assertTrue(run.out().contains("workspace: removed container " + left.get(0).getId().substring(0, 12) + " ("),
                run.all());
        assertTrue(run.out().contains("workspace: removed container " + exited.substring(0, 12) + " ("
                + MlflowImages.LOCAL_BUILD + ", exited) that an earlier, killed run in this workspace left behind"),
                run.all());
        assertEquals(List.of(), labelled(docker));
    }

    /**
     * A run stopped while its MLflow server creates the database (here a Ctrl-C as soon as the file appears) leaves
     * a half-made one, some tables and no schema version, which MLflow refuses ever after. It is marked as being
     * created, so the next run removes it, says so, and its server makes it again.
     */
    @Test
    void aRunStoppedWhileMlflowCreatesItsDatabaseLeavesOneTheNextRunMakesAgain() throws Exception {
        Path db = workspace.resolve("mlops/mlflow/mlflow.db");
        Path marker = db.resolveSibling("mlflow.db.creating");
        try (HarnessProcess stopped = HarnessProcess.start("mlops", "--non-interactive", "--workspace",
                workspace.toString(), "--mlflow", "local", "--data", "data/corrupted.csv")) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.isRegularFile(db) && Files.size(db) > 0);
            stopped.signal("INT");
            assertEquals(130, stopped.awaitExit(Duration.ofSeconds(30)), stopped.output());
            assertTrue(stopped.output().contains("✘ mlops.server interrupted"), stopped.output());
        }
        // Creating takes seconds of migrations and the server answers only after them: the signal came first.
        assertTrue(Files.exists(marker), "the database is still marked as being created");

        HarnessRun next = corruptedDataRun();
        assertTrue(next.out().contains("workspace: removed " + db + ": an earlier run's MLflow server was stopped "
                + "while it created it"), next.all());
        assertTrue(next.out().contains("✔ mlops.server passed"), next.all());
        assertTrue(next.out().contains("✘ mlops.validate failed"), next.all());
        assertFalse(Files.exists(marker), "the server answered, so its database is whole");
        assertEquals("{}", MlflowWitness.content(db).at("/models").toString(), "MLflow opens it: a whole store");
    }

    /**
     * A database MLflow cannot open that is not marked as being created could hold runs someone needs: it is kept,
     * and the failure quotes MLflow's error and says what to do. Made here as a stopped creation leaves it: one of
     * MLflow's tables and nothing else.
     */
    @Test
    void aDatabaseMlflowRefusesIsKeptAndTheFailureSaysWhatToDo() throws Exception {
        Path store = workspace.resolve("mlops/mlflow");
        Path db = store.resolve("mlflow.db");
        Files.createDirectories(store);
        Shell.ok(workspace, "python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                + "c.execute('CREATE TABLE review_queues (queue_id VARCHAR(36))'); c.commit()", db.toString());

        HarnessRun run = corruptedDataRun();
        assertTrue(run.out().contains("✘ mlops.server failed"), run.all());
        assertTrue(run.out().contains("ERROR mlflow.cli: (sqlite3.OperationalError) table review_queues already "
                + "exists"), run.all());
        assertTrue(run.out().contains("next: it cannot open the database " + db + ", damaged or written by "
                + "another MLflow version: move the directory " + store + " aside"), run.all());
        assertFalse(run.out().contains("workspace: removed"), run.all());
        assertTrue(Files.exists(db), "kept");
    }

    /** A run that starts MLflow on the workspace's store and then stops at the data check. */
    private HarnessRun corruptedDataRun() {
        HarnessRun run = HarnessRun.of("mlops", "--non-interactive", "--workspace", workspace.toString(), "--mlflow",
                "local", "--data", "data/corrupted.csv");
        assertEquals(1, run.exitCode(), run.all());
        return run;
    }

    private HarnessProcess devops() {
        return HarnessProcess.start("devops", "--non-interactive", "--workspace", workspace.toString());
    }

    /** A run that repairs the workspace at its start and then fails within seconds: MLflow is unreachable. */
    private HarnessRun failingFast() {
        HarnessRun run = HarnessRun.of("mlops", "--non-interactive", "--workspace", workspace.toString(), "--mlflow",
                "http://127.0.0.1:" + Ports.freeLoopbackPort());
        assertEquals(1, run.exitCode(), run.all());
        return run;
    }

    /** SIGKILL to the harness once {@code step} runs, then what a person would do: kill what it orphaned. */
    private static void harnessKilledDuring(HarnessProcess harness, String step) throws Exception {
        harness.awaitLine("▶ \\[\\d+/\\d+\\] " + step + " · ", Duration.ofSeconds(180));
        harness.signal("KILL");
        assertEquals(137, harness.awaitExit(Duration.ofSeconds(10)));
        for (ProcessTable.Proc orphan : ProcessTable.withMarker(harness.marker())) {
            Shell.run(MlflowWitness.repoRoot(), "kill", "-KILL", String.valueOf(orphan.pid()));
        }
    }

    /** Commits on the remote's main, 0 before the first push. */
    private int commits() throws InterruptedException {
        Shell.Output count = Shell.run(workspace, "git", "--git-dir",
                workspace.resolve("devops/remote/sample-app.git").toString(), "rev-list", "--count", "main", "--");
        return count.exitCode() == 0 ? Integer.parseInt(count.firstLine().strip()) : 0;
    }

    private List<Container> labelled(DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("opsdemo.workspace", workspace.toString())).exec();
    }

    private static void awaitOpen(RunningProcess holder, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var fds = Files.list(Path.of("/proc/" + holder.pid() + "/fd"))) {
                if (fds.anyMatch(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).equals(file);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                })) {
                    return;
                }
            } catch (java.io.IOException e) {
                // Not started yet.
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the holder never opened " + file);
    }
}
