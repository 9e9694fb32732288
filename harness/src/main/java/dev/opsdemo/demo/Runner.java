package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessTimeoutException;
import dev.opsdemo.exec.Readiness;

import java.util.ArrayList;
import java.util.List;

/**
 * Executes lanes step by step, times each step, stops at the first failure, and tells the listeners.
 * Whatever the steps started is stopped when the run ends, on success, failure or interrupt.
 */
public final class Runner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_STEP_FAILED = 1;
    public static final int EXIT_PREREQUISITE_MISSING = 3;
    public static final int EXIT_INTERRUPTED = 130;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern ANSI_ESCAPE = java.util.regex.Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private final List<RunListener> listeners;
    private final Secrets secrets;
    private final Cleanup cleanup;
    private volatile boolean interrupted;
    private volatile Thread runningThread;

    public Runner(List<RunListener> listeners, Secrets secrets) {
        this.listeners = List.copyOf(listeners);
        this.secrets = secrets;
        this.cleanup = new Cleanup(problem -> { });
    }

    public RunSummary run(List<Lane> lanes) {
        runningThread = Thread.currentThread();
        listeners.forEach(listener -> listener.runStarted(lanes));
        List<StepResult> results = new ArrayList<>();
        int exitCode = EXIT_OK;
        try {
            for (Lane lane : lanes) {
                for (Step step : lane.steps()) {
                    if (exitCode != EXIT_OK) {
                        StepResult skipped = skipped(step);
                        results.add(skipped);
                        listeners.forEach(listener -> listener.stepFinished(skipped));
                        continue;
                    }
                    StepResult result = runStep(step);
                    results.add(result);
                    exitCode = switch (result.status()) {
                        case PASSED, SKIPPED -> EXIT_OK;
                        case INTERRUPTED -> EXIT_INTERRUPTED;
                        case FAILED -> result.failure() != null && result.failure().startsWith(PREREQUISITE)
                                ? EXIT_PREREQUISITE_MISSING : EXIT_STEP_FAILED;
                    };
                }
            }
        } finally {
            cleanup.close();
            runningThread = null;
        }
        if (interrupted) {
            exitCode = EXIT_INTERRUPTED;
        }
        RunSummary summary = new RunSummary(exitCode == EXIT_OK, exitCode, results, Facts.byLane(results),
                Facts.summaryFields(results));
        listeners.forEach(listener -> listener.runFinished(summary));
        return summary;
    }

    /** From the Ctrl-C hook: stop what runs now; the current step ends as interrupted. */
    public void interrupt() {
        interrupted = true;
        Thread thread = runningThread;
        if (thread != null) {
            thread.interrupt();
        }
        cleanup.close();
    }

    private static final String PREREQUISITE = "prerequisite missing: ";

    private StepResult runStep(Step step) {
        listeners.forEach(listener -> listener.stepStarted(step));
        List<String> output = new ArrayList<>();
        StepContext context = new StepContext(step, line -> emit(step, line, output), secrets, cleanup);
        long started = System.nanoTime();
        StepStatus status;
        String failure = null;
        try {
            step.action().run(context);
            status = interrupted ? StepStatus.INTERRUPTED : StepStatus.PASSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = StepStatus.INTERRUPTED;
        } catch (Exception e) {
            status = interrupted ? StepStatus.INTERRUPTED : StepStatus.FAILED;
            failure = describe(e);
        }
        if (status == StepStatus.INTERRUPTED) {
            failure = "interrupted during " + step.id();
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        StepResult result = new StepResult(step, status, durationMs, output, context.facts(),
                context.summaryFields(), secrets.mask(failure));
        listeners.forEach(listener -> listener.stepFinished(result));
        return result;
    }

    private static String describe(Exception e) {
        if (e instanceof PrerequisiteMissingException) {
            return PREREQUISITE + e.getMessage();
        }
        if (e instanceof StepFailedException) {
            return e.getMessage();
        }
        List<String> tail = List.of();
        if (e instanceof Readiness.NotReadyException notReady) {
            tail = notReady.recentOutput();
        } else if (e instanceof ProcessTimeoutException timeout) {
            tail = timeout.recentOutput();
        }
        StringBuilder message = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        if (!tail.isEmpty()) {
            message.append("\n  last output:");
            tail.subList(Math.max(0, tail.size() - 15), tail.size())
                    .forEach(line -> message.append("\n    ").append(line));
        }
        return message.toString();
    }

    private void emit(Step step, String line, List<String> output) {
        // Tools colour their output even in batch mode (Maven's closing reset codes); records stay plain text.
        String masked = secrets.mask(ANSI_ESCAPE.matcher(line).replaceAll(""));
        synchronized (this) {
            output.add(masked);
            listeners.forEach(listener -> listener.output(step, masked));
        }
    }

    private static StepResult skipped(Step step) {
        return new StepResult(step, StepStatus.SKIPPED, 0, List.of(), JSON.createObjectNode(),
                JSON.createObjectNode(), null);
    }
}
