package dev.opsdemo.live;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
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
import java.util.function.Supplier;

/**
 * The terminal in front of a room: before each step the caption, then the command typed out, then a pause
 * (Enter runs it, s runs it quietly, q quits and cleans up like Ctrl-C). Steps before {@code --from-step} run
 * quietly, since the later ones need what they start. Without live mode it only does the {@code --from-step} part.
 */
public final class LivePresenter implements RunListener, StepGate {

    /** A step that takes longer than this shows a status line while it runs. */
    static final Duration PROGRESS_AFTER = Duration.ofSeconds(2);

    /** The longest a step's commands take to type, whatever the typing speed and their length. */
    static final Duration TYPING_BUDGET = Duration.ofSeconds(2);

    /** Cursor home, then erase the screen: the first step starts at the top, as every slide does. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    /** Back to the line's start, then erase it: the key prompt's line, once a key has answered it. */
    public static final String ERASE_LINE = "\r\u001b[K";

    private final ConsoleListener console;
    private final PrintStream out;
    private final LiveSettings settings;
    private final Keyboard keyboard;
    private final Set<Step> quiet = ConcurrentHashMap.newKeySet();
    private final Progress progress;
    private final Fold fold;
    private volatile boolean reachedFromStep;
    /** The run's lanes, for the title screen and the off-script shell's context. */
    private volatile List<Lane> lanes = List.of();
    /** Whether the title screen is still to come before the first step (a live demo from its start). */
    private volatile boolean openingDue;
    private final Supplier<AutoCloseable> pauseInterrupts;

    /**
     * {@code pauseInterrupts}: keeps Ctrl-C from ending the run while the user's own shell has the terminal (until
     * the handle it gives is closed).
     */
    public LivePresenter(ConsoleListener console, PrintStream out, LiveSettings settings, Keyboard keyboard,
                         Supplier<AutoCloseable> pauseInterrupts) {
        this(console, out, settings, keyboard, PROGRESS_AFTER, pauseInterrupts);
    }

    /** {@code progressAfter}: how long a step runs before its status line appears. */
    LivePresenter(ConsoleListener console, PrintStream out, LiveSettings settings, Keyboard keyboard,
                  Duration progressAfter, Supplier<AutoCloseable> pauseInterrupts) {
        this.pauseInterrupts = pauseInterrupts;
        this.progress = new Progress(out, progressAfter, Duration.ofSeconds(1));
        this.console = console;
        this.out = out;
        this.settings = settings;
        this.keyboard = keyboard;
        this.fold = new Fold(settings.live() && keyboard != null ? keyboard.size().rows() : 0);
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
        if (openingDue) {
            openingDue = false;
            if (!open()) {
                return Decision.QUIT;
            }
        }
        int rows = console.announce(step);
        List<String> lines = command.stream().flatMap(line -> console.commandRows(line).stream()).toList();
        long delayMicros = typingDelayMicros(settings.typingMsPerChar(), lines);
        for (String line : lines) {
            type(line, delayMicros);
        }
        fold.stepStarted(step.id(), rows + lines.size());
        return waitForKey(step);
    }

    /**
     * The pause after each typed character: the chosen speed, but never so slow that a step's commands take longer
     * than {@link #TYPING_BUDGET} to type, however long they are (the room watches the typing, not waits for it).
     */
    static long typingDelayMicros(int msPerChar, List<String> lines) {
        long typed = lines.stream().flatMapToInt(String::chars).filter(c -> !Character.isWhitespace(c)).count();
        long chosen = msPerChar * 1000L;
        return typed == 0 ? chosen : Math.min(chosen, TYPING_BUDGET.toNanos() / 1000 / typed);
    }

    private void type(String command, long delayMicros) throws InterruptedException {
        if (delayMicros <= 0) {
            out.println(command);
            return;
        }
        for (int i = 0; i < command.length(); i++) {
            out.print(command.charAt(i));
            out.flush();
            if (!Character.isWhitespace(command.charAt(i))) {
                Thread.sleep(delayMicros / 1000, (int) (delayMicros % 1000) * 1000);
            }
        }
        out.println();
    }

    private Decision waitForKey(Step step) throws InterruptedException {
        Integer auto = settings.autoAdvanceSeconds();
        String prompt = auto == null ? "  [Enter] run · [s] skip (run quietly) · [!] your shell · [q] quit "
                : "  running in " + auto + "s · [Enter] now · [s] skip · [!] shell · [q] quit ";
        out.print(prompt);
        out.flush();
        try {
            while (true) {
                int key = keyboard.read(auto == null ? null : Duration.ofSeconds(auto));
                if (key == '!') {
                    out.print(ERASE_LINE);
                    OffScriptShell.open(lanes, laneOf(step), out, keyboard, pauseInterrupts);
                    out.print(prompt);
                    out.flush();
                    continue;
                }
                if ((key == 'o' || key == 'O') && !fold.lastHidden().isEmpty()) {
                    out.print(ERASE_LINE);
                    showFolded(step);
                    out.print(prompt);
                    out.flush();
                    continue;
                }
                // The prompt gives way to what the key did: nothing for a step that now runs on screen.
                if (goes(key)) {
                    out.print(ERASE_LINE);
                    out.flush();
                    return Decision.RUN;
                }
                if (key == 's' || key == 'S') {
                    out.println(ERASE_LINE + "  (skipping: runs quietly)");
                    quiet.add(step);
                    return Decision.RUN;
                }
                if (quits(key)) {
                    out.println(ERASE_LINE + "  (quit: stopping everything started so far)");
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
        this.lanes = List.copyOf(lanes);
        openingDue = settings.live() && settings.fromStep() == null;
    }

    /** Enter, space, or the auto-advance delay passing: go on. */
    private static boolean goes(int key) {
        return key == Keyboard.TIMEOUT || key == '\n' || key == '\r' || key == ' ';
    }

    /** q, or the keyboard's end: stop. */
    private static boolean quits(int key) {
        return key == 'q' || key == 'Q' || key == -1;
    }

    /**
     * The title screen, until Enter (or the auto-advance delay), then a clear screen for the first step; false when
     * the presenter quit there (q, or Ctrl-C, which interrupts this wait as it does the one before each step).
     */
    private boolean open() throws InterruptedException {
        Opening.lines(lanes, keyboard.size().columns(), settings.autoAdvanceSeconds()).forEach(out::println);
        out.flush();
        Integer auto = settings.autoAdvanceSeconds();
        try {
            while (true) {
                int key = keyboard.read(auto == null ? null : Duration.ofSeconds(auto));
                if (quits(key)) {
                    out.println("(quit before the first step)");
                    return false;
                }
                if (goes(key)) {
                    break;
                }
            }
        } catch (IOException e) {
            // No keyboard to wait on: go on.
        }
        out.print(CLEAR_SCREEN);
        out.flush();
        return true;
    }

    private Lane laneOf(Step step) {
        return lanes.stream().filter(lane -> lane.name().equals(step.lane())).findFirst()
                .orElse(new Lane(step.lane(), List.of()));
    }

    @Override
    public void stepStarted(Step step, List<String> command) {
        if (!settings.live() && !quiet.contains(step)) {
            console.stepStarted(step, command);
        }
        if (settings.live() && !quiet.contains(step)) {
            progress.start(step.id());
        }
    }

    @Override
    public void output(Step step, String line) {
        if (quiet.contains(step)) {
            return;
        }
        if (!settings.live()) {
            console.output(step, line);
            return;
        }
        boolean structural = line.startsWith(StepContext.COMMAND_PREFIX) || line.startsWith(StepContext.NOTE_PREFIX);
        progress.around(() -> fold.line(line, structural, screen(step)));
    }

    /** The console, as the fold of {@code step}'s output uses it. */
    private Fold.Screen screen(Step step) {
        return new Fold.Screen() {
            @Override
            public int rows(String line) {
                return console.rows(line).size();
            }

            @Override
            public int show(String line) {
                return console.show(step, line);
            }

            @Override
            public int aside(String text) {
                return console.aside(step, text);
            }
        };
    }

    /** What the last folded step held back, all of it, under the prompt before {@code step}. */
    private void showFolded(Step step) {
        List<String> hidden = fold.lastHidden();
        console.aside(step, "the " + hidden.size() + " lines " + fold.lastFolded() + " folded:");
        hidden.forEach(line -> console.show(step, line));
    }

    @Override
    public void stepFinished(StepResult result) {
        progress.stop();
        if (settings.live() && !quiet.contains(result.step())) {
            fold.stepFinished(screen(result.step()));
        }
        if (quiet.contains(result.step()) && result.status() == StepStatus.PASSED) {
            console.quietly(result);
        } else {
            console.stepFinished(result);
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        progress.close();
        console.runFinished(summary);
    }
}
