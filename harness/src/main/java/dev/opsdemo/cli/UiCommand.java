package dev.opsdemo.cli;

import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code harness ui}: a finished run's workspace opened again, to look at it after the demo: the MLflow server on its
 * store and the Git remote on its bare repository, started by the lanes' own steps, then the screen a live demo ends
 * on, with the run's links moved to the new ports. The run's records are left as the run wrote them.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Reopens a finished run's workspace: an MLflow server on its store (as the run had it: a "
                + "container from the same image, or a local process) and the Git remote on its bare repository, on "
                + "new ports; shows their addresses and the run's MLflow links until Enter, q or Ctrl-C stops "
                + "everything. The run's records stay as they are.")
final class UiCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The finished run's workspace (default: demo-workspace/ in the checkout).")
    Path workspace;

    @Option(names = "--venv", paramLabel = "DIR", defaultValue = "${env:OPSDEMO_VENV}",
            description = "The Python venv whose mlflow serves a local-mode run's store (default: .venv in the "
                    + "checkout); pass the run's own if it had another.")
    Path venv;

    @Option(names = "--no-color", description = "Plain output (the NO_COLOR environment variable works too).")
    boolean noColor;

    @Override
    public Integer call() {
        RepoLayout repo = RepoLayout.locate();
        Workspace opened = Workspace.existing(workspace != null ? workspace : repo.defaultWorkspace(), repo);
        Path python = repo.venv(venv);
        return RunSession.reopen(top, noColor, opened, () -> {
            RecordedRun run = RecordedRun.read(opened);
            return new RunSession.Reopening(LaneSelection.servers(run, repo, opened, python),
                    screen -> session -> screen.await(run.reopened(), run.up(session)));
        });
    }
}
