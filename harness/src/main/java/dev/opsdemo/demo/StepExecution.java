package dev.opsdemo.demo;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.RecentOutput;
import dev.opsdemo.text.Ansi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One step run from start to result: tells the listeners it started and every line it writes (plain text, secrets
 * masked), stops it when it outlives the step timeout, and turns how it ended into a status, a failure that says
 * what happened, and the exit code it gives the run.
 */
final class StepExecution {

    private static final String PREREQUISITE = "prerequisite missing: ";
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "step-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final Broadcast listeners;
    private final Secrets secrets;
    private final Cleanup cleanup;
    private final Duration timeout;
    private final BooleanSupplier stopRequested;
    private final Supplier<String> stopCause;

    /**
     * {@code timeout} may be null (none). {@code stopRequested} and {@code stopCause}: whether the runner was told to
     * stop (Ctrl-C, q, a signal), and its words for it ("interrupted", "terminated by SIGTERM").
     */
    StepExecution(Broadcast listeners, Secrets secrets, Cleanup cleanup, Duration timeout,
                  BooleanSupplier stopRequested, Supplier<String> stopCause) {
        this.listeners = listeners;
        this.secrets = secrets;
        this.cleanup = cleanup;
        this.timeout = timeout;
        this.stopRequested = stopRequested;
        this.stopCause = stopCause;
    }

    /** A step's result and the exit code it gives the run (the first one other than OK is the run's). */
    record Ran(StepResult result, ExitCode exitCode) {
    }

    Ran run(Step step, List<String> command) {
        listeners.stepStarted(step, command);
        List<String> output = new ArrayList<>();
        StepContext context = new StepContext(line -> emit(step, line, output), secrets, cleanup);
        long started = System.nanoTime();
        StepStatus status;
        String failure = null;
        ExitCode exit = ExitCode.OK;
        AtomicBoolean timedOut = new AtomicBoolean();
        String stoppedBy = null;
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> timer = timeout == null ? null : TIMERS.schedule(() -> {
            timedOut.set(true);
            worker.interrupt();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            step.action().run(context);
            status = stopRequested.getAsBoolean() ? StepStatus.INTERRUPTED : StepStatus.PASSED;
        } catch (InterruptedException e) {
            status = StepStatus.INTERRUPTED;
            // A step's own stop (the learner's q) says who stopped it; a signal's, the runner's cause.
            stoppedBy = stopRequested.getAsBoolean() ? null : e.getMessage();
        } catch (StepSkippedException e) {
            status = stopRequested.getAsBoolean() ? StepStatus.INTERRUPTED : StepStatus.SKIPPED;
            failure = e.getMessage();
        } catch (Exception e) {
            status = stopRequested.getAsBoolean() ? StepStatus.INTERRUPTED : StepStatus.FAILED;
            failure = describe(e);
            exit = e instanceof PrerequisiteMissingException ? ExitCode.PREREQUISITE_MISSING : ExitCode.STEP_FAILED;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (timedOut.get() && !stopRequested.getAsBoolean()) {
            Thread.interrupted();
            status = StepStatus.FAILED;
            failure = step.id() + " did not finish within " + timeout.toSeconds() + "s and was stopped";
            exit = ExitCode.STEP_FAILED;
        } else if (status == StepStatus.INTERRUPTED) {
            failure = (stoppedBy != null ? stoppedBy : stopCause.get()) + " during " + step.id();
            exit = ExitCode.INTERRUPTED;
            if (stopRequested.getAsBoolean()) {
                failure += cleanup.closeAndSay();
            }
            Thread.currentThread().interrupt();
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        StepResult result;
        synchronized (output) {
            result = new StepResult(step, command, status, durationMs, output, context.facts(), context.summaryFields(),
                    secrets.mask(failure));
        }
        listeners.stepFinished(result);
        return new Ran(result, exit);
    }

    private static String describe(Exception e) {
        if (e instanceof PrerequisiteMissingException) {
            return PREREQUISITE + e.getMessage();
        }
        if (e instanceof StepFailedException) {
            return e.getMessage();
        }
        List<String> tail = e instanceof RecentOutput recent ? recent.recentOutput() : List.of();
        StringBuilder message = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (!tail.isEmpty()) {
            message.append("\n  ").append(((RecentOutput) e).recentOutputTitle()).append(":");
            tail.subList(Math.max(0, tail.size() - 15), tail.size())
                    .forEach(line -> message.append("\n    ").append(line));
        }
        return message.toString();
    }

    private void emit(Step step, String line, List<String> output) {
        // Tools colour their output even in batch mode (Maven's closing reset codes); records stay plain text.
        String masked = secrets.mask(Ansi.strip(line));
        synchronized (output) {  // the step's lines, from several threads, recorded in the order they are told
            output.add(masked);
            listeners.output(step, masked);
        }
    }
}
