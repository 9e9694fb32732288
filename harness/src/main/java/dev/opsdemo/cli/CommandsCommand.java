package dev.opsdemo.cli;

import dev.opsdemo.commands.PlainScript;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Prints the equivalent plain git/mvn/java/curl/mlflow commands as a runnable bash script "
                + "(e.g. harness commands > plain.sh); nothing is run.")
final class CommandsCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Option(names = "--lane", paramLabel = "devops|mlops",
            description = "Only this lane's steps (default: both, DevOps first).")
    LaneSelection lane;

    @Mixin
    DevopsOptions devops;

    @Override
    public Integer call() throws IOException {
        RepoLayout repo = RepoLayout.locate();
        MlopsSettings settings = PlainScript.defaultSettings(repo);
        // The lanes want a workspace to name their paths; none of them is touched, so a scratch one does.
        Path scratch = Files.createTempDirectory("opsdemo-commands");
        try {
            List<Lane> lanes = LaneSelection.lanes(lane, repo, Workspace.open(scratch, repo), settings, false,
                    devops.gitRemote());
            top.out().print(PlainScript.render(lanes, PlainScript.variables(repo, settings), scratch));
            top.out().flush();
            return 0;
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
