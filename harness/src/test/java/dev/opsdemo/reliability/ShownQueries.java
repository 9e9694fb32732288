package dev.opsdemo.reliability;

import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Records;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.ShownCommands;
import dev.opsdemo.support.ShownCommands.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is shown is what runs: while a demo kept with {@code --keep-running} has its servers up, the lines it showed
 * that query them, typed verbatim into bash, answer what the steps showed.
 */
final class ShownQueries {

    private static final Pattern STEP = Pattern.compile("^▶ \\[\\d+/\\d+] (\\S+) · .*");
    /** The steps whose server reads ask for what no later step changes, so their answers must be the same now. */
    private static final Set<String> REPLAYED_READS = Set.of("mlops.inspect", "mlops.gate", "mlops.promote");

    private ShownQueries() {
    }

    /** {@code env}: what the learner's shell has beside its own (a stack's client settings, say). */
    static void assertReplayed(Path workspace, Map<String, String> env) throws Exception {
        List<String> replayed = new ArrayList<>();
        String lane = null;
        String step = null;
        String cwd = null;
        List<Row> rows = ShownCommands.rows(workspace.resolve("transcript.txt"));
        for (int i = 0; i < rows.size(); i++) {
            Matcher header = STEP.matcher(rows.get(i).text());
            if (header.matches()) {
                step = header.group(1);
                lane = rows.get(i).lane();
                continue;
            }
            if (!rows.get(i).isCommand() || !rows.get(i).lane().equals(lane)) {
                continue;
            }
            String command = rows.get(i).command();
            if (command.startsWith("cd ")) {
                cwd = command.substring(3);
            }
            boolean read = command.matches("curl -sS (-u \\S+ )?\".*") && REPLAYED_READS.contains(step);
            boolean replay = read || command.contains(" ls-remote ") || command.startsWith("curl ")
                    && (command.contains("/invocations") || command.contains("/greeting?"));
            if (!replay) {
                continue;
            }
            Path dir = cwd != null && command.startsWith("git ") ? Path.of(cwd) : workspace;
            Shell.Output again = Shell.run(dir, env, "bash", "-c", command);
            assertEquals(0, again.exitCode(), command + "\n" + again.text());
            // As the transcript shows it: in rows of its width, a line too wide for one cut over several.
            String ofLane = lane;
            List<String> answer = again.lines().stream().filter(line -> !line.isEmpty())
                    .flatMap(line -> ConsoleListener.recordRows(ofLane, "    " + line, Records.WIDTH).stream())
                    .map(row -> row.substring(row.indexOf("│ ") + "│     ".length())).toList();
            List<String> shown = outputAfter(rows, i, lane);
            assertTrue(!answer.isEmpty() && Collections.indexOfSubList(shown, answer) >= 0,
                    "typed again, `" + command + "` answered\n" + again.text() + "\nbut the step showed\n"
                            + String.join("\n", shown));
            replayed.add(command);
        }
        assertTrue(replayed.stream().anyMatch(c -> c.contains(" ls-remote ")), replayed.toString());
        assertTrue(replayed.stream().anyMatch(c -> c.contains("/invocations")), replayed.toString());
        assertTrue(replayed.stream().anyMatch(c -> c.contains("/runs/get?")), replayed.toString());
        assertTrue(replayed.stream().anyMatch(c -> c.contains("/registered-models/alias?")), replayed.toString());
        ShownCommands.assertReal(workspace.resolve("transcript.txt"));
    }

    /** The output lines of the lane's step after line {@code from}, up to the step's end (commands, notes left out). */
    private static List<String> outputAfter(List<Row> rows, int from, String lane) {
        List<String> output = new ArrayList<>();
        for (int i = from + 1; i < rows.size(); i++) {
            if (!rows.get(i).lane().equals(lane)) {
                continue;
            }
            String text = rows.get(i).text();
            if (text.startsWith("  ✔") || text.startsWith("  ✘") || text.startsWith("▶")) {
                break;
            }
            if (text.startsWith("    ") && !text.startsWith("    → ") && !text.substring(4).isEmpty()) {
                output.add(text.substring(4));
            }
        }
        return output;
    }
}
