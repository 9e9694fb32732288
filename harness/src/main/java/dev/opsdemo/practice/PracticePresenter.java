package dev.opsdemo.practice;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.live.LivePresenter;
import dev.opsdemo.live.OffScriptShell;
import dev.opsdemo.quiz.Answers;
import dev.opsdemo.report.ConsoleListener;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The practice's screen, and the learner's choices at it. Each step shows its caption and the commands to type, as
 * the demo shows them, then waits: a step the harness does for the learner (a server) just runs. Keys on a live
 * terminal ({@code keyboard}), else one line per choice from {@code lines} (CI, tests).
 */
final class PracticePresenter implements RunListener, Learner {

    private final ConsoleListener console;
    private final PrintStream out;
    private final Keyboard keyboard;
    private final Answers lines;
    private final EnvScript env;
    private final Progress progress;
    private final Set<String> redone;
    private final Supplier<AutoCloseable> pauseInterrupts;
    private volatile List<Lane> lanes = List.of();
    private volatile boolean envAnnounced;

    /** {@code keyboard} null: choices are lines from {@code lines}; {@code redone}: steps an earlier session did. */
    PracticePresenter(ConsoleListener console, PrintStream out, Keyboard keyboard, Answers lines, EnvScript env,
                      Progress progress, Set<String> redone, Supplier<AutoCloseable> pauseInterrupts) {
        this.console = console;
        this.out = out;
        this.keyboard = keyboard;
        this.lines = lines;
        this.env = env;
        this.progress = progress;
        this.redone = Set.copyOf(redone);
        this.pauseInterrupts = pauseInterrupts;
    }

    @Override
    public void runStarted(List<Lane> lanes) {
        this.lanes = List.copyOf(lanes);
        console.runStarted(lanes);
        console.line("Practice: each step shows its commands; you type them in a terminal of your own, then press "
                + "Enter here, and the harness checks what the real systems now hold.");
        if (!redone.isEmpty()) {
            console.line("→ resuming: the " + redone.size() + " steps done in an earlier session ("
                    + progress.file() + ") are done again first, the demo's way and quietly, so that the "
                    + "systems hold what you left");
        }
    }

    @Override
    public void stepStarted(Step step, List<String> command) {
        if (redone.contains(step.id())) {
            return;
        }
        console.stepStarted(step, command);
        if (step.practice() == null) {
            console.aside(step, "the harness does this step for you");
            return;
        }
        try {
            boolean changed = env.write(lanes);
            if (!envAnnounced || changed) {
                console.aside(step, (envAnnounced ? "the environment changed; in your terminal, again: "
                        : "in your terminal, first: ") + "source " + env.file());
                envAnnounced = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + env.file(), e);
        }
        console.aside(step, "your turn: type the commands above there, then come back");
    }

    @Override
    public void output(Step step, String line) {
        if (!redone.contains(step.id())) {
            console.output(step, line);
        }
    }

    @Override
    public void stepFinished(StepResult result) {
        if (redone.contains(result.step().id()) && result.status() == StepStatus.PASSED) {
            console.quietly(result);
        } else {
            console.stepFinished(result);
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        console.runFinished(summary);
        console.line("");
        console.line("Your practice (" + progress.file() + "):");
        for (StepResult result : summary.results()) {
            Progress.StepRecord record = progress.of(result.step().id());
            if (record != null && result.step().practice() != null) {
                console.line(String.format(Locale.ROOT, "  %-16s %-8s %d check%s, %d hint%s, %.0f s",
                        result.step().id(), record.outcome(), record.checks(), record.checks() == 1 ? "" : "s",
                        record.hints(), record.hints() == 1 ? "" : "s", record.seconds()));
            }
        }
        summary.results().stream().filter(result -> result.step().practice() != null
                        && !progress.done(result.step().id())).findFirst()
                .ifPresent(next -> console.line("→ to go on from " + next.step().id() + ": the same practice "
                        + "command, in the same workspace"));
    }

    @Override
    public Choice next(Step step) throws IOException, InterruptedException {
        while (true) {
            if (keyboard != null) {
                out.print("  " + KEYS + " ");
                out.flush();
                int key = keyboard.read(null);
                out.print(LivePresenter.ERASE_LINE);
                out.flush();
                if (key == -1) {
                    return Choice.QUIT;
                }
                Choice choice = key == '\r' || key == '\n' ? Choice.CHECK : Learner.choice(String.valueOf((char) key));
                if (choice != null) {
                    return choice;
                }
            } else {
                out.println("  " + KEYS + " (one per line)");
                String line = lines.next();
                if (line == null) {
                    return Choice.QUIT;
                }
                Choice choice = Learner.choice(line);
                if (choice != null) {
                    return choice;
                }
                out.println("  (\"" + line.strip() + "\" is none of these)");
            }
        }
    }

    @Override
    public String answer(Step step) throws IOException, InterruptedException {
        out.print("  your answer (Enter when done): ");
        out.flush();
        if (keyboard != null) {
            return keyboard.readLine();
        }
        out.println();
        return lines.next();
    }

    @Override
    public void shell(Step step) throws InterruptedException {
        if (keyboard == null) {
            out.println("  (no shell here outside live mode: source " + env.file() + " in a terminal of your own)");
            return;
        }
        Lane lane = lanes.stream().filter(candidate -> candidate.name().equals(step.lane())).findFirst()
                .orElse(new Lane(step.lane(), List.of()));
        OffScriptShell.open(lanes, lane, out, keyboard, pauseInterrupts);
    }
}
