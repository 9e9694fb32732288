package dev.opsdemo.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A step's output folds once the screen is full; commands and notes show, and o gets back what was held. */
class FoldTest {

    private final List<String> screen = new ArrayList<>();

    /** What the terminal shows, in {@link #screen}: each line {@code rows} rows, each aside one. */
    private Fold.Screen terminal(int rows) {
        return new Fold.Screen() {
            @Override
            public int rows(String line) {
                return rows;
            }

            @Override
            public int show(String line) {
                screen.add(line);
                return rows;
            }

            @Override
            public int aside(String text) {
                screen.add("aside: " + text);
                return 1;
            }
        };
    }

    /** Every line one row, unless a test says otherwise. */
    private final Fold.Screen rows = terminal(1);

    private static List<String> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void outputBeyondTheScreenFoldsUnderAMarkerAndItsLastLinesStillShow() {
        Fold fold = new Fold(24);  // 16 rows for the step before its output folds, 8 kept for what comes after
        fold.stepStarted("devops.build", 3);
        lines("maven ", 40).forEach(line -> fold.line(line, false, rows));
        fold.stepFinished(rows);
        List<String> expected = new ArrayList<>(lines("maven ", 13));
        expected.add("aside: " + Fold.marker(26));
        expected.add("maven 40");  // one last line under the marker on a screen this small, two on a taller one
        assertEquals(expected, screen);
        assertEquals(lines("maven ", 40).subList(13, 39), fold.lastHidden(), "what the marker counts");
        assertEquals("devops.build", fold.lastFolded());
    }

    @Test
    void commandsAndNotesAlwaysShowAfterTheFoldOfTheOutputBeforeThem() {
        Fold fold = new Fold(24);
        fold.stepStarted("mlops.decide", 14);
        lines("out ", 10).forEach(line -> fold.line(line, false, rows));
        fold.line("$ next", true, rows);
        fold.line("{}", false, rows);
        fold.line("→ verdict", true, rows);
        fold.stepFinished(rows);
        assertEquals(List.of("out 1", "out 2", "aside: " + Fold.marker(7), "out 10", "$ next", "{}",
                "→ verdict"), screen);
    }

    @Test
    void aFewLinesOverTheScreenShowRatherThanAMarkerAsLongAsThem() {
        Fold fold = new Fold(24);
        fold.stepStarted("mlops.gate", 15);
        lines("out ", 3).forEach(line -> fold.line(line, false, rows));
        fold.stepFinished(rows);
        assertEquals(lines("out ", 3), screen);
        assertEquals(List.of(), fold.lastHidden());
    }

    @Test
    void aLineCountsTheRowsItTakes() {
        Fold fold = new Fold(24);
        fold.stepStarted("mlops.inspect", 12);
        Fold.Screen threeRows = terminal(3);
        lines("out ", 5).forEach(line -> fold.line(line, false, threeRows));
        fold.stepFinished(threeRows);
        assertEquals(List.of("out 1", "aside: " + Fold.marker(3), "out 5"), screen,
                "the second line would take rows 16 to 18 of the 16 the output may fill");
    }

    @Test
    void anUnknownScreenFoldsNothing() {
        Fold fold = new Fold(0);
        fold.stepStarted("devops.build", 3);
        lines("out ", 200).forEach(line -> fold.line(line, false, rows));
        fold.stepFinished(rows);
        assertEquals(lines("out ", 200), screen);
    }

    @Test
    void aToolsOwnLogFoldsWhateverTheRoomSoThePointComesFirst() {
        Fold fold = new Fold(40);
        fold.stepStarted("mlops.monitor", 5);
        List.of("2026/12/02 05:11:08 INFO mlflow.projects: 'monitoring' does not exist. Creating a new experiment",
                "2026/12/02 05:11:08 INFO mlflow.projects.utils: === Created directory /tmp/x ===",
                "feature          PSI",
                "2026/12/02 05:11:12 INFO mlflow.projects: === Run (ID 'abc') succeeded ===",
                "run_id=abc").forEach(line -> fold.line(line, false, rows));
        fold.stepFinished(rows);
        assertEquals(List.of("aside: " + Fold.logMarker(2), "feature          PSI",
                "2026/12/02 05:11:12 INFO mlflow.projects: === Run (ID 'abc') succeeded ===", "run_id=abc"), screen,
                "one log line of one row shows: its marker would take as much");
        assertEquals(2, fold.lastHidden().size());
    }

    @Test
    void theMarkerSaysHowManyLinesAndWhichKey() {
        assertEquals("… 1 more line · o shows them", Fold.marker(1));
        assertEquals("… 33 more lines · o shows them", Fold.marker(33));
    }
}
