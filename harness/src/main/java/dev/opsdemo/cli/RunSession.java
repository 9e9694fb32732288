package dev.opsdemo.cli;

import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepGate;
import dev.opsdemo.exec.ProcessLedger;
import dev.opsdemo.exec.TerminationSignal;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.live.LivePresenter;
import dev.opsdemo.live.LiveSettings;
import dev.opsdemo.mlflow.LeftoverContainers;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.quiz.Answers;
import dev.opsdemo.quiz.QuizSession;
import dev.opsdemo.quiz.Questions;
import dev.opsdemo.report.AsciicastListener;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.ContrastTableListener;
import dev.opsdemo.report.Records;
import dev.opsdemo.report.Style;
import dev.opsdemo.report.SummaryJsonListener;
import dev.opsdemo.text.TextWrap;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import dev.opsdemo.workspace.WorkspaceLock;
import dev.opsdemo.workspace.WorkspaceRepair;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of some lanes: wires the listeners (terminal, transcript, summary.json, reports) to a {@link Runner},
 * picks the schedule (live: one step at a time, interleaved by stage; CI: lanes in parallel), and makes Ctrl-C
 * stop whatever the run started before the JVM exits. {@code harness ui} is such a run too, of the lanes' server
 * steps on a finished run's workspace, which writes no records (they stay the finished run's).
 */
final class RunSession {

    /**
     * What {@code harness ui} runs, decided under the workspace's lock: the lanes' server steps, and the screen it
     * holds once they are up (given the one the session shows and the session's summary).
     */
    record Reopening(List<Lane> lanes, Function<KeepRunning, Runner.Hold> hold) {
    }

    /**
     * How a session goes: presented live or not, in colour or not, whether it writes the workspace's records, what it
     * adds to them, its step timeout (null: the runner's own), what holds it open after its last step (null:
     * nothing; otherwise made from the screen of what is up), and whether the quiz comes first (--quiz).
     */
    private record Session(LiveSettings live, boolean noColor, boolean records, List<RunListener> extraListeners,
                           java.time.Duration stepTimeout, Function<KeepRunning, Runner.Hold> hold, boolean quiz,
                           Presenting presenting, Answers lines) {

        Session(LiveSettings live, boolean noColor, boolean records, List<RunListener> extraListeners,
                java.time.Duration stepTimeout, Function<KeepRunning, Runner.Hold> hold, boolean quiz) {
            this(live, noColor, records, extraListeners, stepTimeout, hold, quiz, null, null);
        }
    }

    /**
     * A presenter other than the live demo's (practice's), made once the terminal is open: the console it shows
     * steps on, the keyboard (null outside live mode), and what keeps Ctrl-C off the run while a shell of the
     * user's own has the terminal.
     */
    @FunctionalInterface
    interface Presenting {
        RunListener make(ConsoleListener console, Keyboard keyboard, Supplier<AutoCloseable> pauseInterrupts);
    }

    private static final int CONTRAST_WIDTH = AsciicastListener.CONTRAST_WIDTH;

    private RunSession() {
    }

    /**
     * What every lane command does: find the checkout, check the options ({@code check}: the command's own, e.g.
     * the MLOps settings) before the workspace is touched, open the workspace, and run the command's lanes in it.
     */
    static int runLanes(HarnessCommand top, CommonOptions options, Consumer<RepoLayout> check,
                        BiFunction<RepoLayout, Workspace, List<Lane>> lanes) {
        RepoLayout repo = RepoLayout.locate();
        options.validate();
        check.accept(repo);
        Workspace workspace = Workspace.open(options.workspaceOrDefault(repo), repo);
        return run(top, options, options.liveSettings(top.terminal()), workspace, new Secrets(),
                lanes.apply(repo, workspace), List.of(), null);
    }

    /** {@code live}: how the run is presented; {@code stepTimeout}: null for the runner's own. */
    static int run(HarnessCommand top, CommonOptions options, LiveSettings live, Workspace workspace,
                   Secrets secrets, List<Lane> lanes, List<RunListener> extraListeners,
                   java.time.Duration stepTimeout) {
        requireKnownStep(live.fromStep(), lanes);
        // Before anything in the workspace is touched: another run's transcript would be truncated right below.
        try (WorkspaceLock lock = WorkspaceLock.acquire(workspace)) {
            return runLocked(top, workspace, secrets, lanes, new Session(live, options.noColor, true, extraListeners,
                    stepTimeout, options.keepsRunning(live) ? keepRunning -> keepRunning : null, options.quiz), lock);
        }
    }

    /**
     * {@code harness practice}: the lanes one step at a time (the learner's), presented by {@code presenting}, with
     * the records a demo leaves, then the quiz if asked; live on a terminal (keys), else the choices and the quiz's
     * answers are {@code lines} (stdin's).
     */
    static int practice(HarnessCommand top, boolean live, boolean noColor, boolean quiz, Workspace workspace,
                        List<Lane> lanes, Presenting presenting, Answers lines) {
        try (WorkspaceLock lock = WorkspaceLock.acquire(workspace)) {
            return runLocked(top, workspace, new Secrets(), lanes, new Session(new LiveSettings(live, 0, null, null),
                    noColor, true, List.of(), null, null, quiz, presenting, lines), lock);
        }
    }

    /**
     * {@code harness ui}: under the workspace's lock (no run may change the workspace meanwhile, nor hold it),
     * asks {@code reopening} what to run, which may refuse with a usage error before anything starts, then runs it
     * as CI output shows a run and holds it open until Enter, q or a signal. It writes none of the run's records.
     */
    static int reopen(HarnessCommand top, boolean noColor, Workspace workspace, Supplier<Reopening> reopening) {
        try (WorkspaceLock lock = WorkspaceLock.acquire(workspace)) {
            Reopening reopened;
            try {
                reopened = reopening.get();
            } catch (RuntimeException refused) {
                lock.untouched();
                throw refused;
            }
            return runLocked(top, workspace, new Secrets(), reopened.lanes(), new Session(
                    new LiveSettings(false, 0, null, null), noColor, false, List.of(), null, reopened.hold(), false),
                    lock);
        }
    }

    private static int runLocked(HarnessCommand top, Workspace workspace, Secrets secrets, List<Lane> lanes,
                                 Session session, WorkspaceLock lock) {
        LiveSettings live = session.live();
        List<String> repairs = new ArrayList<>(WorkspaceRepair.repair(workspace));
        // A run killed outright could not stop the processes it started; its ledger says which they were.
        ProcessLedger ledger = new ProcessLedger(workspace.root());
        repairs.addAll(ledger.reap());
        if (lock.previousRunWasKilled()) {
            // Only a run that never reached its cleanup can have left a container; asking Docker takes a second.
            repairs.addAll(LeftoverContainers.remove(workspace.root().toString()));
        }
        // After the above: a server an earlier run left behind could still have been creating the database.
        repairs.addAll(MlflowStore.in(workspace).discardUnfinished());
        Style style = new Style(Style.colorWanted(top.terminal(), session.noColor()));
        PrintStream transcript = session.records() ? openTranscript(workspace) : null;
        // Rows fitted as the cast's are, so that the two agree row for row.
        ConsoleListener transcriptLines = transcript == null ? null : ConsoleListener.forRecord(
                new MaskingPrintStream(transcript, secrets), new Style(false), Records.WIDTH);
        List<String> preamble = repairs.stream().map(repair -> "workspace: " + repair).toList();
        for (String line : preamble) {
            top.out().println(line);
            if (transcriptLines != null) {
                transcriptLines.line(line);
            }
        }
        Keyboard keyboard = session.hold() != null || session.presenting() != null && live.live()
                ? Keyboard.open(top.in()) : null;
        // The live terminal's width, for the harness's prose to wrap to; CI output stays unwrapped (the records fit
        // their own width).
        int columns = live.live() && keyboard != null ? keyboard.size().columns() : 0;
        // Watched from here on: the off-script shell pauses what Ctrl-C does to the run.
        TerminationSignal signal = TerminationSignal.watch();
        RunListener presenter;
        StepGate gate;
        if (session.presenting() != null) {
            // Practice waits inside each step, for the learner's check; nothing to ask before one.
            presenter = session.presenting().make(ConsoleListener.forTyping(top.out(), style, !live.live(), columns),
                    keyboard, signal::pauseInterrupts);
            gate = StepGate.ALWAYS_RUN;
        } else {
            LivePresenter demo = new LivePresenter(new ConsoleListener(top.out(), style, !live.live(), columns),
                    top.out(), live, keyboard, signal::pauseInterrupts);
            presenter = demo;
            gate = demo;
        }
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(presenter);
        if (session.records()) {
            listeners.add(transcriptLines);
            listeners.add(new SummaryJsonListener(workspace.summaryJson(), secrets));
            listeners.addAll(Records.forWorkspace(workspace.root(), secrets, preamble));
        }
        listeners.addAll(session.extraListeners());
        if (session.records()) {
            // Last, so the contrast closes the terminal output and the transcript.
            // On a live terminal narrower than the table, it fits the terminal (one column short, as the prose).
            listeners.add(new ContrastTableListener(top.out(), style,
                    columns > 0 ? Math.min(CONTRAST_WIDTH, columns - 1) : CONTRAST_WIDTH));
            listeners.add(new ContrastTableListener(new MaskingPrintStream(transcript, secrets), new Style(false),
                    CONTRAST_WIDTH));
        }
        Runner runner = new Runner(listeners, secrets, session.stepTimeout(), ledger);

        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            if ("TERM".equals(signal.received())) {
                runner.interrupt("terminated by SIGTERM", ExitCode.TERMINATED);
            } else {
                runner.interrupt();
            }
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "harness-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            // What the run's last screens (the quiz, what is up) wrap to.
            int heldColumns = endScreenColumns(top, keyboard, columns);
            Runner.Hold endScreen = session.hold() == null ? null
                    : session.hold().apply(new KeepRunning(top.out(), keyboard, heldColumns));
            Answers lines = session.lines() != null ? session.lines() : Answers.lines(top.in());
            Runner.Hold hold = !session.quiz() ? endScreen : quizThen(endScreen, top, workspace,
                    live.live() ? keys(keyboard) : lines, heldColumns);
            // One step at a time where someone follows each (a live demo, the learner practising).
            Schedule schedule = live.live() || session.presenting() != null ? Schedule.INTERLEAVED : Schedule.PARALLEL;
            RunSummary summary = runner.run(lanes, schedule, gate, hold == null ? null : done -> {
                        if (session.records()) {
                            printRecords(top, workspace, columns);
                        }
                        hold.await(done);
                    });
            if (session.records() && (hold == null || !summary.passed())) {  // a failed run is not held
                printRecords(top, workspace, columns);
            }
            if (session.quiz() && !summary.passed()) {
                top.out().println("quiz skipped: the run " + summary.status() + " (see above), and the quiz points "
                        + "at a passed run's evidence; " + (session.presenting() != null
                        ? "it follows once every step has passed: run the same practice command again"
                        : "pass --quiz again once the run passes"));
            }
            return summary.exitCode();
        } finally {
            if (keyboard != null) {
                keyboard.close();
            }
            if (transcript != null) {
                transcript.close();
            }
            finished.countDown();
            signal.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waited for us and the JVM exits with the signal's code.
            }
        }
    }

    /**
     * What a passed run's hold does with --quiz: the quiz first, while the servers the steps left up are still up,
     * then the end screen of what is up, if the run has one.
     */
    private static Runner.Hold quizThen(Runner.Hold endScreen, HarnessCommand top, Workspace workspace,
                                        Answers answers, int columns) {
        return summary -> {
            try {
                new QuizSession(Questions.load(), summary.facts(), answers, top.out(), columns)
                        .run(workspace.quizJson());
            } catch (IOException e) {
                throw new UncheckedIOException("the quiz could not read its answers or write "
                        + workspace.quizJson(), e);
            }
            if (endScreen != null) {
                endScreen.await(summary);
            }
        };
    }

    /** A live run's quiz answers: one key each, from the keyboard the run already reads. */
    private static Answers keys(Keyboard keyboard) {
        return new Answers() {
            @Override
            public String next() throws IOException, InterruptedException {
                int key = keyboard.read(null);
                return key == -1 ? null : String.valueOf((char) key);
            }

            @Override
            public String source() {
                return "the keyboard";
            }
        };
    }

    /**
     * The end screen's width: the live terminal's, or, outside live mode (harness ui, --keep-running) on a
     * terminal, that terminal's, so that an address is never cut by the terminal; 0 (a line each) in a CI log.
     */
    private static int endScreenColumns(HarnessCommand top, Keyboard keyboard, int liveColumns) {
        return liveColumns > 0 ? liveColumns : top.terminal() && keyboard != null ? keyboard.size().columns() : 0;
    }

    /** {@code columns}: the live terminal's width, to wrap to; 0 for one line. */
    private static void printRecords(HarnessCommand top, Workspace workspace, int columns) {
        String records = "Records in " + workspace.root() + ": summary.json, transcript.txt, transcript.cast, "
                + "report.md, report.html";
        (columns > 0 ? TextWrap.wrap(records, columns - 1, 2) : List.of(records)).forEach(top.out()::println);
    }

    private static void requireKnownStep(String fromStep, List<Lane> lanes) {
        if (fromStep == null) {
            return;
        }
        List<String> ids = lanes.stream().flatMap(lane -> lane.steps().stream()).map(Step::id).toList();
        if (!ids.contains(fromStep)) {
            throw new UsageException("--from-step " + fromStep + " is not a step of this run",
                    "choose one of: " + String.join(", ", ids));
        }
    }

    private static PrintStream openTranscript(Workspace workspace) {
        try {
            return new PrintStream(Files.newOutputStream(workspace.transcript()), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + workspace.transcript() + ": " + Workspace.reason(e),
                    "move it away, fix the workspace's permissions, or pass another --workspace");
        }
    }

    /** Secrets are masked in lines already; this catches any that reach the transcript another way. */
    private static final class MaskingPrintStream extends PrintStream {
        private final Secrets secrets;

        MaskingPrintStream(PrintStream target, Secrets secrets) {
            super(target, true, StandardCharsets.UTF_8);
            this.secrets = secrets;
        }

        @Override
        public void println(String line) {
            super.println(secrets.mask(line));
        }
    }
}
