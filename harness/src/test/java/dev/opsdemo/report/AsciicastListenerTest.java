package dev.opsdemo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.text.Ansi;
import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void endsOnTheContrastAndTheClosingLinesAndNoLineIsWiderThanDeclared() throws Exception {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        String wide = "x".repeat(150) + " 🏃 View run at: http://127.0.0.1:5000/#/experiments/1";
        results.set(0, SyntheticRun.withOutput(results.get(0), List.of(wide)));
        List<String> lines = Files.readAllLines(record(results));
        int width = read(lines.get(0)).path("width").asInt();
        String shown = String.join("", lines.stream().skip(1).map(AsciicastListenerTest::read)
                .filter(event -> event.get(1).asText().equals("o")).map(event -> event.get(2).asText()).toList());
        String plain = Ansi.strip(shown);
        assertTrue(plain.contains("stage by stage"), plain);
        assertTrue(plain.contains("Key concept: MLOps manages machine learning models"), plain);
        for (String line : plain.split("\r\n")) {
            assertTrue(TerminalWidth.of(line) <= width, "wider than " + width + ": " + line);
        }
        assertTrue(plain.replace("\r\n", "").contains("x".repeat(150)), "a wide line is folded, not cut off");
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

    private Path record(List<StepResult> results) {
        Path cast = dir.resolve("transcript.cast");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new AsciicastListener(cast, secrets, 120, 30, List.of(), clock), results, clock);
        return cast;
    }
}
