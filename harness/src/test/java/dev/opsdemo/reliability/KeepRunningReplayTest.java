package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.ShownCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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

    /** A line of the transcript: the lane's prefix, then the text as the terminal indented it. */
    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+│ (.*)$");
    private static final Pattern STEP = Pattern.compile("^▶ \\[\\d+/\\d+] (\\S+) · .*");
    /** The steps whose server reads ask for what no later step changes, so their answers must be the same now. */
    private static final Set<String> REPLAYED_READS = Set.of("mlops.inspect", "mlops.gate", "mlops.decide");

    @TempDir
    Path workspace;

    @Test
    void theShownQueriesGiveTheShownAnswersWhileTheServersStayUp() throws Exception {
        try (HarnessProcess shell = HarnessProcess.inBackgroundOfScript("demo", "--non-interactive", "--mlflow",
                "local", "--keep-running", "--workspace", workspace.toString())) {
            long harness = shell.backgroundPid();
            shell.awaitLine("^→ still up, as the steps left them", Duration.ofMinutes(8));
            assertTrue(shell.output().contains("PASSED 17/17 steps passed"), shell.output());

            List<String> replayed = new ArrayList<>();
            String lane = null;
            String step = null;
            String cwd = null;
            List<String[]> lines = lines(workspace.resolve("transcript.txt"));
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i)[1];
                Matcher header = STEP.matcher(text);
                if (header.matches()) {
                    step = header.group(1);
                    lane = lines.get(i)[0];
                    continue;
                }
                if (!text.startsWith("  $ ") || !lines.get(i)[0].equals(lane)) {
                    continue;
                }
                String command = text.substring(4);
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
                List<String> answer = again.lines().stream().filter(line -> !line.isEmpty()).toList();
                List<String> shown = outputAfter(lines, i, lines.get(i)[0]);
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

    /** Each transcript line as {lane, text after the prefix}; lines without a lane prefix are left out. */
    private static List<String[]> lines(Path transcript) throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(transcript)) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                lines.add(new String[] {matcher.group(1), matcher.group(2)});
            }
        }
        return lines;
    }

    /** The output lines of the lane's step after line {@code from}, up to the step's end (commands, notes left out). */
    private static List<String> outputAfter(List<String[]> lines, int from, String lane) {
        List<String> output = new ArrayList<>();
        for (int i = from + 1; i < lines.size(); i++) {
            if (!lines.get(i)[0].equals(lane)) {
                continue;
            }
            String text = lines.get(i)[1];
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
