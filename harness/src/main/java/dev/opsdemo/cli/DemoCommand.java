package dev.opsdemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs both lanes and ends with the side-by-side contrast of DevOps and MLOps.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Mixin
    CommonOptions options;

    @Mixin
    DevopsOptions devops;

    @Mixin
    MlopsOptions mlops;

    @Option(names = "--only", paramLabel = "devops|mlops", description = "Run one lane only.")
    LaneSelection only;

    @Override
    public Integer call() {
        // The MLOps settings' checks run before the workspace is touched.
        return RunSession.runLanes(top, options, repo -> {
            mlops.settings(repo);
            devops.gitRemote();
        }, (repo, workspace) ->
                LaneSelection.lanes(only, repo, workspace, mlops.settings(repo),
                        options.keepsRunning(top.terminal()), devops.gitRemote()));
    }
}
