package dev.opsdemo.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a run started (processes, servers, containers), stopped in reverse order exactly once:
 * on success, on failure and from the Ctrl-C shutdown hook alike.
 *
 * <p>Closing is one critical section: a second {@link #close()} (the run's own, after the shutdown hook's) waits
 * until the first has stopped everything, so whoever reports what was stopped sees the whole list. Once closed,
 * nothing new may be registered: a step that was still starting a process when Ctrl-C came would otherwise leave
 * it running after the run.
 */
public final class Cleanup implements AutoCloseable {

    private record Entry(String name, AutoCloseable resource) {
    }

    /** Thrown by {@link #register} once the run is stopping; the resource was stopped already. */
    public static final class StoppingException extends IllegalStateException {
        StoppingException(String name) {
            super("the run is stopping: " + name + " was stopped as soon as it started");
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Consumer<String> problems;
    private final ProcessLedger ledger;
    private final List<String> stopped = new ArrayList<>();
    private boolean closing;

    public Cleanup(Consumer<String> problems) {
        this(problems, null);
    }

    /** {@code ledger}: where the processes the run starts are written down as they start (null: nowhere). */
    public Cleanup(Consumer<String> problems, ProcessLedger ledger) {
        this.problems = problems;
        this.ledger = ledger;
    }

    /** Writes a started process down in the run's ledger, so that a run killed outright leaves it on record. */
    public void recordStarted(ProcessHandle process, String name) {
        if (ledger != null) {
            ledger.record(process, name);
        }
    }

    /**
     * Stops the resource at once when the run is already stopping (it was started in the moment between the signal
     * and the step noticing it) and lists it as stopped, so the run still says what it stopped.
     */
    public <T extends AutoCloseable> T register(String name, T resource) {
        synchronized (this) {
            if (!closing) {
                entries.push(new Entry(name, resource));
                return resource;
            }
            stopped.add(name);
        }
        closeQuietly(new Entry(name, resource));
        throw new StoppingException(name);
    }

    /**
     * Forgets a resource that was stopped before the end of the run. While the run is stopping, its owner stopping
     * it counts as stopped by the run, so the list of what was stopped is the same whoever got there first.
     */
    public synchronized void forget(AutoCloseable resource) {
        entries.removeIf(entry -> {
            if (entry.resource() != resource) {
                return false;
            }
            if (closing) {
                stopped.add(entry.name());
            }
            return true;
        });
    }

    /** What the run's stopping stopped, in the order it stopped them (empty until {@link #close()}). */
    public synchronized List<String> stopped() {
        return List.copyOf(stopped);
    }

    /**
     * Stops everything (waiting until it has, when a stop is already under way) and says what that stopped, as a
     * stopped step's failure ends: "; stopped: A, B", or "; nothing was running".
     */
    public String closeAndSay() {
        close();
        List<String> stopped = stopped();
        return stopped.isEmpty() ? "; nothing was running" : "; stopped: " + String.join(", ", stopped);
    }

    @Override
    public synchronized void close() {
        closing = true;
        Entry entry;
        while ((entry = entries.poll()) != null) {
            stopped.add(entry.name());
            closeQuietly(entry);
        }
    }

    private void closeQuietly(Entry entry) {
        try {
            entry.resource().close();
        } catch (Exception e) {
            problems.accept("could not stop " + entry.name() + ": " + e.getMessage());
        }
    }
}
