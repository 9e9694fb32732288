package dev.opsdemo.cli;

import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end screen of a live demo (and of {@code harness ui}): in columns where they fit, and on a narrow terminal no
 * row the terminal would wrap back to column 0.
 */
class KeepRunningTest {

    private static final String WHAT = "still up, as the steps left them, so the $ lines above can be tried by hand";
    private static final String RUN = "http://127.0.0.1:36217/#/experiments/3/runs/0b775703ed7c4bec821d9706debc17d1";
    private static final List<KeepRunning.Up> UP = List.of(
            new KeepRunning.Up("devops", "appUrl", "http://127.0.0.1:43519"),
            new KeepRunning.Up("mlops", "monitoringRunUrl", RUN),
            new KeepRunning.Up("mlops", "the champion (version 2) in the registry",
                    "http://127.0.0.1:36217/#/models/churn-classifier/versions/2"));

    @Test
    void withoutAWidthEachAddressHasALineInTheAddressesColumn() {
        assertEquals(List.of(
                "→ " + WHAT + " (" + KeepRunning.STOP_KEYS + "):",
                "→   devops  appUrl            http://127.0.0.1:43519",
                "→   mlops   monitoringRunUrl  " + RUN,
                "→   mlops   the champion (version 2) in the registry",
                "→                             http://127.0.0.1:36217/#/models/churn-classifier/versions/2"),
                KeepRunning.lines(WHAT, UP, 0));
    }

    @Test
    void onANarrowTerminalAnAddressGoesUnderItsNameAsFarRightAsItFits() {
        List<String> lines = KeepRunning.lines(WHAT, UP, 80);
        lines.forEach(line -> assertTrue(TerminalWidth.of(line) < 80, "fits 80 columns: '" + line + "'"));
        assertEquals(List.of(
                "→ still up, as the steps left them, so the $ lines above can be tried by hand",
                "  (Enter, q or Ctrl-C stops everything):",
                "→   devops  appUrl            http://127.0.0.1:43519",
                "→   mlops   monitoringRunUrl",
                "→ " + RUN,
                "→   mlops   the champion (version 2) in the registry",
                "→           http://127.0.0.1:36217/#/models/churn-classifier/versions/2"), lines);
    }

    @Test
    void anAddressThatFitsOnlyAloneStandsAloneAndOneWiderThanTheTerminalIsCutIntoRows() {
        for (int columns : new int[] {RUN.length() + 2, RUN.length()}) {  // a column to spare, and none
            List<String> alone = KeepRunning.lines("up", List.of(new KeepRunning.Up("mlops", "runUrl", RUN)),
                    columns);
            assertEquals(List.of("→   mlops   runUrl", RUN), alone.subList(alone.size() - 2, alone.size()));
        }
        List<String> cut = KeepRunning.lines("up", List.of(new KeepRunning.Up("mlops", "runUrl", RUN)), 40);
        cut.forEach(line -> assertTrue(TerminalWidth.of(line) < 40, "fits 40 columns: '" + line + "'"));
        assertEquals(List.of(RUN.substring(0, 39), RUN.substring(39)), cut.subList(cut.size() - 2, cut.size()));
    }
}
