package dev.opsdemo.support;

import dev.opsdemo.json.Json;
import dev.opsdemo.text.Ansi;
import dev.opsdemo.text.TerminalWidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's {@code transcript.cast} replayed by asciinema's own {@code asciinema cat} (pinned in the project's Python
 * lock, so in the venv) gives back {@code transcript.txt} row for row, colour codes aside: the closing lines
 * included, in the same order, and no row wider than the cast declares, so that a player of that width never wraps
 * one itself (cutting a word and losing the lane's prefix). The one row that may be wider is a command's row
 * holding a single word no break may cut (a request's JSON body).
 */
public final class CastReplay {

    /** A command's row, its lane prefix and lead ({@code $ } or the continuation's indent) apart. */
    private static final Pattern COMMAND_ROW = Pattern.compile("^\\S+\\s+│ (?: {2}\\$ | {6})(.*?)(?: \\\\)?$");

    private CastReplay() {
    }

    public static void assertReplaysToTranscript(Path records) throws Exception {
        Path cast = records.resolve("transcript.cast");
        Path asciinema = MlflowWitness.repoRoot().resolve(".venv/bin/asciinema");
        CiTool.require(Files.isExecutable(asciinema), "no " + asciinema + ": ./scripts/python-env.sh installs the "
                + "pinned asciinema with the rest of the venv");
        Shell.Output replay = Shell.run(records, asciinema.toString(), "cat", cast.toString());
        assertEquals(0, replay.exitCode(), "asciinema cat " + cast + ":\n" + replay.text());
        int width = Json.MAPPER.readTree(Files.readAllLines(cast).get(0)).get("width").asInt();
        List<String> shown = replay.lines().stream().map(Ansi::strip).toList();
        List<String> transcript = Files.readAllLines(records.resolve("transcript.txt"));

        assertEquals(String.join("\n", transcript), String.join("\n", shown),
                "asciinema cat " + cast + " gives back transcript.txt row for row");
        for (String row : shown) {
            if (TerminalWidth.of(row) > width) {
                Matcher command = COMMAND_ROW.matcher(row);
                // A command's quoted word too wide for a row (a request's JSON body) is the one row allowed wider.
                assertTrue(command.matches() && command.group(1).contains("'") && !command.group(1).strip()
                                .replaceAll("'[^']*'", "").contains(" "),
                        "wider than the cast's " + width + " columns, and not one quoted word of a command: " + row);
            }
        }
    }
}
