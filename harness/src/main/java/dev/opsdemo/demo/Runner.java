package dev.opsdemo.demo;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessLedger;
import dev.opsdemo.json.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;

/**
 * Executes lanes' steps on a {@link Schedule}, times each step, stops at the first failure, and tells the listeners.
 * Whatever the steps started is stopped when the run ends, on success, failure, quit or interrupt. A listener that
 * fails (a record that cannot be written) stops the run too, and {@link #run} rethrows its error at the end.
 */
public final class Runner {

    private final Broadcast listeners;
    private final Secrets secrets;
    private final Cleanup cleanup;
    private final Set<Thread> workers = new CopyOnWriteArraySet<>();
    private final Map<Step, StepResult> results = new ConcurrentHashMap<>();
    private final Map<String, Function<String, String>> values = new ConcurrentHashMap<>();
    /** What the run could not stop at its end: said in the summary, as a leftover is the user's to stop. */
    private final List<String> cleanupProblems = new CopyOnWriteArrayList<>();
    private volatile boolean interrupted;
    private volatile ExitCode interruptCode = ExitCode.INTERRUPTED;
    private volatile String interruptCause = "interrupted";
    private volatile ExitCode exitCode = ExitCode.OK;

    private final StepExecution execution;

    /** {@code stepTimeout} may be null (none); otherwise a step still running after it is interrupted and fails. */
    public Runner(List<RunListener> listeners, Secrets secrets, Duration stepTimeout) {
        this(listeners, secrets, stepTimeout, null);
    }

    /** {@code ledger}: where every process the steps start is written down, for the next run (null: nowhere). */
    public Runner(List<RunListener> listeners, Secrets secrets, Duration stepTimeout, ProcessLedger ledger) {
        this.listeners = new Broadcast(listeners);
        this.secrets = secrets;
        this.cleanup = new Cleanup(cleanupProblems::add, ledger);
        this.execution = new StepExecution(this.listeners, secrets, cleanup, stepTimeout, () -> interrupted,
                () -> interruptCause);
    }

    /**
     * What keeps a passed run's servers up after its last step, until someone says stop; the records are written by
     * then. Returns on its own, or is interrupted by Ctrl-C.
     */
    @FunctionalInterface
    public interface Hold {
        void await(RunSummary summary) throws InterruptedException;
    }

    public RunSummary run(List<Lane> lanes, Schedule schedule, StepGate gate) {
        return run(lanes, schedule, gate, null);
    }

    /** {@code hold}: null stops what the steps started as soon as they end. */
    public RunSummary run(List<Lane> lanes, Schedule schedule, StepGate gate, Hold hold) {
        lanes.forEach(lane -> values.put(lane.name(), lane.values()));
        listeners.runStarted(lanes);
        RunSummary held = null;
        try {
            if (schedule == Schedule.PARALLEL && lanes.size() > 1) {
                runInParallel(lanes, gate);
            } else {
                runSteps(Schedule.interleave(lanes), gate);
            }
            if (hold != null && mayStart()) {
                held = finish(lanes);
                holdOpen(hold, held);
            }
        } finally {
            cleanup.close();
        }
        RunSummary summary = held != null ? held : finish(lanes);
        if (listeners.failure() != null) {
            throw listeners.failure();
        }
        return summary;
    }

    private RunSummary finish(List<Lane> lanes) {
        List<StepResult> ordered = Schedule.interleave(lanes).stream().map(results::get)
                .filter(java.util.Objects::nonNull).toList();
        ExitCode code = interrupted ? interruptCode
                : exitCode == ExitCode.OK && listeners.failure() != null ? ExitCode.STEP_FAILED : exitCode;
        // A stop that came once every step had ended (as the last one finished, say): no step says where it struck.
        String lateStop = interrupted && ordered.stream().allMatch(result -> result.status() == StepStatus.PASSED)
                ? secrets.mask(interruptCause + " after the last step had ended" + cleanup.closeAndSay()) : null;
        RunSummary summary = new RunSummary(code == ExitCode.OK, code.code(), ordered, Facts.byLane(ordered),
                Facts.summaryFields(ordered), cleanupProblems, lateStop, RunSummary.storiesOf(lanes));
        listeners.runFinished(summary);
        return summary;
    }

    private void holdOpen(Hold hold, RunSummary summary) {
        workers.add(Thread.currentThread());  // so that Ctrl-C's interrupt() ends the hold
        try {
            if (!interrupted) {
                hold.await(summary);
            }
        } catch (InterruptedException e) {
            // Stopped by Ctrl-C or SIGTERM: the cleanup below stops everything, as after any run.
        } finally {
            workers.remove(Thread.currentThread());
            Thread.interrupted();
        }
    }

    /** From the Ctrl-C hook: stop what runs now; the current steps end as interrupted. */
    public void interrupt() {
        interrupt("interrupted", ExitCode.INTERRUPTED);
    }

    /**
     * From a signal's shutdown hook: stop what runs now; the current steps end as interrupted, named by
     * {@code cause} (e.g. "terminated by SIGTERM"), and the run's exit code is {@code exitCode}.
     */
    public void interrupt(String cause, ExitCode exitCode) {
        interruptCause = cause;
        interruptCode = exitCode;
        interrupted = true;
        workers.forEach(Thread::interrupt);
        cleanup.close();
    }

    private void runInParallel(List<Lane> lanes, StepGate gate) {
        List<Thread> threads = new ArrayList<>();
        for (Lane lane : lanes) {
            threads.add(new Thread(() -> runSteps(lane.steps(), gate), "lane-" + lane.name()));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupt();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runSteps(List<Step> steps, StepGate gate) {
        workers.add(Thread.currentThread());
        StepResult previous = null;
        boolean stopSaid = false;
        try {
            for (Step step : steps) {
                if (!mayStart()) {
                    stopSaid |= skip(step, previous, stopSaid);
                    continue;
                }
                List<String> command;
                try {
                    command = step.command().get().render(values.get(step.lane()));
                } catch (RuntimeException e) {
                    // A bug in a lane (a value it never set), not in the user's input: the step cannot say what it
                    // runs.
                    StepResult failed = new StepResult(step, StepStatus.FAILED, 0, List.of(),
                            Json.MAPPER.createObjectNode(), Json.MAPPER.createObjectNode(),
                            "cannot show what " + step.id() + " runs: " + e.getMessage());
                    previous = failed;
                    record(failed);
                    listeners.stepFinished(failed);
                    failWith(ExitCode.STEP_FAILED);
                    continue;
                }
                StepGate.Decision decision;
                try {
                    decision = gate.beforeStep(step, command);
                } catch (InterruptedException e) {
                    decision = StepGate.Decision.QUIT;
                }
                if (decision == StepGate.Decision.QUIT) {
                    interrupted = true;
                    record(skipped(step));
                    continue;
                }
                if (!mayStart()) {  // stopped while the gate decided
                    stopSaid |= skip(step, previous, stopSaid);
                    continue;
                }
                StepExecution.Ran ran = execution.run(step, command);
                previous = ran.result();
                results.put(step, ran.result());  // its listeners have been told
                failWith(ran.exitCode());
            }
        } finally {
            workers.remove(Thread.currentThread());
        }
    }

    private synchronized void failWith(ExitCode code) {
        if (exitCode == ExitCode.OK) {
            exitCode = code;
        }
    }

    /** A step that did not run: kept, and told to the listeners if it was skipped. */
    private void record(StepResult result) {
        results.put(result.step(), result);
        if (result.status() == StepStatus.SKIPPED) {
            listeners.stepFinished(result);
        }
    }

    private boolean mayStart() {
        return exitCode == ExitCode.OK && !interrupted && listeners.failure() == null;
    }

    /**
     * Records a step that will not start. The first one after a stop that fell between two steps (no step of the lane
     * was running to say "interrupted during") says where the lane stopped; returns whether it said so.
     */
    private boolean skip(Step step, StepResult previous, boolean stopSaid) {
        boolean saySo = interrupted && !stopSaid && (previous == null || previous.status() != StepStatus.INTERRUPTED);
        record(saySo ? stoppedBefore(step, previous) : skipped(step));
        return saySo;
    }

    /**
     * The first step a lane did not start because the run was stopped while no step of that lane was running (the
     * signal fell between two steps): it says where the lane stopped, as an interrupted step would.
     */
    private StepResult stoppedBefore(Step step, StepResult previous) {
        String where = previous == null ? " before " + step.id()
                : " between " + previous.step().id() + " and " + step.id();
        String failure = interruptCause + where + cleanup.closeAndSay();
        return new StepResult(step, StepStatus.SKIPPED, 0, List.of(), Json.MAPPER.createObjectNode(),
                Json.MAPPER.createObjectNode(), secrets.mask(failure));
    }

    private static StepResult skipped(Step step) {
        return new StepResult(step, StepStatus.SKIPPED, 0, List.of(), Json.MAPPER.createObjectNode(),
                Json.MAPPER.createObjectNode(), null);
    }
}
