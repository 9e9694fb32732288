package dev.opsdemo.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.text.Ansi;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContrastTableTest {

    private static final String ESC = "\u001b";

    @Test
    void hasOneRowPerStageInOrderAndAColumnPerLane() {
        ContrastTable table = table(SyntheticRun.bothLanes());

        assertEquals(List.of("devops", "mlops"), table.lanes());
        assertEquals(Arrays.asList(Stage.values()), table.rows().stream().map(ContrastTable.Row::stage).toList());
        ContrastTable.Row version = table.rows().get(0);
        assertEquals(List.of("Start the Git remote", "Commit the code"),
                version.cell("devops").steps().stream().map(result -> result.step().title()).toList());
        assertEquals(List.of("commit 9c1b2d3"), version.cell("devops").produced());
        assertEquals(730, version.cell("devops").durationMs());
        assertTrue(version.cell("mlops").produced().contains("data: digest a1b2c3d4"));
        assertTrue(version.cell("mlops").produced().contains("params: max_depth=6, n_estimators=50, seed=42"));
        assertTrue(table.rows().get(5).cell("devops").isEmpty(), "nothing monitors in either lane yet");
    }

    @Test
    void namesWhatEachStageProducedFromTheFacts() {
        ContrastTable table = table(SyntheticRun.bothLanes());

        assertEquals(List.of("artifact target/sample-app.jar"), row(table, Stage.BUILD).cell("devops").produced());
        assertEquals(List.of("run " + SyntheticRun.RUN_ID), row(table, Stage.BUILD).cell("mlops").produced());
        assertEquals(List.of("4 tests run, 0 failed"), row(table, Stage.EVALUATE).cell("devops").produced());
        assertEquals(List.of("accuracy 0.9125 (threshold 0.8)"), row(table, Stage.EVALUATE).cell("mlops").produced());
        assertEquals(List.of("pushed 9c1b2d3 to main"), row(table, Stage.RELEASE).cell("devops").produced());
        assertEquals(List.of("model churn-classifier v3 @champion"),
                row(table, Stage.RELEASE).cell("mlops").produced());
        assertEquals(List.of("app at http://127.0.0.1:40200"), row(table, Stage.DEPLOY).cell("devops").produced());
        assertEquals(List.of("prediction 1"), row(table, Stage.DEPLOY).cell("mlops").produced());
        assertEquals("code", table.versioned("devops"));
        assertEquals("code + data + params + model", table.versioned("mlops"));
    }

    @Test
    void namesWhatMonitoringFoundWhenAMonitorStepRan() {
        ObjectNode monitoring = Json.MAPPER.createObjectNode();
        monitoring.putObject("monitoring").put("accuracyBefore", 0.9125).put("accuracyAfter", 0.74)
                .put("decision", "promoted").put("challengerVersion", "4").put("championVersion", "4")
                .putObject("drift").putObject("tenure").put("psi", 0.31).put("drifted", true);
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        results.add(new StepResult(new Step("mlops.monitor", "mlops", Stage.MONITOR, "Monitor drift and accuracy",
                "caption", "command", context -> { }), StepStatus.PASSED, 1_000, List.of(), monitoring,
                Json.MAPPER.createObjectNode(), null));

        ContrastTable.Cell cell = row(table(results), Stage.MONITOR).cell("mlops");

        assertEquals(List.of("accuracy 0.9125 → 0.7400 on new data", "drift in tenure", "challenger v4",
                "decision: promoted, champion v4"), cell.produced());
        assertTrue(row(table(results), Stage.MONITOR).cell("devops").isEmpty());
    }

    @Test
    void leavesOutFactsThatWereNotRecorded() {
        List<StepResult> results = new ArrayList<>(SyntheticRun.devops());
        results.set(1, strip(results.get(1)));

        ContrastTable table = table(results);

        assertEquals(List.of(), row(table, Stage.VERSION).cell("devops").produced());
        assertEquals(2, row(table, Stage.VERSION).cell("devops").steps().size());
    }

    @Test
    void fitsA100ColumnTerminalWithoutColour() {
        String text = table(SyntheticRun.bothLanes()).render(new Style(false), 100);

        assertFalse(text.contains(ESC), text);
        for (String line : text.split("\n")) {
            assertEquals(100, line.codePointCount(0, line.length()), "every line is the table's full width:\n" + text);
        }
        for (Stage stage : Stage.values()) {
            assertTrue(text.contains("│ " + stage.label() + " "), stage + "\n" + text);
        }
        assertTrue(text.contains("DevOps"), text);
        assertTrue(text.contains("MLOps"), text);
        assertTrue(text.contains("—"), "an empty cell says so:\n" + text);
        assertTrue(text.contains("code + data + params + model"), text);
    }

    @Test
    void wrapsLongTextInsideItsColumn() {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        String longTitle = "Train a rather elaborate model whose title goes on and on well past any column width "
                + "with-an-unbreakable-token-that-is-longer-than-the-whole-column-can-hold-on-one-line";
        results.set(7, retitle(results.get(7), longTitle));

        String text = table(results).render(new Style(false), 100);

        for (String line : text.split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= 100, line);
        }
        String mlopsColumn = String.join(" ", Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith("│")).map(line -> line.split("│")[3].strip()).toList());
        assertTrue(mlopsColumn.contains("Train a rather elaborate model"), mlopsColumn);
        assertTrue(mlopsColumn.replace(" ", "").contains(longTitle.replace(" ", "")), "nothing is cut off:\n" + text);
    }

    @Test
    void colourChangesNothingButTheEscapes() {
        ContrastTable table = table(SyntheticRun.bothLanes());

        String coloured = table.render(new Style(true), 100);

        assertTrue(coloured.contains(ESC));
        assertEquals(table.render(new Style(false), 100), Ansi.strip(coloured));
    }

    @Test
    void showsOnlyTheLanesThatRanAndMarksAFailure() {
        List<StepResult> results = new ArrayList<>(SyntheticRun.devops());
        results.set(3, SyntheticRun.with(results.get(3), StepStatus.FAILED, "unit tests failed"));

        ContrastTable table = table(results);
        String text = table.render(new Style(false), 100);

        assertEquals(List.of("devops"), table.lanes());
        assertFalse(text.contains("MLOps"), text);
        assertTrue(text.contains("Unit-test gate (failed)"), text);
    }

    @Test
    void theListenerPrintsTheTableWhenTheRunIsOver() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContrastTableListener listener = new ContrastTableListener(new PrintStream(bytes, true,
                StandardCharsets.UTF_8), new Style(false), 100);

        SyntheticRun.replay(listener, SyntheticRun.bothLanes(), new SyntheticRun.Clock());

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("DevOps vs MLOps, stage by stage"), printed);
        assertTrue(printed.contains(table(SyntheticRun.bothLanes()).render(new Style(false), 100)));
    }

    /** The table the harness builds for these results, with the lanes' real stories. */
    private static ContrastTable table(List<StepResult> results) {
        return ContrastTable.of(SyntheticRun.summary(results));
    }

    private static ContrastTable.Row row(ContrastTable table, Stage stage) {
        return table.rows().stream().filter(row -> row.stage() == stage).findFirst().orElseThrow();
    }

    private static StepResult strip(StepResult result) {
        return new StepResult(result.step(), result.status(), result.durationMs(), result.output(),
                Json.MAPPER.createObjectNode(), result.summaryFields(), null);
    }

    private static StepResult retitle(StepResult result, String title) {
        Step step = result.step();
        return new StepResult(new Step(step.id(), step.lane(), step.stage(), title, step.caption(), step.command(),
                step.action()), result.status(), result.durationMs(), result.output(), result.facts(),
                result.summaryFields(), result.failure());
    }
}
