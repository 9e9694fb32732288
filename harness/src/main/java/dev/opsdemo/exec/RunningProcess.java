package dev.opsdemo.exec;

import org.apache.commons.exec.DefaultExecuteResultHandler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A started process. Stopping it stops its whole tree (an MLflow server's uvicorn process, {@code mlflow run}'s
 * Python child), first politely, then by force.
 *
 * <p>The tree is also remembered while the process runs: when the process itself dies first (killed, crashed), the
 * operating system re-parents its children to init, where {@link Process#descendants()} no longer finds them, and a
 * gunicorn master left that way would keep serving on the harness's port after the run.
 */
public final class RunningProcess implements AutoCloseable {

    private static final int REMEMBERED_LINES = 60;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration TREE_SAMPLING = Duration.ofMillis(500);
    private static final Set<RunningProcess> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService TREES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "process-trees");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TREES.scheduleWithFixedDelay(() -> WATCHED.forEach(RunningProcess::rememberTree),
                TREE_SAMPLING.toMillis(), TREE_SAMPLING.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final ProcessCommand command;
    private final Process process;
    private final DefaultExecuteResultHandler result;
    private final Deque<String> recent = new ArrayDeque<>();
    private final Runnable onStopped;
    /** Every descendant seen so far; a handle knows its start time, so a reused pid is never mistaken for it. */
    private final Set<ProcessHandle> tree = ConcurrentHashMap.newKeySet();

    RunningProcess(ProcessCommand command, Process process, DefaultExecuteResultHandler result, Runnable onStopped) {
        this.command = command;
        this.process = process;
        this.result = result;
        this.onStopped = onStopped;
        WATCHED.add(this);
    }

    private void rememberTree() {
        process.descendants().forEach(tree::add);
        tree.removeIf(handle -> !handle.isAlive());
        if (!process.isAlive() && tree.isEmpty()) {
            WATCHED.remove(this);
        }
    }

    /** How the run names it when it stops it, e.g. {@code mlflow server (pid 4242)}. */
    public String name() {
        List<String> argv = command.argv();
        String name = Path.of(argv.get(0)).getFileName().toString();
        if (argv.size() > 2 && argv.get(1).equals("-jar")) {
            name += " -jar " + Path.of(argv.get(2)).getFileName();
        } else if (argv.size() > 1 && argv.get(1).matches("[a-z][a-z-]*")) {
            name += " " + argv.get(1);
        }
        return name + " (pid " + process.pid() + ")";
    }

    void remember(String line) {
        synchronized (recent) {
            recent.addLast(line);
            if (recent.size() > REMEMBERED_LINES) {
                recent.removeFirst();
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Whether the process itself runs. Not whether its output has ended: a child it left behind (a gunicorn master
     * whose parent was killed) keeps the pipe open, and the harness must still see the process as dead.
     */
    public boolean isAlive() {
        return process.isAlive();
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
        // Polite first even from an interrupted thread (Ctrl-C): waiting out the grace period needs the flag clear.
        boolean interrupted = Thread.interrupted();
        try {
            stopTree();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        onStopped.run();
    }

    private void stopTree() {
        rememberTree();
        List<ProcessHandle> all = new ArrayList<>(tree);
        all.add(0, process.toHandle());
        stopPolitelyThenByForce(all);
        // Children that were forked while we were stopping the parent.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        tree.clear();
        WATCHED.remove(this);
        try {
            result.waitFor(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks every process to stop (SIGTERM), gives them {@link #GRACE} together to do so, then kills those still
     * running (SIGKILL).
     */
    static void stopPolitelyThenByForce(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
