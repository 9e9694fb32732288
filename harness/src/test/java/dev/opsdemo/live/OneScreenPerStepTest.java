package dev.opsdemo.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.exec.Readiness;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Tmux;
import dev.opsdemo.text.TerminalRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 19, "the stage teaches": a whole live demo, auto-advancing with no key waits, on the terminals a room sees
 * it on: 120x40 with MLflow in a container (the MLOps lane, on a batch that does not drift), 80x24 with a local MLflow
 * server (both lanes). From
 * the opening to the end screen every row is one the harness wrote at the terminal's width (the terminal never wraps
 * one back to column 0), each step from its header to its verdict fits one screen, no server or Python warning line
 * reaches the screen (the workspace's logs hold them), the training step's progress line comes and goes, and q at the
 * end screen stops everything. At 80x24 an o typed ahead shows, at the next prompt, the lines a step folded. LiveModeTest covers the
 * keys (Enter, !, q mid-demo) at 160x50.
 */
@EndToEnd
class OneScreenPerStepTest {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DEMO = Duration.ofMinutes(15);
    private static final Pattern HEADER = Pattern.compile("^▶ \\[\\d+/\\d+] (\\S+) · .*");
    private static final Pattern VERDICT = Pattern.compile("^  ✔ (\\S+) passed in .*");
    private static final Pattern LISTING = Pattern.compile("^    the (\\d+) lines? (\\S+) folded:$");
    private static final Pattern MARKER = Pattern.compile("^    … (\\d+) (?:more lines?|lines? of the tool's own log) · o "
            + "shows them$");
    /** What the servers and Python would print were their output on screen (their logs' lines). */
    private static final List<String> NOT_ON_SCREEN = List.of("Uvicorn running", "INFO:     ",
            "Started server process", "Warning", "WARNING mlflow", "[MLflow] Security middleware", "GET /ping",
            "GET /health", "POST /invocations", "Registry store URI not provided");

    @TempDir
    Path dir;

    @Test
    void atOneHundredTwentyByFortyWithMlflowInAContainer() throws Exception {
        Docker.require();
        Path workspace = dir.resolve("ws");
        // The MLOps lane alone (the DevOps lane's steps fit 80x24 below, so they fit here), on a batch that does not
        // drift: the steps a drift adds (retraining, the challenger, both evaluations, a promotion) fit 80x24 too;
        // their no-drift variants are the ones measured here.
        demo(workspace, new Tmux.Size(120, 40), false, "--only", "mlops", "--mlflow", "container",
                "--production-data", "data/production_reference.csv");
        Docker.assertNoContainersOf(workspace.toString());
        // The container's own log (what docker logs shows) is in the workspace too.
        assertLogs(workspace, "mlops.server.log", "Uvicorn running on");
        assertLogs(workspace, "mlops.serve.log", "Uvicorn running on", "GET /ping");
    }

    @Test
    void atEightyByTwentyFourWithALocalMlflowServerAndOShowingWhatAStepFolded() throws Exception {
        Path workspace = dir.resolve("ws");
        demo(workspace, new Tmux.Size(80, 24), true, "--mlflow", "local");
        assertLogs(workspace, "mlops.server.log", "Uvicorn running on", "[MLflow] Security middleware");
        assertLogs(workspace, "mlops.serve.log", "Uvicorn running on", "GET /ping");
    }

    /** The check above sees a row the terminal wrapped: picocli's usage is laid out for 80 columns, not 40. */
    @Test
    void aLineWiderThanTheTerminalIsSeenAsWrapped() throws Exception {
        try (Tmux terminal = Tmux.harness(dir, new Tmux.Size(40, 10), "--help")) {
            terminal.await("Usage:", START);
            terminal.awaitExit(START);
            List<String> wrapped = terminal.softWrapped();
            if (wrapped.isEmpty() || !wrapped.get(0).contains(" columns): ")) {
                fail("no wrapped line seen in:\n" + String.join("\n", terminal.rows()));
            }
        }
    }

    /**
     * Runs the demo to its end screen on a terminal of {@code size}, checks what it showed, then stops it with q;
     * {@code typeO}: o is typed ahead once a step has folded, and must show that step's folded lines.
     */
    private void demo(Path workspace, Tmux.Size size, boolean typeO, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("demo", "--workspace", workspace.toString(), "--typing-speed",
                "0", "--auto-advance", "0"));
        args.addAll(List.of(options));
        boolean bothLanes = !args.contains("--only");
        List<String> problems = new ArrayList<>();
        List<String> rows;
        try (Tmux terminal = Tmux.harness(dir, size, args.toArray(String[]::new))) {
            terminal.await("▶ [1/", START);
            // Training takes long enough for its status line, which its verdict replaces.
            terminal.await("⋯ mlops.train running · ", DEMO);
            terminal.await("✔ mlops.train passed", DEMO);
            if (typeO) {
                // Read at the next prompt (the keys wait in the terminal while a step runs), as o after a fold.
                terminal.await(" · o shows them", DEMO);
                terminal.send("o");
                terminal.await(" folded:", DEMO);
            }
            terminal.await("→ still up, as the steps left them", DEMO);
            JsonNode summary = HarnessRun.summary(workspace);
            List<String> addresses = addresses(summary, bothLanes);
            for (String address : addresses) {
                terminal.await(address, START);  // the end screen has been written out
            }
            // While the end screen waits, the MLflow UI answers (its page and its server's health).
            String tracking = summary.at("/facts/mlops/trackingUri").asText();
            if (!Shell.run(dir, "curl", "-sS", tracking + "/health").text().strip().equals("OK")
                    || !Shell.run(dir, "curl", "-sS", tracking + "/").text().contains("<title>MLflow")) {
                problems.add("the MLflow UI at " + tracking + " does not answer while the end screen waits");
            }
            rows = terminal.rows();
            terminal.softWrapped().forEach(line -> problems.add("wrapped by the terminal, not cut by the harness: "
                    + line));
            problems.addAll(opening(rows, bothLanes));
            problems.addAll(steps(rows, size, workspace));
            if (typeO && rows.stream().noneMatch(LISTING.asMatchPredicate())) {
                problems.add("o showed no folded lines");
            }
            for (String row : rows) {
                NOT_ON_SCREEN.stream().filter(row::contains).findFirst().ifPresent(line -> problems.add(
                        "a server's or Python's line on screen (\"" + line + "\"): " + row));
                if (row.contains("⋯")) {
                    problems.add("a progress line left on screen: " + row);
                }
            }
            terminal.send("q");
            assertEquals(0, terminal.awaitExit(START), String.join("\n", terminal.rows()));
            if (!terminal.screen().contains("→ stopping everything")) {
                problems.add("q at the end screen did not say it stops everything");
            }
            assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
            // What stays up after the harness (the pane's shell) names the workspace too: closed with the terminal.
            terminal.close();
            Readiness.await("no process naming the workspace", Duration.ofSeconds(5),
                    () -> Shell.run(dir, "pgrep", "-f", workspace.toString()).text().isEmpty());
            addresses.forEach(Leftovers::assertNotListening);
        }
        if (bothLanes) {
            assertLogs(workspace, "devops.deploy.log", "listening on http://127.0.0.1:");
        }
        if (!problems.isEmpty()) {
            // The whole screen measured, numbered, in the test's output (Surefire's -output.txt), to look at.
            for (int i = 0; i < rows.size(); i++) {
                System.out.printf("%4d %s%n", i, rows.get(i));
            }
            fail("at " + size + ":\n" + String.join("\n", problems));
        }
    }

    /**
     * The servers' addresses the end screen lists (the lanes' facts named ...Url or ...Uri that are servers): the
     * MLOps lane's, and the DevOps lane's too when {@code bothLanes}.
     */
    private static List<String> addresses(JsonNode summary, boolean bothLanes) {
        List<String> addresses = new ArrayList<>();
        List<String> facts = new ArrayList<>(List.of("/facts/mlops/trackingUri", "/facts/mlops/modelServerUrl"));
        if (bothLanes) {
            facts.addAll(0, List.of("/facts/devops/remoteUrl", "/facts/devops/appUrl"));
        }
        for (String fact : facts) {
            String address = summary.at(fact).asText();
            if (address.isEmpty()) {
                fail("summary.json has no " + fact + ": " + summary.get("facts"));
            }
            addresses.add(address);
        }
        return addresses;
    }

    /** The title screen was shown (both lanes', or one's), and the first step came after it (auto-advance left it). */
    private static List<String> opening(List<String> rows, boolean bothLanes) {
        int title = rows.indexOf(bothLanes ? "DevOps vs MLOps: two real pipelines, side by side"
                : "MLOps: a real pipeline, step by step");
        int go = rows.indexOf("Starting in 0s · Enter starts now · q quits.");
        int first = firstIndex(rows, HEADER, 0);
        if (title < 0 || go < title || first < go) {
            return List.of("the opening (title at row " + title + ", \"Starting in 0s\" at " + go + ") does not come "
                    + "before the first step (row " + first + ")");
        }
        return List.of();
    }

    /**
     * Each step's rows, from its header to its verdict, less the lines o showed under its prompt (asked for, not the
     * step's); printed for every step, a problem for each one taller than the screen.
     */
    private static List<String> steps(List<String> rows, Tmux.Size size, Path workspace) throws Exception {
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("rows per step at " + size + " (header to verdict):\n");
        String folded = null;  // the last step that folded, whose lines an o shows
        for (int header = firstIndex(rows, HEADER, 0); header >= 0; header = firstIndex(rows, HEADER, header + 1)) {
            String step = matcher(HEADER, rows.get(header)).group(1);
            int verdict = header + 1;
            while (verdict < rows.size() && !(VERDICT.matcher(rows.get(verdict)).matches()
                    && matcher(VERDICT, rows.get(verdict)).group(1).equals(step))) {
                verdict++;
            }
            if (verdict == rows.size()) {
                problems.add(step + ": no verdict after its header (row " + header + ")");
                continue;
            }
            int shown = verdict - header + 1;
            String note = "";
            for (int row = header; row < verdict; row++) {
                if (LISTING.matcher(rows.get(row)).matches()) {
                    int listed = listing(rows, row, folded, workspace, size, problems);
                    shown -= listed;
                    note = " (and " + listed + " rows o showed of " + folded + "'s folded lines)";
                }
            }
            for (int row = header; row < verdict; row++) {
                if (MARKER.matcher(rows.get(row)).matches()) {
                    folded = step;
                }
            }
            table.append(String.format("  %-16s %3d%s%n", step, shown, note));
            if (shown > size.rows()) {
                problems.add(step + " takes " + shown + " rows from its header to its verdict, more than the "
                        + size.rows() + " of a " + size + " screen");
            }
        }
        System.out.print(table);
        if (!problems.isEmpty()) {
            problems.add(0, table.toString().strip());
        }
        return problems;
    }

    /**
     * The rows o showed from {@code row} ("the N lines folded above:"): the step {@code folded}'s N lines that the
     * screen had held back, each as the screen shows a step's output, found among that step's lines in the
     * transcript (which keeps every line).
     */
    private static int listing(List<String> rows, int row, String folded, Path workspace, Tmux.Size size,
                               List<String> problems) throws Exception {
        int count = Integer.parseInt(matcher(LISTING, rows.get(row)).group(1));
        if (folded != null && !folded.equals(matcher(LISTING, rows.get(row)).group(2))) {
            problems.add("o named " + matcher(LISTING, rows.get(row)).group(2) + " at row " + row + ", but the last "
                    + "step that folded was " + folded);
        }
        if (folded == null) {
            problems.add("o showed " + count + " lines at row " + row + ", but no step had folded before it");
            return 1;
        }
        // The lines o showed, in the order of the step's lines in the transcript (which keeps every line).
        List<String> expected = new ArrayList<>();
        for (String line : transcriptLines(workspace, folded)) {
            expected.add(String.join("\n", TerminalRows.output(line, size.columns() - 1).stream()
                    .map(String::stripTrailing).toList()));
        }
        int at = row + 1;
        int found = 0;
        for (String line : expected) {
            List<String> cut = List.of(line.split("\n"));
            if (found < count && at + cut.size() <= rows.size() && rows.subList(at, at + cut.size()).equals(cut)) {
                at += cut.size();
                found++;
            }
        }
        if (found == count) {
            return at - row;
        }
        problems.add("o showed " + count + " lines at row " + row + ", of which " + found + " are " + folded
                + "'s output lines in the transcript, in order:\n" + String.join("\n", rows.subList(row,
                Math.min(rows.size(), row + count + 1))));
        return 1;
    }

    /** A step's output lines in transcript.txt, as the terminal indents them (after the lane's prefix). */
    private static List<String> transcriptLines(Path workspace, String step) throws Exception {
        List<String> lines = new ArrayList<>();
        boolean inStep = false;
        for (String line : Files.readAllLines(workspace.resolve("transcript.txt"))) {
            int prefix = line.indexOf(" │ ");
            String text = prefix < 0 ? line : line.substring(prefix + 3);
            if (HEADER.matcher(text).matches()) {
                inStep = matcher(HEADER, text).group(1).equals(step);
            } else if (inStep && text.startsWith("    ") && !text.startsWith("    → ")) {
                lines.add(text);
            }
        }
        return lines;
    }

    private static void assertLogs(Path workspace, String log, String... lines) throws Exception {
        String text = Files.readString(workspace.resolve("logs").resolve(log));
        for (String line : lines) {
            if (!text.contains(line)) {
                fail("logs/" + log + " has no \"" + line + "\":\n" + text);
            }
        }
    }

    private static int firstIndex(List<String> rows, Pattern pattern, int from) {
        for (int i = from; i < rows.size(); i++) {
            if (pattern.matcher(rows.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static Matcher matcher(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(text);
        }
        return matcher;
    }
}
