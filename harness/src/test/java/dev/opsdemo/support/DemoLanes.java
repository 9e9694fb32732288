package dev.opsdemo.support;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * The two lanes {@code demo --mlflow local} runs, built by the lanes themselves in a scratch workspace, for their
 * steps (ids, lanes, stages, commands): building them starts nothing, and nothing here runs them.
 */
public final class DemoLanes {

    private DemoLanes() {
    }

    public static List<Lane> in(Path scratch) {
        RepoLayout repo = new RepoLayout(MlflowWitness.repoRoot());
        Workspace workspace = Workspace.open(scratch, repo);
        MlopsSettings settings = MlopsSettings.defaults(MlflowTarget.parse("local"), repo.venv());
        return List.of(new DevopsLane(repo, workspace).lane(), new MlopsLane(repo, workspace, settings).lane());
    }
}
