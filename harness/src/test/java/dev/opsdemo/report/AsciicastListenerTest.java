package dev.opsdemo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.text.Ansi;
import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsciicastListenerTest {

    private static final ObjectMapper JSON = Json.MAPPER;

    @TempDir
    Path dir;

    @Test
    void writesAValidAsciicastV2RecordingWithAMarkerPerStep() throws Exception {
        List<StepResult> results = SyntheticRun.bothLanes();
        Path cast = record(results);

        List<String> lines = Files.readAllLines(cast);
        JsonNode header = JSON.readTree(lines.get(0));
        assertEquals(2, header.path("version").asInt(), lines.get(0));
        assertEquals(120, header.path("width").asInt());
        assertEquals(30, header.path("height").asInt());
        assertTrue(header.path("timestamp").isIntegralNumber(), lines.get(0));
        assertEquals("DevOps vs MLOps: opsdemo run", header.path("title").asText());

        List<String> markers = new ArrayList<>();
        double previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = JSON.readTree(line);
            assertTrue(event.isArray() && event.size() == 3, line);
            assertTrue(event.get(0).isNumber(), line);
            assertTrue(event.get(0).asDouble() >= previous, "time never goes backwards: " + line);
            previous = event.get(0).asDouble();
            switch (event.get(1).asText()) {
                case "m" -> markers.add(event.get(2).asText());
                case "o" -> assertTrue(event.get(2).asText().endsWith("\r\n"), line);
                default -> throw new AssertionError("unexpected event type: " + line);
            }
        }
        assertEquals(results.stream().map(result -> result.step().id()).toList(), markers);
    }

    @Test
    void timesEventsByTheClockAndShowsTheTranscriptsLines() throws Exception {
        List<StepResult> results = SyntheticRun.bothLanes();
        String cast = Files.readString(record(results));
        String shown = String.join("", Files.readAllLines(record(results)).stream().skip(1)
                .map(line -> Ansi.strip(read(line).get(2).asText())).toList());

        // Six DevOps steps (22,280 ms) and seven 5 ms pauses before the first MLOps step starts.
        assertTrue(cast.contains("[22.315000,\"m\",\"mlops.server\"]"), cast);
        assertTrue(shown.contains("devops │ ▶ [9/12] devops.push · release · Push to the remote\r\n"
                + "devops │   # Releasing code means pushing the tested commit.\r\n"
                + "devops │   $ git push origin main\r\n"), "the transcript's lines, lane prefix and all:\n" + shown);
        assertTrue(shown.contains("devops │     Tests run: 4, Failures: 0, Skipped: 0\r\n"), shown);
    }

    /** Wider than the recording's 120 columns: words, a wide character, and a command run mid-way. */
    private static final String WIDE = "2026/12/02 03:34:05 INFO mlflow.projects.utils: === Created directory "
            + "/tmp/ws/mlops/tmp/tmpf_bzd62v for downloading remote URIs passed to arguments of type 'path' === 🏃 View "
            + "run glamorous-bass-765 at: http://127.0.0.1:5000/#/experiments/1";
    private static final String WIDE_COMMAND = "mlflow run /checkout/sample-ml-project -e monitor --env-manager local "
            + "--experiment-name monitoring -P model_uri=models:/churn-classifier@champion -P scoring_url=http://"
            + "127.0.0.1:36975/invocations -P data=data/production_shifted.csv";

    private static List<StepResult> withWideLines() {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        int last = results.size() - 1;
        results.set(last, SyntheticRun.withOutput(results.get(last), List.of(WIDE,
                StepContext.COMMAND_PREFIX + WIDE_COMMAND, "  " + WIDE)));
        return results;
    }

    @Test
    void endsOnTheContrastAndTheClosingLinesAndNoRowIsWiderThanDeclaredNorCutInAWord() throws Exception {
        List<String> lines = Files.readAllLines(record(withWideLines()));
        int width = read(lines.get(0)).path("width").asInt();
        List<String> rows = shownRows(lines);
        String plain = String.join("\n", rows);
        assertTrue(plain.contains("stage by stage"), plain);
        assertTrue(plain.contains("Key concept: MLOps manages machine learning models"), plain);
        for (String row : rows) {
            assertTrue(TerminalWidth.of(row) <= width, "wider than " + width + ": " + row);
        }
        // The wide output line: rows cut between words, the lane's prefix on each, two columns under the line.
        int first = rows.indexOf("mlops  │     2026/12/02 03:34:05 INFO mlflow.projects.utils: === Created directory "
                + "/tmp/ws/mlops/tmp/tmpf_bzd62v for");
        assertTrue(first > 0, plain);
        assertEquals(List.of(
                "mlops  │       downloading remote URIs passed to arguments of type 'path' === 🏃 View run "
                        + "glamorous-bass-765 at:",
                "mlops  │       http://127.0.0.1:5000/#/experiments/1",
                // The command: continued with a backslash at a blank (before an option, which stays with its
                // value), so that the rows are still the command.
                "mlops  │   $ mlflow run /checkout/sample-ml-project -e monitor --env-manager local --experiment-name "
                        + "monitoring \\",
                "mlops  │       -P model_uri=models:/churn-classifier@champion -P "
                        + "scoring_url=http://127.0.0.1:36975/invocations \\",
                "mlops  │       -P data=data/production_shifted.csv",
                "mlops  │       2026/12/02 03:34:05 INFO mlflow.projects.utils: === Created directory "
                        + "/tmp/ws/mlops/tmp/tmpf_bzd62v for",
                "mlops  │         downloading remote URIs passed to arguments of type 'path' === 🏃 View run "
                        + "glamorous-bass-765 at:"), rows.subList(first + 1, first + 8));
    }

    @Test
    void itsRowsAreTheTranscriptsRowForRow() throws Exception {
        List<StepResult> results = withWideLines();
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
        for (RunListener listener : List.of(ConsoleListener.forRecord(out, new Style(false), 120),
                new ContrastTableListener(out, new Style(false), AsciicastListener.CONTRAST_WIDTH))) {
            SyntheticRun.replay(listener, results, new SyntheticRun.Clock());
        }

        // Lines reach listeners masked (SyntheticRun's carry a secret, for the cast to mask as the transcript does).
        assertEquals(mask(transcript.toString(StandardCharsets.UTF_8)).lines().toList(),
                shownRows(Files.readAllLines(record(results))));
    }

    /** What a player shows: the output events' text, colour codes left out, in rows. */
    private static List<String> shownRows(List<String> cast) {
        String shown = String.join("", cast.stream().skip(1).map(AsciicastListenerTest::read)
                .filter(event -> event.get(1).asText().equals("o")).map(event -> event.get(2).asText()).toList());
        String[] rows = Ansi.strip(shown).split("\r\n", -1);
        return List.of(rows).subList(0, rows.length - 1);  // after the last row's line end: nothing
    }

    @Test
    void masksSecrets() throws Exception {
        String cast = Files.readString(record(SyntheticRun.bothLanes()));

        assertFalse(cast.contains(SyntheticRun.SECRET), cast);
        assertTrue(cast.contains(Secrets.MASK), cast);
    }

    @Test
    void theLinesShownBeforeTheFirstStepOpenTheRecording() throws Exception {
        Path cast = dir.resolve("transcript.cast");
        String repair = "workspace: removed the stale Git lock /w/devops/sample-app/.git/index.lock";
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new AsciicastListener(cast, new Secrets(), 120, 30, List.of(repair), clock),
                SyntheticRun.bothLanes(), clock);

        JsonNode first = read(Files.readAllLines(cast).get(1));
        assertEquals("o", first.get(1).asText(), first.toString());
        assertEquals(repair + "\r\n", first.get(2).asText());
    }

    @Test
    void skippedStepsGetNoMarker() throws Exception {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        results.set(3, SyntheticRun.with(results.get(3), StepStatus.FAILED, "unit tests failed"));
        for (int i = 4; i < results.size(); i++) {
            results.set(i, SyntheticRun.with(results.get(i), StepStatus.SKIPPED, null));
        }

        String cast = Files.readString(record(results));

        assertTrue(cast.contains("\"m\",\"devops.tests\""), cast);
        assertFalse(cast.contains("\"m\",\"devops.push\""), cast);
        assertTrue(cast.contains("devops.push skipped"), cast);
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static String mask(String text) {
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        return secrets.mask(text);
    }

    private Path record(List<StepResult> results) {
        Path cast = dir.resolve("transcript.cast");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new AsciicastListener(cast, secrets, 120, 30, List.of(), clock), results, clock);
        return cast;
    }
}
