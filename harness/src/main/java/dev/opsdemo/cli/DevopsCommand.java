package dev.opsdemo.cli;

import dev.opsdemo.devops.DevopsLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "devops", mixinStandardHelpOptions = true,
        description = "The DevOps lane: commit with Git, build and test with Maven, push, deploy, health-check.")
final class DevopsCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Mixin
    CommonOptions options;

    @Mixin
    DevopsOptions devops;

    @Override
    public Integer call() {
        return RunSession.runLanes(top, options, repo -> devops.gitRemote(), (repo, workspace) ->
                List.of(new DevopsLane(repo, workspace,
                        options.keepsRunning(top.terminal()), devops.gitRemote()).lane()));
    }
}
