package dev.opsdemo.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineDiffTest {

    @Test
    void sameLinesGiveNoDiff() {
        assertEquals(List.of(), LineDiff.diff(List.of("a", "b"), List.of("a", "b")));
        assertEquals(List.of(), LineDiff.diff(List.of(), List.of()));
    }

    @Test
    void aChangedLineShowsTheExpectedThenTheActualWithTwoLinesOfContext() {
        assertEquals(List.of("  b", "  c", "- d", "+ D", "  e", "  f"),
                LineDiff.diff(List.of("a", "b", "c", "d", "e", "f", "g"), List.of("a", "b", "c", "D", "e", "f", "g")));
    }

    @Test
    void addedAndRemovedLines() {
        assertEquals(List.of("  a", "+ new", "  b"), LineDiff.diff(List.of("a", "b"), List.of("a", "new", "b")));
        assertEquals(List.of("  a", "- old", "  b"), LineDiff.diff(List.of("a", "old", "b"), List.of("a", "b")));
        assertEquals(List.of("+ only"), LineDiff.diff(List.of(), List.of("only")));
        assertEquals(List.of("- only"), LineDiff.diff(List.of("only"), List.of()));
    }

    @Test
    void changesFarApartAreSeparatedByAnEllipsis() {
        List<String> expected = List.of("x", "1", "2", "3", "4", "5", "6", "y");
        List<String> actual = List.of("X", "1", "2", "3", "4", "5", "6", "Y");
        assertEquals(List.of("- x", "+ X", "  1", "  2", "  ...", "  5", "  6", "- y", "+ Y"),
                LineDiff.diff(expected, actual));
    }

    @Test
    void changesCloseTogetherShareTheirContext() {
        assertEquals(List.of("- a", "+ A", "  b", "  c", "- d", "+ D"),
                LineDiff.diff(List.of("a", "b", "c", "d"), List.of("A", "b", "c", "D")));
    }

    @Test
    void linesAreComparedExactly() {
        assertEquals(List.of("- a ", "+ a"), LineDiff.diff(List.of("a "), List.of("a")));
    }
}
