package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowStack;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which lanes a command runs (both, DevOps first, or the one named by {@code --only} / {@code --lane}) and the
 * lanes themselves: the one place both lanes are put together, so {@code demo}, {@code verify} and
 * {@code commands} show and run the same steps, and {@code ui} the same steps that start their servers.
 */
enum LaneSelection {
    devops, mlops;

    /** {@code only}: null for both lanes; {@code gitRemote}: an existing remote to push to, null for the lane's own. */
    static List<Lane> lanes(LaneSelection only, RepoLayout repo, Workspace workspace, MlopsSettings settings,
                            boolean keepRunning, URI gitRemote) {
        List<Lane> lanes = new ArrayList<>();
        if (only != mlops) {
            lanes.add(new DevopsLane(repo, workspace, keepRunning, gitRemote).lane());
        }
        if (only != devops) {
            lanes.add(new MlopsLane(repo, workspace, settings, keepRunning).lane());
        }
        return lanes;
    }

    /**
     * For {@code harness ui}: each lane's step that starts its server, on what {@code run} left in the workspace, for
     * the lanes whose run passed that step: the Git remote on the bare repository, and the MLflow server on the store
     * the way the run ran it (a container from the same image, or a local process from {@code venv}). A run on an
     * existing MLflow server left no store to reopen.
     *
     * @throws UsageException when the run left no server to reopen (exit 2; nothing has started)
     */
    static List<Lane> servers(RecordedRun run, RepoLayout repo, Workspace workspace, Path venv) {
        List<Lane> lanes = new ArrayList<>();
        // A remote the lane served itself, on the bare repository in the workspace (an existing one serves itself).
        if (run.passed(DevopsLane.REMOTE_STEP) && run.facts(DevopsLane.NAME).path("bareRepo").isTextual()) {
            lanes.add(new DevopsLane(repo, workspace).lane().only(DevopsLane.REMOTE_STEP));
        }
        JsonNode mlops = run.facts(MlopsLane.NAME);
        String mode = mlops.path("mlflowMode").asText("");
        boolean started = mode.equals("local") || mode.equals("container") || mode.equals("stack");
        if (run.passed(MlopsLane.SERVER_STEP) && started) {
            MlflowStack.Directories stack = MlflowStack.Directories.in(workspace);
            Path database = mode.equals("stack") ? stack.database() : MlflowStore.in(workspace).database();
            if (mode.equals("stack") ? !stack.databaseExists() : !Files.isRegularFile(database)) {
                throw new UsageException("the run's MLflow store is gone: " + database + " does not exist",
                        "run the demo in " + workspace.root() + " again, or pass the --workspace of a run whose "
                                + "store is still there");
            }
            MlopsSettings settings = MlopsSettings.defaults(MlflowTarget.parse(mode), venv)
                    .withImage(mlops.path("mlflowImage").asText(MlflowContainer.DEFAULT_IMAGE));
            lanes.add(new MlopsLane(repo, workspace, settings).lane().only(MlopsLane.SERVER_STEP));
        }
        if (lanes.isEmpty()) {
            boolean remote = run.passed(DevopsLane.REMOTE_STEP);
            boolean server = run.passed(MlopsLane.SERVER_STEP);
            String why = !remote && !server ? "neither " + DevopsLane.REMOTE_STEP + " nor " + MlopsLane.SERVER_STEP
                    + " passed"
                    : (remote ? "its Git remote was the existing one at " + run.facts(DevopsLane.NAME)
                            .path("remoteUrl").asText() : "its " + DevopsLane.REMOTE_STEP + " did not pass")
                    + ", and " + (server ? "its MLflow was the existing server at " + mlops.path("trackingUri")
                            .asText() + ", not one on a store in the workspace"
                            : "its " + MlopsLane.SERVER_STEP + " did not pass");
            throw new UsageException("the run in " + workspace.root() + " left no server to reopen: " + why,
                    "open its report.html, or run the demo in it again");
        }
        return lanes;
    }
}
