package dev.opsdemo.reliability;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The two lanes {@code demo --mlflow local} runs, built by the lanes themselves in a scratch workspace, for their
 * steps (ids, lanes, stages, commands): building them starts nothing, and nothing here runs them.
 */
final class DemoLanes {

    private DemoLanes() {
    }

    static List<Lane> in(Path scratch) {
        RepoLayout repo = new RepoLayout(MlflowWitness.repoRoot());
        Workspace workspace = Workspace.open(scratch, repo);
        return List.of(new DevopsLane(repo, workspace).lane(), new MlopsLane(repo, workspace, settings(repo)).lane());
    }

    /** The MLOps defaults {@code demo --mlflow local} runs with: the one place these tests spell them out. */
    private static MlopsSettings settings(RepoLayout repo) {
        return new MlopsSettings(MlflowTarget.parse("local"), MlflowContainer.DEFAULT_IMAGE,
                MlopsSettings.DEFAULT_MIN_ACCURACY, Map.of(), MlopsSettings.DEFAULT_EXPERIMENT,
                MlopsSettings.DEFAULT_MODEL, MlopsSettings.DEFAULT_DATA, MlopsSettings.DEFAULT_PRODUCTION_DATA,
                Map.of(), MlopsSettings.DEFAULT_PROMOTE_MARGIN, repo.venv());
    }
}
