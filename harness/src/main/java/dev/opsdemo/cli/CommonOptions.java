package dev.opsdemo.cli;

import dev.opsdemo.live.LiveSettings;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.UsageException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every lane-running subcommand shares. */
public final class CommonOptions {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where the run keeps its state and records (default: demo-workspace/ in the checkout).")
    Path workspace;

    @Option(names = "--non-interactive",
            description = "CI mode: no pauses, no typing effect, lanes run in parallel with lane-prefixed lines. "
                    + "Implied when stdout is not a terminal.")
    boolean nonInteractive;

    @Option(names = "--live", description = "Live mode (the default on a terminal): each command is typed out, "
            + "then Enter runs it, s skips it (runs quietly), q quits.")
    boolean live;

    @Option(names = "--typing-speed", paramLabel = "MS", defaultValue = "25",
            description = "Live mode: milliseconds per typed character; 0 turns the typing effect off "
                    + "(default: ${DEFAULT-VALUE}).")
    int typingSpeed;

    @Option(names = "--auto-advance", paramLabel = "SECONDS",
            description = "Live mode: run each step after SECONDS instead of waiting for Enter.")
    Integer autoAdvance;

    @Option(names = "--from-step", paramLabel = "ID",
            description = "Resume from this step (e.g. mlops.register); the steps before it that it needs run "
                    + "quietly.")
    String fromStep;

    @Option(names = "--keep-running", description = "After the last step, keep the servers up (MLflow, the model "
            + "server, the app, the Git remote) so the shown commands can be tried by hand; Enter, q or Ctrl-C then "
            + "stops everything. A live demo always does.")
    boolean keepRunning;

    @Option(names = "--quiz", description = "Once the run's steps have ended and passed, ask the lesson's five "
            + "questions, each answered with A-D (h: a hint), and show this run's evidence for each answer; the score "
            + "goes to quiz.json in the workspace. Live mode reads keys; --non-interactive reads one answer line each "
            + "from stdin. A failed run skips it.")
    boolean quiz;

    @Option(names = "--no-color", description = "Plain output (the NO_COLOR environment variable works too).")
    boolean noColor;

    Path workspaceOrDefault(RepoLayout repo) {
        return workspace != null ? workspace : repo.defaultWorkspace();
    }

    LiveSettings liveSettings(boolean terminal) {
        validate();
        boolean isLive = (live || terminal) && !nonInteractive;
        return new LiveSettings(isLive, typingSpeed, autoAdvance, fromStep);
    }

    /**
     * Whether the servers stay up after the last step until someone says stop: asked for (--keep-running), or a live
     * demo, which ends on the screen of what is still up so the room can look at the UI before it goes.
     */
    boolean keepsRunning(LiveSettings presented) {
        return keepRunning || presented.live();
    }

    /** The same, for a run presented as it would be on this terminal (or not). */
    boolean keepsRunning(boolean terminal) {
        return keepsRunning(liveSettings(terminal));
    }

    /** As {@code --non-interactive} gives them, whatever the terminal: for {@code verify}, which never pauses. */
    LiveSettings nonInteractiveSettings() {
        validate();
        return new LiveSettings(false, typingSpeed, autoAdvance, fromStep);
    }

    /**
     * For a command the quiz makes no sense for ({@code verify}, {@code doctor}): {@code why} says so.
     *
     * @throws UsageException when --quiz was given (exit 2, before anything starts)
     */
    void refuseQuiz(String command, String why) {
        if (quiz) {
            throw new UsageException("--quiz does not apply to " + command + ": " + why,
                    "drop --quiz, or take the quiz after a run: ./scripts/harness.sh demo --quiz");
        }
    }

    /** @throws UsageException for a value no run could use (exit 2; called before the workspace is touched) */
    void validate() {
        if (live && nonInteractive) {
            throw new UsageException("--live and --non-interactive contradict each other",
                    "pass --live to present step by step, or --non-interactive for CI (the default without a terminal)");
        }
        if (typingSpeed < 0 || typingSpeed > 1000) {
            throw new UsageException("--typing-speed " + typingSpeed + " is not between 0 and 1000 milliseconds "
                    + "per character", "pass 0 to print commands at once, or e.g. 25");
        }
        if (autoAdvance != null && (autoAdvance < 0 || autoAdvance > 3600)) {
            throw new UsageException("--auto-advance " + autoAdvance + " is not between 0 and 3600 seconds",
                    "pass how long each step's command stays on screen before it runs, e.g. 5");
        }
    }
}
