package dev.opsdemo.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A step's output folds once the screen is full; commands and notes show, and o gets back what was held. */
class FoldTest {

    /** Every line one row, unless a test says otherwise. */
    private static final ToIntFunction<String> ROW = line -> 1;
    private final List<String> screen = new ArrayList<>();
    private final ToIntFunction<String> show = line -> {
        screen.add(line);
        return 1;
    };
    private final ToIntFunction<String> aside = text -> {
        screen.add("aside: " + text);
        return 1;
    };

    private static List<String> lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void outputBeyondTheScreenFoldsUnderAMarkerAndItsLastLinesStillShow() {
        Fold fold = new Fold(24);  // 18 rows for the step before its output folds
        fold.stepStarted(5);
        lines("maven ", 40).forEach(line -> fold.line(line, false, ROW, show, aside));
        fold.stepFinished(show, aside);
        List<String> expected = new ArrayList<>(lines("maven ", 13));
        expected.add("aside: " + Fold.marker(25));
        expected.addAll(List.of("maven 39", "maven 40"));
        assertEquals(expected, screen);
        assertEquals(lines("maven ", 40).subList(13, 40), fold.lastHidden());
    }

    @Test
    void commandsAndNotesAlwaysShowAfterTheFoldOfTheOutputBeforeThem() {
        Fold fold = new Fold(24);
        fold.stepStarted(16);
        lines("out ", 10).forEach(line -> fold.line(line, false, ROW, show, aside));
        fold.line("$ next", true, ROW, show, aside);
        fold.line("{}", false, ROW, show, aside);
        fold.line("→ verdict", true, ROW, show, aside);
        fold.stepFinished(show, aside);
        assertEquals(List.of("out 1", "out 2", "aside: " + Fold.marker(6), "out 9", "out 10", "$ next", "{}",
                "→ verdict"), screen);
    }

    @Test
    void aFewLinesOverTheScreenShowRatherThanAMarkerAsLongAsThem() {
        Fold fold = new Fold(24);
        fold.stepStarted(17);
        lines("out ", 3).forEach(line -> fold.line(line, false, ROW, show, aside));
        fold.stepFinished(show, aside);
        assertEquals(lines("out ", 3), screen);
        assertEquals(List.of(), fold.lastHidden());
    }

    @Test
    void aLineCountsTheRowsItTakes() {
        Fold fold = new Fold(24);
        fold.stepStarted(14);
        ToIntFunction<String> threeRows = line -> 3;
        ToIntFunction<String> showThree = line -> show.applyAsInt(line) * 3;
        lines("out ", 5).forEach(line -> fold.line(line, false, threeRows, showThree, aside));
        fold.stepFinished(show, aside);
        assertEquals(List.of("out 1", "aside: " + Fold.marker(2), "out 4", "out 5"), screen,
                "the second line would take rows 18 to 20 of the 18 the output may fill");
    }

    @Test
    void anUnknownScreenFoldsNothing() {
        Fold fold = new Fold(0);
        fold.stepStarted(3);
        lines("out ", 200).forEach(line -> fold.line(line, false, ROW, show, aside));
        fold.stepFinished(show, aside);
        assertEquals(lines("out ", 200), screen);
    }

    @Test
    void theMarkerSaysHowManyLinesAndWhichKey() {
        assertEquals("… 1 more line · o shows them", Fold.marker(1));
        assertEquals("… 33 more lines · o shows them", Fold.marker(33));
    }
}
