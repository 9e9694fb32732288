package dev.opsdemo.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a report keeps of a step's output: all of a short one; of a long one its start, its end and the harness's
 * own → lines from between them, each run of lines left out marked where it was.
 */
class ExcerptTest {

    private static List<String> texts(Excerpt excerpt) {
        return excerpt.parts().stream().map(Excerpt.Part::text).toList();
    }

    @Test
    void aShortOutputIsKeptWhole() {
        List<String> lines = IntStream.range(0, Excerpt.HEAD + Excerpt.TAIL + 2).mapToObj(i -> "line " + i).toList();
        Excerpt excerpt = Excerpt.of(lines);
        assertEquals(lines, texts(excerpt));
        assertEquals(0, excerpt.omitted());
    }

    @Test
    void aLongOutputKeepsItsStartItsEndAndTheHarnesssLinesBetweenThemWithEachGapMarked() {
        List<String> lines = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "line " + i).toList());
        String verdict = "→ held-out accuracy: champion v1 0.7450, challenger v2 0.8450 (margin needed 0.02)";
        lines.set(30, verdict);
        Excerpt excerpt = Excerpt.of(lines);
        List<String> expected = new ArrayList<>(lines.subList(0, 15));
        expected.add("… 15 lines omitted (all of them are in transcript.txt) …");
        expected.add(verdict);
        expected.add("… 9 lines omitted (all of them are in transcript.txt) …");
        expected.addAll(lines.subList(40, 50));
        assertEquals(expected, texts(excerpt));
        assertEquals(24, excerpt.omitted());
        assertEquals(List.of(15, 9), excerpt.parts().stream().filter(Excerpt.Part::omission)
                .map(Excerpt.Part::omitted).toList());
    }
}
