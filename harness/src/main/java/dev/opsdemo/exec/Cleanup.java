package dev.opsdemo.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Everything a run started (processes, servers, containers), stopped in reverse order exactly once:
 * on success, on failure and from the Ctrl-C shutdown hook alike.
 */
public final class Cleanup implements AutoCloseable {

    private record Entry(String name, AutoCloseable resource) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Consumer<String> problems;

    public Cleanup(Consumer<String> problems) {
        this.problems = problems;
    }

    public synchronized <T extends AutoCloseable> T register(String name, T resource) {
        entries.push(new Entry(name, resource));
        return resource;
    }

    /** Forgets a resource that was stopped on purpose before the end of the run. */
    public synchronized void forget(AutoCloseable resource) {
        entries.removeIf(entry -> entry.resource() == resource);
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public void close() {
        while (true) {
            Entry entry;
            synchronized (this) {
                entry = entries.poll();
            }
            if (entry == null) {
                return;
            }
            try {
                entry.resource().close();
            } catch (Exception e) {
                problems.accept("could not stop " + entry.name() + ": " + e.getMessage());
            }
        }
    }
}
