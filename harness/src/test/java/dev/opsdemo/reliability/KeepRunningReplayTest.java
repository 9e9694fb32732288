package dev.opsdemo.reliability;

import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Records;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.ShownCommands;
import dev.opsdemo.support.ShownCommands.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is shown is what runs: a demo started with --keep-running (from a script, in the background) leaves its
 * servers up, and the lines it showed that query them, typed verbatim into bash, answer what the steps showed. Then
 * Ctrl-C stops everything.
 */
@EndToEnd
class KeepRunningReplayTest {

    private static final Pattern STEP = Pattern.compile("^▶ \\[\\d+/\\d+] (\\S+) · .*");
    /** The steps whose server reads ask for what no later step changes, so their answers must be the same now. */
    private static final Set<String> REPLAYED_READS = Set.of("mlops.inspect", "mlops.gate", "mlops.promote");

    @TempDir
    Path workspace;

    @Test
    void theShownQueriesGiveTheShownAnswersWhileTheServersStayUp() throws Exception {
        // On a batch that does not drift, which leaves the same servers up: nothing is retrained, and the promotion's
        // read asks after a champion that stayed (MonitoringTest has the one that moves).
        try (HarnessProcess shell = HarnessProcess.inBackgroundOfScript("demo", "--non-interactive", "--mlflow",
                "local", "--keep-running", "--workspace", workspace.toString(), "--production-data",
                "data/production_reference.csv")) {
            long harness = shell.backgroundPid();
            shell.awaitLine("^→ still up, as the steps left them", Duration.ofMinutes(8));
            assertTrue(shell.output().contains("PASSED 20/20 steps passed"), shell.output());

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
                boolean read = command.startsWith("curl -sS \"") && REPLAYED_READS.contains(step);
                boolean replay = read || command.contains(" ls-remote ") || command.startsWith("curl ")
                        && (command.contains("/invocations") || command.contains("/greeting?"));
                if (!replay) {
                    continue;
                }
                Path dir = cwd != null && command.startsWith("git ") ? Path.of(cwd) : workspace;
                Shell.Output again = Shell.run(dir, "bash", "-c", command);
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

            Shell.ok(MlflowWitness.repoRoot(), "kill", "-INT", String.valueOf(harness));
            assertEquals(130, shell.awaitExit(Duration.ofSeconds(60)), shell.output());
            NothingLeft.assertFor(shell, workspace);
        }
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
