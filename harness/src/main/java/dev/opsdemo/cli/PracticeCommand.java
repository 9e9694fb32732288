package dev.opsdemo.cli;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.practice.PracticeSession;
import dev.opsdemo.quiz.Answers;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "practice", mixinStandardHelpOptions = true,
        description = {"The learner does the steps: each shows its commands, which you type in a terminal of your "
                + "own (source <workspace>/practice/env.sh there first); Enter then checks what the real systems "
                + "hold. h gives the next hint, s shows the step done the demo's way, n skips it, ! opens a shell, "
                + "q quits (everything stopped, progress kept). Run it again in the same workspace to go on where "
                + "you stopped. Once every step has passed, the lesson's quiz (--no-quiz: none).",
                "Outside live mode (no terminal, --non-interactive) the choices are read as lines from stdin: an "
                        + "empty line checks, h, s, n, q."})
final class PracticeCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Option(names = "--only", paramLabel = "devops|mlops", description = "Practise one lane only.")
    LaneSelection only;

    @Mixin
    DevopsOptions devops;

    @Mixin
    MlopsOptions mlops;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where the practice keeps its state, records and progress (default: demo-workspace/ in "
                    + "the checkout).")
    Path workspace;

    @Option(names = "--non-interactive", description = "Read the choices as lines from stdin, even on a terminal.")
    boolean nonInteractive;

    @Option(names = "--no-quiz", description = "End without the lesson's quiz (asked once every step passed, as "
            + "demo --quiz asks it).")
    boolean noQuiz;

    @Option(names = "--no-color", description = "Plain output (the NO_COLOR environment variable works too).")
    boolean noColor;

    @Override
    public Integer call() {
        RepoLayout repo = RepoLayout.locate();
        // The MLOps settings' checks run before the workspace is touched.
        MlopsSettings settings = only == LaneSelection.devops ? null : mlops.settings(repo);
        URI gitRemote = only == LaneSelection.mlops ? null : devops.gitRemote();
        Workspace opened = Workspace.open(workspace != null ? workspace : repo.defaultWorkspace(), repo);
        PracticeSession practice = new PracticeSession(opened);
        List<Lane> lanes = practice.lanes(LaneSelection.lanes(only, repo, opened, settings, false,
                gitRemote));
        boolean live = top.terminal() && !nonInteractive;
        // One reader of stdin for the choices and, after them, the quiz's answers.
        Answers lines = Answers.lines(top.in());
        return RunSession.practice(top, live, noColor, !noQuiz, opened, lanes, (console, keyboard, pauseInterrupts) ->
                practice.presenter(console, top.out(), keyboard, keyboard == null ? lines : null, opened.root(),
                        pauseInterrupts), lines);
    }
}
