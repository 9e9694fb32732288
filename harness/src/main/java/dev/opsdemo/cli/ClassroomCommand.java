package dev.opsdemo.cli;

import dev.opsdemo.classroom.Classroom;
import dev.opsdemo.classroom.Roster;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code harness classroom}: see {@link Classroom}. */
@Command(name = "classroom", mixinStandardHelpOptions = true,
        description = {"For the instructor of a class on one MLflow server: starts the stack (--mlflow stack, the "
                + "default) or takes the class's server (--mlflow URL, signed in as its admin with "
                + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD), makes an account for each learner of the "
                + "roster with EDIT on their own namespace only, prints each learner's lines, then shows where each "
                + "learner is, read by the practice checks, until Enter, q or Ctrl-C (the stack stops; its data "
                + "stay in the workspace).",
                "The view is also in <workspace>/classroom/view.json and, on a server that serves its artifacts, "
                        + "a page in the MLflow UI (experiment classroom)."})
final class ClassroomCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Option(names = "--roster", paramLabel = "FILE", required = true,
            description = "The learners: one name a line, as each passes it to --learner (# begins a comment).")
    Path roster;

    @Option(names = "--mlflow", paramLabel = "stack|URL", defaultValue = "stack",
            converter = MlopsOptions.TargetConverter.class,
            description = "The class's server: the stack this command starts (default), or the URL of one that "
                    + "runs MLflow's authentication app, signed in to as its admin.")
    MlflowTarget mlflow;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where the classroom keeps the stack's data and the learners' files (default: "
                    + "demo-workspace/ in the checkout).")
    Path workspace;

    @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often the view is read again (default: ${DEFAULT-VALUE}).")
    int refresh;

    @Option(names = "--once", description = "Read the view once, then stop (a script's check of the class).")
    boolean once;

    @Option(names = "--venv", paramLabel = "DIR", defaultValue = "${env:OPSDEMO_VENV}",
            description = "The Python venv with MLflow (default: .venv in the checkout).")
    Path venv;

    @Option(names = "--no-color", description = "Plain output (the NO_COLOR environment variable works too).")
    boolean noColor;

    @Override
    public Integer call() {
        RepoLayout repo = RepoLayout.locate();
        if (mlflow.kind() != MlflowTarget.Kind.STACK && mlflow.kind() != MlflowTarget.Kind.EXTERNAL) {
            throw new UsageException("--mlflow " + mlflow + " runs no accounts for a class",
                    "pass --mlflow stack (the harness starts PostgreSQL and MLflow's authentication app) or the URL "
                            + "of the class's server");
        }
        if (refresh < 1) {
            throw new UsageException("--refresh " + refresh + " is not a number of seconds", "pass 1 or more, e.g. 10");
        }
        Roster learners = Roster.read(roster);
        Workspace opened = Workspace.open(workspace != null ? workspace : repo.defaultWorkspace(), repo);
        Classroom classroom = new Classroom(repo, opened, MlopsSettings.defaults(mlflow, repo.venv(venv)), learners,
                Duration.ofSeconds(refresh), once);
        return RunSession.reopen(top, noColor, opened, () -> new RunSession.Reopening(List.of(classroom.lane()),
                screen -> classroom.hold(screen.out(), screen.keyboard())));
    }
}
