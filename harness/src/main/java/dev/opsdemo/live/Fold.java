package dev.opsdemo.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Keeps a step on one screen in front of the room: once its rows would fill the screen, the rest of a command's
 * output is held back and replaced by one marked line ({@code … 33 more lines · o shows them}) and the output's last
 * lines. The step's commands and the harness's {@code →} lines always show, since they carry its point. Only the
 * live terminal folds: the records keep every line, and {@code o} at the next prompt shows what was held back.
 */
final class Fold {

    /** The last lines of a folded output that still show under the marker: where a tool says how it ended. */
    static final int TAIL = 2;

    private final int screenRows;
    private int used;
    private int held;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> hidden = new ArrayList<>();
    private List<String> lastHidden = List.of();

    /** {@code screenRows}: the terminal's rows; 0 (unknown) folds nothing. */
    Fold(int screenRows) {
        this.screenRows = screenRows;
    }

    /** A step starts on screen, having taken {@code rows} rows already (its title, caption and typed commands). */
    synchronized void stepStarted(int rows) {
        used = rows;
        held = 0;
        tail.clear();
        hidden.clear();
    }

    /**
     * A line of the step's output: {@code structural} ones (its commands, the harness's notes) always show, after
     * what is held back of the output before them; the others show while the screen has room. {@code show} prints a
     * line and returns the rows it took; {@code rows} is how many it would take.
     */
    synchronized void line(String line, boolean structural, ToIntFunction<String> rows, ToIntFunction<String> show,
                           ToIntFunction<String> aside) {
        if (structural) {
            flush(show, aside);
            used += show.applyAsInt(line);
            return;
        }
        if (held == 0 && (screenRows <= 0 || used + rows.applyAsInt(line) <= outputRows())) {
            used += show.applyAsInt(line);
            return;
        }
        held++;
        hidden.add(line);
        tail.addLast(line);
        if (tail.size() > TAIL) {
            tail.removeFirst();
        }
    }

    /** The step has ended: what is still held back of its last output is folded under its marker. */
    synchronized void stepFinished(ToIntFunction<String> show, ToIntFunction<String> aside) {
        flush(show, aside);
        if (!hidden.isEmpty()) {
            lastHidden = List.copyOf(hidden);
        }
    }

    /** What the last step that folded held back, in order, for {@code o}; empty when no step folded yet. */
    synchronized List<String> lastHidden() {
        return lastHidden;
    }

    /** The marker's text for {@code folded} lines. */
    static String marker(int folded) {
        return "… " + folded + " more line" + (folded == 1 ? "" : "s") + " · o shows them";
    }

    private void flush(ToIntFunction<String> show, ToIntFunction<String> aside) {
        if (held == 0) {
            return;
        }
        if (held <= TAIL) {  // a marker would take as many rows as the lines it replaced: they show, nothing is hidden
            tail.forEach(line -> used += show.applyAsInt(line));
            hidden.subList(hidden.size() - held, hidden.size()).clear();
        } else {
            used += aside.applyAsInt(marker(held - tail.size()));
            tail.forEach(line -> used += show.applyAsInt(line));
        }
        held = 0;
        tail.clear();
    }

    /**
     * How many rows a step's output may fill before it folds: the screen, less room for what is still to come
     * after it (the marker, the output's last lines, later commands and notes, the verdict and the next prompt).
     */
    private int outputRows() {
        return screenRows - Math.max(6, screenRows / 4);
    }
}
