package dev.opsdemo.cli;

import dev.opsdemo.mlops.MlopsLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mlops", mixinStandardHelpOptions = true,
        description = "The MLOps lane: MLflow server, mlflow run, read-back, accuracy gate, register + alias, "
                + "serve + score.")
final class MlopsCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Mixin
    CommonOptions options;

    @Mixin
    MlopsOptions mlops;

    @Override
    public Integer call() {
        return RunSession.runLanes(top, options, mlops::settings, (repo, workspace) ->
                List.of(new MlopsLane(repo, workspace, mlops.settings(repo),
                        options.keepsRunning(top.terminal())).lane()));
    }
}
