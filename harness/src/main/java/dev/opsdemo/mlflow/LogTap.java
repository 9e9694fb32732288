package dev.opsdemo.mlflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** A server's log lines: passed on to its log (a file, or nowhere), the last ones remembered for failure messages. */
final class LogTap implements Consumer<String> {

    private static final int REMEMBERED = 40;
    /** How MLflow logs an error ("2026/11/27 15:40:54 ERROR mlflow.cli: ..."); a traceback can follow for pages. */
    private static final Pattern ERROR = Pattern.compile("^\\S+ \\S+ ERROR ");

    private final Deque<String> recent = new ArrayDeque<>();
    private final Deque<String> errors = new ArrayDeque<>();
    private final Consumer<String> shown;

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
            if (ERROR.matcher(line).find()) {
                errors.addLast(line);
                if (errors.size() > 5) {
                    errors.removeFirst();
                }
            }
        }
        shown.accept(line);
    }

    List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The last few lines the server logged at ERROR level, which say why it stopped better than its last lines. */
    List<String> errors() {
        synchronized (recent) {
            return List.copyOf(errors);
        }
    }
}
