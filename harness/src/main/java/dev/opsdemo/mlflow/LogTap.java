package dev.opsdemo.mlflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A server's log lines: shown as they are while it starts, always remembered for failure messages. */
final class LogTap implements Consumer<String> {

    private static final int REMEMBERED = 40;

    private final Deque<String> recent = new ArrayDeque<>();
    private volatile Consumer<String> shown;

    LogTap(Consumer<String> shown) {
        this.shown = shown;
    }

    @Override
    public void accept(String line) {
        synchronized (recent) {
            recent.addLast(line);
            if (recent.size() > REMEMBERED) {
                recent.removeFirst();
            }
        }
        shown.accept(line);
    }

    void quiet() {
        shown = line -> { };
    }

    List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
