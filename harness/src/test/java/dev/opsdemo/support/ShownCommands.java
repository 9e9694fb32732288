package dev.opsdemo.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code $} lines a run showed, read from its transcript, and what every one of them must be. The transcript
 * fits its rows to its width: a command too wide for one row goes on over the next, each row but the last ending in
 * a backslash, and is read back as the one line bash reads from those rows.
 */
public final class ShownCommands {

    /** A row of the transcript: the lane's prefix, then the text as the record indented it. */
    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+│ (.*)$");
    /** A command: {@code   $ } and the command. */
    private static final String COMMAND = "  $ ";
    /** How a command's row ends when the command goes on on the next row. */
    private static final String CONTINUED = " \\";
    /**
     * What a line must not hold: a template variable left unfilled, or a stand-in of the kind the harness once
     * showed instead of a value (PORT, RUN_ID, VERSION, "Release N", ...).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+}|\\b(?:PORT|RUN_ID|VERSION|"
            + "ARTIFACT_URI|HELD_OUT|NEW_DATA|DATA)\\b|Release N\\b|\\(accuracy of|# then");

    private ShownCommands() {
    }

    /** A row of a lane: its name and the text after its prefix. */
    public record Row(String lane, String text) {

        public boolean isCommand() {
            return text.startsWith(COMMAND);
        }

        public String command() {
            return text.substring(COMMAND.length());
        }
    }

    /** The transcript's rows of a lane (lines without a lane prefix left out), a command's rows as one row. */
    public static List<Row> rows(Path transcript) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(transcript)) {
            Matcher matcher = ROW.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            Row row = new Row(matcher.group(1), matcher.group(2));
            Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last.isCommand() && last.text().endsWith(CONTINUED)
                    && last.lane().equals(row.lane())) {
                String head = last.text().substring(0, last.text().length() - CONTINUED.length());
                rows.set(rows.size() - 1, new Row(row.lane(), head + " " + row.text().strip()));
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    public static List<String> of(Path transcript) throws IOException {
        return rows(transcript).stream().filter(Row::isCommand).map(Row::command).toList();
    }

    /** Every shown line is a real command with this run's values: no placeholder, and bash parses it. */
    public static List<String> assertReal(Path transcript) throws Exception {
        List<String> commands = of(transcript);
        assertFalse(commands.isEmpty(), "no $ lines in " + transcript);
        for (String command : commands) {
            assertFalse(PLACEHOLDER.matcher(command).find(), "a placeholder in: " + command);
            Shell.Output parsed = Shell.run(transcript.getParent(), "bash", "-n", "-c", command);
            assertTrue(parsed.exitCode() == 0, "bash -n rejects: " + command + "\n" + parsed.text());
        }
        return commands;
    }
}
