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

/** The {@code $} lines a run showed, read from its transcript, and what every one of them must be. */
public final class ShownCommands {

    /** A command line in the transcript: the lane's prefix, then {@code   $ } and the command. */
    private static final Pattern COMMAND = Pattern.compile("^\\S+\\s+│ {3}\\$ (.*)$");
    /**
     * What a line must not hold: a template variable left unfilled, or a stand-in of the kind the harness once
     * showed instead of a value (PORT, RUN_ID, VERSION, "Release N", ...).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+}|\\b(?:PORT|RUN_ID|VERSION|"
            + "ARTIFACT_URI|HELD_OUT|NEW_DATA|DATA)\\b|Release N\\b|\\(accuracy of|# then");

    private ShownCommands() {
    }

    public static List<String> of(Path transcript) throws IOException {
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(transcript)) {
            Matcher matcher = COMMAND.matcher(line);
            if (matcher.matches()) {
                commands.add(matcher.group(1));
            }
        }
        return commands;
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
