package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.support.ShownCommands;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terminal's layout: at a known width the harness's own prose (a caption, a → line, a failure) wraps at word
 * boundaries under its own start, so no row runs back to column 0; a command's output and the command lines are
 * cut into rows under their start, and without a width (CI logs) nothing is. A record (the transcript, the cast)
 * fits every row to its width, the lane prefix on each: output at word boundaries, commands at their words with a
 * backslash.
 */
class ConsoleListenerTest {

    private static final String CAPTION = "One run id ties the code version, the data, the parameters and the metrics "
            + "together: that is what makes a model reproducible.";
    private static final String NOTE = "the champion scored 0.8125 and the challenger 0.8450 on the same production "
            + "batch: the challenger is better by more than the margin";
    private static final String OUTPUT = "x".repeat(30) + " " + "y".repeat(40);

    private static List<String> shown(int width, boolean lanePrefix) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleListener console = new ConsoleListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new Style(false), lanePrefix, width);
        Step step = new Step("mlops.decide", "mlops", Stage.RELEASE, "Decide", CAPTION, "true", context -> { });
        console.announce(step);
        console.output(step, StepContext.NOTE_PREFIX + NOTE);
        console.output(step, OUTPUT);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void atAKnownWidthEveryLineWrapsWithAHangingIndent() {
        for (boolean lanePrefix : new boolean[] {false, true}) {
            List<String> lines = shown(60, lanePrefix);
            String gutter = lanePrefix ? "mlops  │ " : "";
            for (String line : lines) {
                assertTrue(TerminalWidth.of(line) < 60, "fits 60 columns: '" + line + "'");
            }
            assertEquals(CAPTION, rejoined(lines, gutter + "  # ", gutter + "    "), String.join("\n", lines));
            assertEquals(NOTE, rejoined(lines, gutter + "    → ", gutter + "      "), String.join("\n", lines));
            // A tool's line keeps its spacing: cut at its space, the rest under it, two columns in.
            assertEquals(List.of(gutter + "    " + "x".repeat(30), gutter + "      " + "y".repeat(40)),
                    lines.subList(lines.size() - 2, lines.size()), "a command's output, cut into rows");
        }
    }

    @Test
    void withoutAWidthNothingIsWrapped() {
        List<String> lines = shown(0, true);
        assertEquals("mlops  │   # " + CAPTION, lines.get(2));
        assertEquals("mlops  │     → " + NOTE, lines.get(3));
    }

    @Test
    void aRecordFitsEveryRowToItsWidthWithTheLanePrefixOnEach() {
        String command = "curl -sS -X POST http://127.0.0.1:5000/api/2.0/mlflow/registered-models/alias -H "
                + "'Content-Type: application/json' -d '{\"name\":\"churn-classifier\",\"alias\":\"champion\"}'";
        String output = "  2026/12/02 INFO mlflow.projects.utils: === Created directory /tmp/ws/mlops/tmp/tmpf_bzd62v "
                + "for downloading remote URIs passed to arguments of type 'path' ===";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleListener record = ConsoleListener.forRecord(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new Style(false), 80);
        Step step = new Step("mlops.register", "mlops", Stage.RELEASE, "Register", CAPTION, "true", context -> { });
        record.stepStarted(step, List.of(command));
        record.output(step, output);
        record.output(step, StepContext.NOTE_PREFIX + NOTE);
        List<String> rows = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        for (String row : rows) {
            assertTrue(row.startsWith("mlops  │ "), "the lane prefix on every row: " + row);
            assertTrue(TerminalWidth.of(row) <= 80, "fits 80 columns: '" + row + "'");
        }
        int first = 0;
        while (!rows.get(first).startsWith("mlops  │   $ ")) {
            first++;
        }
        StringBuilder shownCommand = new StringBuilder(rows.get(first).substring("mlops  │   $ ".length()));
        int next = first + 1;
        while (shownCommand.toString().endsWith(" \\")) {
            shownCommand.setLength(shownCommand.length() - 2);
            shownCommand.append(' ').append(rows.get(next++).substring("mlops  │       ".length()));
        }
        assertTrue(next > first + 1, "the command takes several rows:\n" + String.join("\n", rows));
        assertEquals(command, shownCommand.toString(), "the rows are the command");
        assertEquals(CAPTION, rejoined(rows, "mlops  │   # ", "mlops  │     "), String.join("\n", rows));
        assertEquals(NOTE, rejoined(rows, "mlops  │     → ", "mlops  │       "), String.join("\n", rows));
        List<String> outputRows = ConsoleListener.recordRows("mlops", "    " + output, 80);
        assertEquals(outputRows, rows.subList(next, next + outputRows.size()), "what a test expects "
                + "of a command's output is what the record shows");
        assertEquals(output.strip(), rejoined(outputRows, "mlops  │       ", "mlops  │         "),
                "output cut at word boundaries, two columns under its own indentation:\n" + String.join("\n", rows));
    }

    @Test
    void theTranscriptsTestsReadAContinuedCommandBackAsTheLineBashReads(@TempDir Path dir) throws Exception {
        String command = "git -c credential.helper='store --file=/tmp/opsdemo-shared-demo-528b0da1/workspace/devops/"
                + "git-credentials' ls-remote origin refs/heads/main && curl -sS -X POST http://127.0.0.1:45395/api/2.0/"
                + "mlflow/model-versions/create -H 'Content-Type: application/json' -d '{\"name\":\"churn-classifier\","
                + "\"source\":\"models:/m-a08d5df91dd344e9a276779cac6d3605\",\"run_id\":\"904d8f366acf4f0ebf58d9349"
                + "04489c5\",\"model_id\":\"m-a08d5df91dd344e9a276779cac6d3605\"}'";
        Path transcript = dir.resolve("transcript.txt");
        try (PrintStream out = new PrintStream(Files.newOutputStream(transcript), true, StandardCharsets.UTF_8)) {
            ConsoleListener record = ConsoleListener.forRecord(out, new Style(false), Records.WIDTH);
            Step step = new Step("devops.push", "devops", Stage.RELEASE, "Push", CAPTION, "true", context -> { });
            record.stepStarted(step, List.of("cd /tmp", command));
        }

        assertTrue(Files.readAllLines(transcript).size() > 5, Files.readString(transcript));
        assertEquals(List.of("cd /tmp", command), ShownCommands.assertReal(transcript));
    }

    @Test
    void theRunsVerdictAndWhatItCouldNotStopWrapAtAKnownWidth() {
        List<StepResult> results = SyntheticRun.devops();
        RunSummary summary = SyntheticRun.summary(results);
        String problem = "could not stop the app (sample-app, pid 4242) on http://127.0.0.1:41234 within 20s";
        RunSummary stopped = new RunSummary(false, 130, results, summary.facts(), summary.summaryFields(),
                List.of(problem), "stopped by Ctrl-C while the servers were stopping", summary.stories());
        for (int width : new int[] {0, 60}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ConsoleListener(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false), false, width)
                    .runFinished(stopped);
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
            if (width == 0) {
                assertEquals(2, lines.size(), String.join("\n", lines));
                continue;
            }
            lines.forEach(line -> assertTrue(TerminalWidth.of(line) < width, "fits 60 columns: '" + line + "'"));
            assertTrue(lines.get(0).startsWith("STOPPED " + results.size() + "/"), lines.get(0));
            assertEquals("stopped by Ctrl-C while the servers were stopping", rejoined(lines, "STOPPED ", "        ")
                    .replaceFirst(".*\\): ", ""), String.join("\n", lines));
            assertEquals(problem + "; it may still be running: stop it yourself", rejoined(lines, "✘ ", "  "),
                    String.join("\n", lines));
        }
    }

    /** The text of the line starting with {@code lead} and of the lines under it that start with {@code hanging}. */
    private static String rejoined(List<String> lines, String lead, String hanging) {
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith(lead)) {
            first++;
        }
        assertTrue(first < lines.size(), "a line starting '" + lead + "'");
        StringBuilder text = new StringBuilder(lines.get(first).substring(lead.length()));
        for (int i = first + 1; i < lines.size() && lines.get(i).startsWith(hanging)
                && !lines.get(i).substring(hanging.length()).startsWith(" "); i++) {
            String rest = lines.get(i).substring(hanging.length());
            if (rest.startsWith("→ ")) {
                break;
            }
            text.append(' ').append(rest);
        }
        return text.toString();
    }
}
