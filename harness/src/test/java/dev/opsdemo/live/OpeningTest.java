package dev.opsdemo.live;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepGate;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Style;
import dev.opsdemo.support.DemoLanes;
import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The title screen of a live demo, from the real lanes' stories: what each lane will do, the stages they share, the
 * question to watch for, the keys; it fits the terminal, waits for Enter (or q), and shows only in live mode from the
 * first step. That it shows on a real terminal is LiveModeTest's.
 */
class OpeningTest {

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {80, 120})
    void itSaysWhatBothLanesWillDoTheirSharedStagesTheQuestionAndTheKeysWithinTheTerminalsWidth(int columns) {
        List<String> lines = Opening.lines(DemoLanes.in(scratch), columns, null);
        String screen = String.join("\n", lines);
        assertEquals("DevOps vs MLOps: two real pipelines, side by side", lines.get(0));
        assertTrue(screen.contains("DevOps  commits the sample app with Git"), screen);
        assertTrue(screen.contains("MLOps   starts an MLflow server"), screen);
        assertTrue(screen.replace("\n  ", " ").contains("Both go through the same stages: version → build → "
                + "evaluate → release → deploy → monitor."), screen);
        assertTrue(screen.contains("Watch for: what does each lane have to keep under control"), screen);
        assertTrue(screen.replace("\n  ", " ").contains("Enter runs it · s runs it quietly · ! opens your shell "
                + "beside the demo (exit returns) · o shows what a step folded to fit the screen · q quits"), screen);
        assertEquals("Press Enter to start (q quits).", lines.get(lines.size() - 1));
        assertTrue(lines.size() < 24, "one screen even at 80×24: " + lines.size() + " rows");
        for (String line : lines) {
            assertTrue(TerminalWidth.of(line) < columns, "fits " + columns + " columns: " + line);
        }
    }

    @Test
    void withAutoAdvanceItSaysWhenItStarts() {
        List<String> lines = Opening.lines(DemoLanes.in(scratch), 120, 3);
        assertEquals("Starting in 3s · Enter starts now · q quits.", lines.get(lines.size() - 1));
    }

    /** What the presenter printed before the steps it was asked about, and its decisions. */
    private record Shown(String screen, List<StepGate.Decision> decisions) {
    }

    private Shown present(LiveSettings settings, String keys, int steps) throws Exception {
        List<Lane> lanes = DemoLanes.in(scratch);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Keyboard keyboard = Keyboard.open(new ByteArrayInputStream(keys.getBytes(StandardCharsets.US_ASCII)));
        LivePresenter presenter = new LivePresenter(new ConsoleListener(out, new Style(false), false), out, settings,
                keyboard, () -> () -> { });
        presenter.runStarted(lanes);
        List<Step> first = lanes.get(0).steps().subList(0, steps);
        List<StepGate.Decision> decisions = new java.util.ArrayList<>();
        for (Step step : first) {
            decisions.add(presenter.beforeStep(step, List.of("true")));
        }
        return new Shown(bytes.toString(StandardCharsets.UTF_8), decisions);
    }

    @Test
    void enterLeavesTheOpeningForAClearScreenAndTheFirstStepAndItIsNotShownAgain() throws Exception {
        Shown shown = present(new LiveSettings(true, 0, null, null), "\n\n\n", 2);
        assertEquals(List.of(StepGate.Decision.RUN, StepGate.Decision.RUN), shown.decisions());
        String screen = shown.screen();
        int opening = screen.indexOf("two real pipelines, side by side");
        int cleared = screen.indexOf(LivePresenter.CLEAR_SCREEN);
        int firstStep = screen.indexOf("devops.remote");
        assertTrue(opening >= 0 && opening < cleared && cleared < firstStep, screen);
        assertEquals(opening, screen.lastIndexOf("two real pipelines"), "shown once:\n" + screen);
        assertTrue(screen.contains("[Enter] run · [s] skip") && screen.contains(LivePresenter.ERASE_LINE),
                "the key prompt is erased once answered:\n" + screen);
    }

    @Test
    void qAtTheOpeningQuitsBeforeAnyStep() throws Exception {
        Shown shown = present(new LiveSettings(true, 0, null, null), "q", 1);
        assertEquals(List.of(StepGate.Decision.QUIT), shown.decisions());
        assertTrue(shown.screen().contains("(quit before the first step)"), shown.screen());
        assertFalse(shown.screen().contains("devops.remote"), shown.screen());
    }

    @Test
    void noOpeningOutsideLiveModeNorWhenResumingAtAStep() throws Exception {
        assertFalse(present(new LiveSettings(false, 0, null, null), "", 1).screen().contains("side by side"));
        Shown resumed = present(new LiveSettings(true, 0, null, "devops.commit"), "\n", 2);
        assertFalse(resumed.screen().contains("side by side"), resumed.screen());
        assertTrue(resumed.screen().contains("devops.commit"), resumed.screen());
    }
}
