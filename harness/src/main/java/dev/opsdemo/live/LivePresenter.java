package dev.opsdemo.live;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepGate;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.report.ConsoleListener;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminal in front of a room: before each step the caption, then the command typed out, then a pause
 * (Enter runs it, s runs it quietly, q quits and cleans up like Ctrl-C). Steps before {@code --from-step} run
 * quietly, since the later ones need what they start. Without live mode it only does the {@code --from-step} part.
 */
public final class LivePresenter implements RunListener, StepGate {

    private final ConsoleListener console;
    private final PrintStream out;
    private final LiveSettings settings;
    private final Keyboard keyboard;
    private final Set<Step> quiet = ConcurrentHashMap.newKeySet();
    private volatile boolean reachedFromStep;

    public LivePresenter(ConsoleListener console, PrintStream out, LiveSettings settings, Keyboard keyboard) {
        this.console = console;
        this.out = out;
        this.settings = settings;
        this.keyboard = keyboard;
        this.reachedFromStep = settings.fromStep() == null;
    }

    @Override
    public Decision beforeStep(Step step, List<String> command) throws InterruptedException {
        if (!reachedFromStep) {
            if (!step.id().equals(settings.fromStep())) {
                quiet.add(step);
                return Decision.RUN;
            }
            reachedFromStep = true;
        }
        if (!settings.live()) {
            return Decision.RUN;
        }
        console.announce(step);
        for (String line : command) {
            type(console.commandLine(line));
        }
        return waitForKey(step);
    }

    private void type(String command) throws InterruptedException {
        if (settings.typingMsPerChar() <= 0) {
            out.println(command);
            return;
        }
        for (int i = 0; i < command.length(); i++) {
            out.print(command.charAt(i));
            out.flush();
            if (!Character.isWhitespace(command.charAt(i))) {
                Thread.sleep(settings.typingMsPerChar());
            }
        }
        out.println();
    }

    private Decision waitForKey(Step step) throws InterruptedException {
        Integer auto = settings.autoAdvanceSeconds();
        out.print(auto == null ? "  [Enter] run · [s] skip (run quietly) · [q] quit "
                : "  running in " + auto + "s · [Enter] now · [s] skip · [q] quit ");
        out.flush();
        try {
            while (true) {
                int key = keyboard.read(auto == null ? null : Duration.ofSeconds(auto));
                if (key == Keyboard.TIMEOUT || key == '\n' || key == '\r' || key == ' ') {
                    out.println();
                    return Decision.RUN;
                }
                if (key == 's' || key == 'S') {
                    out.println("(skipping: runs quietly)");
                    quiet.add(step);
                    return Decision.RUN;
                }
                if (key == 'q' || key == 'Q' || key == -1) {
                    out.println("(quit: stopping everything started so far)");
                    return Decision.QUIT;
                }
            }
        } catch (IOException e) {
            return Decision.RUN;
        }
    }

    @Override
    public void runStarted(List<Lane> lanes) {
        console.runStarted(lanes);
    }

    @Override
    public void stepStarted(Step step, List<String> command) {
        if (!settings.live() && !quiet.contains(step)) {
            console.stepStarted(step, command);
        }
    }

    @Override
    public void output(Step step, String line) {
        if (!quiet.contains(step)) {
            console.output(step, line);
        }
    }

    @Override
    public void stepFinished(StepResult result) {
        if (quiet.contains(result.step()) && result.status() == StepStatus.PASSED) {
            console.quietly(result);
        } else {
            console.stepFinished(result);
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        console.runFinished(summary);
    }
}
