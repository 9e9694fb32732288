package dev.opsdemo.cli;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Which lanes a command runs (both, DevOps first, or the one named by {@code --only} / {@code --lane}) and the
 * lanes themselves: the one place both lanes are put together, so {@code demo}, {@code verify} and
 * {@code commands} show and run the same steps.
 */
enum LaneSelection {
    devops, mlops;

    /** {@code only}: null for both lanes. */
    static List<Lane> lanes(LaneSelection only, RepoLayout repo, Workspace workspace, MlopsSettings settings,
                            boolean keepRunning) {
        List<Lane> lanes = new ArrayList<>();
        if (only != mlops) {
            lanes.add(new DevopsLane(repo, workspace, keepRunning).lane());
        }
        if (only != devops) {
            lanes.add(new MlopsLane(repo, workspace, settings, keepRunning).lane());
        }
        return lanes;
    }
}
