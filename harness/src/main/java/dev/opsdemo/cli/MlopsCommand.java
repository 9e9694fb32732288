package dev.opsdemo.cli;

import dev.opsdemo.demo.Secrets;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
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
        RepoLayout repo = RepoLayout.locate();
        options.validate();
        mlops.settings(repo);  // its checks, before the workspace is touched
        Workspace workspace = Workspace.open(options.workspaceOrDefault(repo), repo);
        return RunSession.run(top, options, workspace, new Secrets(),
                List.of(new MlopsLane(repo, workspace, mlops.settings(repo), options.keepRunning).lane()), List.of());
    }
}
