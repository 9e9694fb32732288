package dev.opsdemo.cli;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs both lanes and ends with the side-by-side contrast of DevOps and MLOps.")
final class DemoCommand implements Callable<Integer> {

    enum Only { devops, mlops }

    @ParentCommand
    HarnessCommand top;

    @Mixin
    CommonOptions options;

    @Mixin
    MlopsOptions mlops;

    @Option(names = "--only", paramLabel = "devops|mlops", description = "Run one lane only.")
    Only only;

    @Override
    public Integer call() {
        // The MLOps settings' checks run before the workspace is touched.
        return RunSession.runLanes(top, options, mlops::settings, this::lanes);
    }

    List<Lane> lanes(RepoLayout repo, Workspace workspace) {
        List<Lane> lanes = new ArrayList<>();
        if (only != Only.mlops) {
            lanes.add(new DevopsLane(repo, workspace, options.keepRunning).lane());
        }
        if (only != Only.devops) {
            lanes.add(new MlopsLane(repo, workspace, mlops.settings(repo), options.keepRunning).lane());
        }
        return lanes;
    }
}
