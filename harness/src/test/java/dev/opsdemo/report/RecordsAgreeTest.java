package dev.opsdemo.report;

import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.text.Ansi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A step has one number in every record: the lanes ran in parallel here (every DevOps step started before the first
 * MLOps one), yet the terminal/transcript, the cast, report.md and report.html all number it by the same order.
 */
class RecordsAgreeTest {

    @TempDir
    Path dir;

    @Test
    void aStepHasTheSameNumberInTranscriptCastMarkdownAndHtml() throws Exception {
        List<StepResult> startOrder = SyntheticRun.bothLanes();
        List<Step> interleaved = Schedule.interleave(SyntheticRun.lanes(startOrder));
        List<StepResult> recordOrder = new ArrayList<>(startOrder);
        recordOrder.sort(Comparator.comparingInt(result -> interleaved.indexOf(result.step())));

        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        Secrets secrets = new Secrets();
        List<dev.opsdemo.demo.RunListener> listeners = List.of(
                new ConsoleListener(new PrintStream(transcript, true, StandardCharsets.UTF_8), new Style(false), true),
                new AsciicastListener(dir.resolve("transcript.cast"), secrets, 140, 40, List.of()),
                new MarkdownReportListener(dir.resolve("report.md"), secrets),
                new HtmlReportListener(dir.resolve("report.html"), secrets));
        for (var listener : listeners) {
            SyntheticRun.replay(listener, startOrder, recordOrder, new SyntheticRun.Clock());
        }

        Map<String, Integer> expected = new java.util.TreeMap<>();
        for (int i = 0; i < interleaved.size(); i++) {
            expected.put(interleaved.get(i).id(), i + 1);
        }
        assertEquals(expected, numbers(transcript.toString(StandardCharsets.UTF_8),
                "▶ \\[(\\d+)/\\d+\\] ([a-z]+\\.[a-z]+)", 1, 2), "transcript");
        assertEquals(expected, numbers(Files.readString(dir.resolve("transcript.cast")),
                "▶ \\[(\\d+)/\\d+\\] ([a-z]+\\.[a-z]+)", 1, 2), "cast");
        assertEquals(expected, numbers(Files.readString(dir.resolve("report.md")),
                "### (\\d+)\\. `([a-z]+\\.[a-z]+)`", 1, 2), "report.md");
        assertEquals(expected, numbers(Files.readString(dir.resolve("report.html")),
                "<span class=\"num\">(\\d+)</span>.*?<code>([a-z]+\\.[a-z]+)</code>", 1, 2), "report.html");
    }

    private static Map<String, Integer> numbers(String text, String regex, int number, int id) {
        Map<String, Integer> found = new java.util.TreeMap<>();
        Matcher matcher = Pattern.compile(regex).matcher(Ansi.strip(text));
        while (matcher.find()) {
            found.put(matcher.group(id), Integer.parseInt(matcher.group(number)));
        }
        return new java.util.TreeMap<>(found);
    }
}
