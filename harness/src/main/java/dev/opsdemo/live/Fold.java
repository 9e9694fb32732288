package dev.opsdemo.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps a step on one screen in front of the room: once its rows would fill the screen, the rest of a command's
 * output is held back and replaced by one marked line ({@code … 33 more lines · o shows them}) and the output's last
 * lines; a tool's own log lines fold under a marker of their own whatever the room. The step's commands and the
 * harness's {@code →} lines always show, since they carry its point. Only the live terminal folds: the records keep
 * every line, and {@code o} at the next prompt shows what was held back.
 */
final class Fold {

    /** Where the step's lines go: how many rows a line would take, and the printing of a line or an aside. */
    interface Screen {
        int rows(String line);

        /** Prints a line of the step's; returns the rows it took. */
        int show(String line);

        /** Prints a line of the harness's own about the output (a marker); returns the rows it took. */
        int aside(String text);
    }

    /**
     * The last lines of a folded output that still show under the marker, where a tool says how it ended: two, or
     * one on a screen of fewer rows than this.
     */
    static final int ONE_LINE_TAIL_BELOW = 30;

    private final int screenRows;
    private int used;
    private int held;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> hidden = new ArrayList<>();
    /** A tool's own log lines (timestamp and level, as MLflow logs), held until a line of another kind comes. */
    private final List<String> log = new ArrayList<>();
    static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}[/-]\\d{2}[/-]\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}\\S* (?:INFO|DEBUG) ");
    private List<String> lastHidden = List.of();
    private String stepId;
    private String lastFolded;

    /** {@code screenRows}: the terminal's rows; 0 (unknown) folds nothing. */
    Fold(int screenRows) {
        this.screenRows = screenRows;
    }

    /** A step starts on screen, having taken {@code rows} rows already (its title, caption and typed commands). */
    synchronized void stepStarted(String stepId, int rows) {
        this.stepId = stepId;
        used = rows;
        held = 0;
        tail.clear();
        hidden.clear();
        log.clear();
    }

    /**
     * A line of the step's output: {@code structural} ones (its commands, the harness's notes) always show, after
     * what is held back of the output before them; the others show while the screen has room.
     */
    synchronized void line(String line, boolean structural, Screen screen) {
        if (structural) {
            flushLog(screen);
            flush(screen);
            used += screen.show(line);
            return;
        }
        if (screenRows > 0 && held == 0 && LOG_LINE.matcher(line).lookingAt()) {
            log.add(line);
            return;
        }
        flushLog(screen);
        if (held == 0 && (screenRows <= 0 || used + screen.rows(line) <= outputRows())) {
            used += screen.show(line);
            return;
        }
        held++;
        hidden.add(line);
        tail.addLast(line);
        if (tail.size() > tailLines()) {
            tail.removeFirst();
        }
    }

    /** The step has ended: what is still held back of its last output is folded under its marker. */
    synchronized void stepFinished(Screen screen) {
        flushLog(screen);
        flush(screen);
        if (!hidden.isEmpty()) {
            lastHidden = List.copyOf(hidden);
            lastFolded = stepId;
        }
    }

    /** What the last step that folded held back, in order, for {@code o}; empty when no step folded yet. */
    synchronized List<String> lastHidden() {
        return lastHidden;
    }

    /** The id of the step {@link #lastHidden} is of; null when none folded yet. */
    synchronized String lastFolded() {
        return lastFolded;
    }

    private int tailLines() {
        return screenRows > 0 && screenRows < ONE_LINE_TAIL_BELOW ? 1 : 2;
    }

    /** The marker's text for {@code folded} lines. */
    static String marker(int folded) {
        return "… " + folded + " more line" + (folded == 1 ? "" : "s") + " · o shows them";
    }

    /** The marker's text for {@code lines} of a tool's own log folded. */
    static String logMarker(int lines) {
        return "… " + lines + " line" + (lines == 1 ? "" : "s") + " of the tool's own log · o shows them";
    }

    /**
     * A run of a tool's own log lines (MLflow's INFO lines: where it put a temporary directory, which command it
     * ran) folds under one marker whatever the room, so that the lines of the step's point come first; one that
     * takes a single row shows, as its marker would take as much.
     */
    private void flushLog(Screen screen) {
        if (log.isEmpty()) {
            return;
        }
        if (log.size() == 1 && screen.rows(log.get(0)) == 1) {
            used += screen.show(log.get(0));
        } else {
            used += screen.aside(logMarker(log.size()));
            hidden.addAll(log);
        }
        log.clear();
    }

    private void flush(Screen screen) {
        if (held == 0) {
            return;
        }
        if (held <= tailLines() + 1) {  // a marker would save no row: they show, nothing is hidden
            List<String> block = hidden.subList(hidden.size() - held, hidden.size());
            block.forEach(line -> used += screen.show(line));
            block.clear();
        } else {
            used += screen.aside(marker(held - tail.size()));
            tail.forEach(line -> used += screen.show(line));
            // What shows under the marker is not folded: o gives back exactly the lines the marker counts.
            hidden.subList(hidden.size() - tail.size(), hidden.size()).clear();
        }
        held = 0;
        tail.clear();
    }

    /**
     * How many rows a step's output may fill before it folds: the screen, less room for what is still to come
     * after it (the marker, the output's last lines, later commands and notes, the verdict and the next prompt): a
     * third of the screen, as a registry step's later calls take.
     */
    private int outputRows() {
        return screenRows - Math.max(6, screenRows / 3);
    }
}
