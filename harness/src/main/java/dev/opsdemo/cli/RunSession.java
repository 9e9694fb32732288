package dev.opsdemo.cli;

import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;
import dev.opsdemo.exec.ProcessLedger;
import dev.opsdemo.exec.TerminationSignal;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.live.LivePresenter;
import dev.opsdemo.live.LiveSettings;
import dev.opsdemo.mlflow.LeftoverContainers;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.report.AsciicastListener;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.ContrastTableListener;
import dev.opsdemo.report.Records;
import dev.opsdemo.report.Style;
import dev.opsdemo.report.SummaryJsonListener;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import dev.opsdemo.workspace.WorkspaceLock;
import dev.opsdemo.workspace.WorkspaceRepair;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of some lanes: wires the listeners (terminal, transcript, summary.json, reports) to a {@link Runner},
 * picks the schedule (live: one step at a time, interleaved by stage; CI: lanes in parallel), and makes Ctrl-C
 * stop whatever the run started before the JVM exits.
 */
final class RunSession {

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
            return runLocked(top, options, workspace, secrets, lanes, extraListeners, stepTimeout, live, lock);
        }
    }

    private static int runLocked(HarnessCommand top, CommonOptions options, Workspace workspace, Secrets secrets,
                                 List<Lane> lanes, List<RunListener> extraListeners,
                                 java.time.Duration stepTimeout, LiveSettings live, WorkspaceLock lock) {
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
        Style style = new Style(Style.colorWanted(top.terminal(), options.noColor));
        PrintStream transcript = openTranscript(workspace);
        // Rows fitted as the cast's are, so that the two agree row for row.
        ConsoleListener transcriptLines = ConsoleListener.forRecord(new MaskingPrintStream(transcript, secrets),
                new Style(false), Records.WIDTH);
        List<String> preamble = repairs.stream().map(repair -> "workspace: " + repair).toList();
        for (String line : preamble) {
            top.out().println(line);
            transcriptLines.line(line);
        }
        Keyboard keyboard = options.keepsRunning(live) ? Keyboard.open(System.in) : null;
        // The live terminal's width, for the harness's prose to wrap to; CI output stays unwrapped (the records fit
        // their own width).
        int columns = live.live() && keyboard != null ? keyboard.columns() : 0;
        // Watched from here on: the off-script shell pauses what Ctrl-C does to the run.
        TerminationSignal signal = TerminationSignal.watch();
        LivePresenter presenter = new LivePresenter(new ConsoleListener(top.out(), style, !live.live(), columns),
                top.out(), live, keyboard, signal::pauseInterrupts);
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(presenter);
        listeners.add(transcriptLines);
        listeners.add(new SummaryJsonListener(workspace.summaryJson(), secrets));
        listeners.addAll(Records.forWorkspace(workspace.root(), secrets, preamble));
        listeners.addAll(extraListeners);
        // Last, so the contrast closes the terminal output and the transcript.
        listeners.add(new ContrastTableListener(top.out(), style, CONTRAST_WIDTH));
        listeners.add(new ContrastTableListener(new MaskingPrintStream(transcript, secrets), new Style(false),
                CONTRAST_WIDTH));
        Runner runner = new Runner(listeners, secrets, stepTimeout, ledger);

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
            Runner.Hold hold = options.keepsRunning(live) ? new KeepRunning(top.out(), keyboard) : null;
            RunSummary summary = runner.run(lanes, live.live() ? Schedule.INTERLEAVED : Schedule.PARALLEL,
                    presenter, hold == null ? null : done -> {
                        printRecords(top, workspace);
                        hold.await(done);
                    });
            if (hold == null || !summary.passed()) {  // a failed run is not held
                printRecords(top, workspace);
            }
            return summary.exitCode();
        } finally {
            if (keyboard != null) {
                keyboard.close();
            }
            transcript.close();
            finished.countDown();
            signal.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waited for us and the JVM exits with the signal's code.
            }
        }
    }

    private static void printRecords(HarnessCommand top, Workspace workspace) {
        top.out().println("Records in " + workspace.root() + ": summary.json, transcript.txt, transcript.cast, "
                + "report.md, report.html");
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
