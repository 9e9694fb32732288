package dev.opsdemo.support;

import dev.opsdemo.json.Json;
import dev.opsdemo.text.Ansi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's {@code transcript.cast} replayed by asciinema's own {@code asciinema cat} (pinned in the project's Python
 * lock) gives the transcript's text: every line, the closing lines included, in the same order. The cast cuts a line
 * wider than its declared width as a terminal of that width wraps it, so a transcript line may span several.
 */
public final class CastReplay {


    private CastReplay() {
    }

    public static void assertReplaysToTranscript(Path records) throws Exception {
        Path cast = records.resolve("transcript.cast");
        Path asciinema = MlflowWitness.repoRoot().resolve(".venv/bin/asciinema");
        Shell.Output replay = Shell.run(records, asciinema.toString(), "cat", cast.toString());
        assertEquals(0, replay.exitCode(), "asciinema cat " + cast + ":\n" + replay.text());
        int width = Json.MAPPER.readTree(Files.readAllLines(cast).get(0)).get("width").asInt();
        List<String> shown = replay.lines().stream().map(Ansi::strip).toList();
        List<String> transcript = Files.readAllLines(records.resolve("transcript.txt"));

        List<String> rejoined = new ArrayList<>();
        int next = 0;
        for (String line : transcript) {
            StringBuilder joined = new StringBuilder(next < shown.size() ? shown.get(next++) : "");
            while (joined.length() < line.length() && next < shown.size()) {
                joined.append(shown.get(next++));
            }
            rejoined.add(joined.toString());
        }
        assertEquals(String.join("\n", transcript), String.join("\n", rejoined),
                "asciinema cat " + cast + " replays the transcript's text");
        assertEquals(shown.size(), next, "the cast shows nothing after the transcript's last line: "
                + shown.subList(Math.min(next, shown.size()), shown.size()));
        assertTrue(shown.stream().allMatch(line -> line.codePointCount(0, line.length()) <= width),
                "no replayed line is wider than the cast's width " + width);
    }
}
