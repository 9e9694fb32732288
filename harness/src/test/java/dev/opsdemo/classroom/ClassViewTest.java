package dev.opsdemo.classroom;

import dev.opsdemo.demo.PracticeReading;
import dev.opsdemo.demo.PracticeReading.State;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassViewTest {

    private static PracticeReading.StepState step(String id, State state, String detail) {
        return new PracticeReading.StepState(id, "Title of " + id, state, detail);
    }

    private static final ClassView.Reading READING = new ClassView.Reading("2026-12-03T10:15:30Z",
            "http://127.0.0.1:5000", List.of(
            new ClassView.Row("ada", List.of(step("mlops.train", State.done, null), step("mlops.serve", State.local,
                    null), step("mlops.promote", State.done, null))),
            new ClassView.Row("bob-longer", List.of(step("mlops.train", State.current, "no <training> run"),
                    step("mlops.serve", State.local, null), step("mlops.promote", State.ahead, null)))));

    @Test
    void theTerminalShowsALineEachLearnerWithWhereTheyAreAndALegend() {
        assertEquals(List.of(
                "  learner      1  2  3   done  where",
                "  ada          ✓  –  ✓   2/2   all done",
                "  bob-longer   ▸  –  ·   0/2   train: no <training> run",
                "  steps: 1 train, 2 serve, 3 promote",
                "  ✓ done, ▸ where they are, – on their own machine (the server cannot see it), · not yet"),
                READING.table());
    }

    @Test
    void thePageShowsTheSameReadingWithEveryValueEscaped() {
        String html = TeacherPage.html(READING, "10 s");
        assertTrue(html.contains("<td class=\"learner\">bob-longer</td><td>0/2</td><td class=\"where\">train: no "
                + "&lt;training&gt; run</td><td class=\"current\" title=\"Title of mlops.train: no &lt;training&gt; "
                + "run\">▸</td>"), html);
        assertTrue(html.contains("<td class=\"learner\">ada</td><td>2/2</td><td class=\"where\">all done</td>"), html);
        assertTrue(html.contains("http://127.0.0.1:5000"), html);
        assertFalse(html.contains("<training>"), html);
    }
}
