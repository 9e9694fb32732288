package dev.opsdemo.exec;

import org.apache.commons.exec.DefaultExecuteResultHandler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A started process. Stopping it stops its whole tree (an MLflow server's gunicorn workers, {@code mlflow run}'s
 * Python child), first politely, then by force.
 */
public final class RunningProcess implements AutoCloseable {

    private static final int REMEMBERED_LINES = 60;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ProcessCommand command;
    private final Process process;
    private final DefaultExecuteResultHandler result;
    private final Deque<String> recent = new ArrayDeque<>();
    private final Runnable onStopped;

    RunningProcess(ProcessCommand command, Process process, DefaultExecuteResultHandler result, Runnable onStopped) {
        this.command = command;
        this.process = process;
        this.result = result;
        this.onStopped = onStopped;
    }

    void remember(String line) {
        synchronized (recent) {
            recent.addLast(line);
            if (recent.size() > REMEMBERED_LINES) {
                recent.removeFirst();
            }
        }
    }

    public ProcessCommand command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return !result.hasResult();
    }

    /** The exit code once the process has ended and its output has been read to the end. */
    public OptionalInt exitCode() {
        return result.hasResult() ? OptionalInt.of(result.getExitValue()) : OptionalInt.empty();
    }

    /** The last lines the process printed, for failure messages that must not hide the tool's own words. */
    public List<String> recentOutput() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Waits for the end; returns false if the timeout came first (the process is left running). */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        result.waitFor(timeout);
        return result.hasResult();
    }

    /** Stops the process and every descendant. Safe to call more than once. */
    public void stop() {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
        // Children that were forked while we were stopping the parent.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            result.waitFor(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onStopped.run();
    }

    @Override
    public void close() {
        stop();
    }
}
