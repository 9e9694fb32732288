package dev.opsdemo.support;

import dev.opsdemo.exec.Readiness;
import dev.opsdemo.text.TerminalWidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The harness on a real pseudo-terminal: a tmux session runs it, keys are typed with send-keys and the screen is
 * read with capture-pane, as an instructor's terminal would be. Each one is a tmux server of its own (its own
 * socket, no configuration file): the pane is exactly the size asked for (no status line takes a row of it), its
 * history holds a whole demo, and nothing of the user's own tmux is touched.
 */
public final class Tmux implements AutoCloseable {

    /** A terminal's size: {@code columns} wide, {@code rows} high. */
    public record Size(int columns, int rows) {
        @Override
        public String toString() {
            return columns + "x" + rows;
        }
    }

    /** What the tests used before sizes were chosen: a wide terminal, where little needs to be cut. */
    public static final Size WIDE = new Size(160, 50);
    /** Enough for every row of a whole demo, however narrow the terminal (tmux's default keeps 2000). */
    private static final int HISTORY_ROWS = 50_000;
    /** The one session of a terminal's server, and its one pane. */
    private static final String PANE = "harness";

    private final String socket;
    private final Size size;
    private final Path exitFile;
    /** The server's socket, which tmux leaves behind when the server is killed. */
    private Path socketFile;
    /** The harness's pane, by its id (a split makes another pane the session's active one). */
    private String pane = PANE;

    private Tmux(String socket, Size size, Path exitFile) {
        this.socket = socket;
        this.size = size;
        this.exitFile = exitFile;
    }

    /** Starts the harness CLI (this test JVM's classpath) with the given arguments in a new tmux session. */
    public static Tmux harness(Path dir, String... args) throws Exception {
        return harness(dir, WIDE, args);
    }

    /** The same on a terminal of the given size. */
    public static Tmux harness(Path dir, Size size, String... args) throws Exception {
        Tier.endToEndOnly("the harness in tmux");
        if (Shell.run(dir, "tmux", "-V").exitCode() != 0) {
            fail("tmux is not installed; it is needed to test live mode on a real terminal (apt-get install tmux)");
        }
        String socket = "opsdemo-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path exitFile = dir.resolve(socket + ".exit");
        List<String> command = new ArrayList<>(List.of(
                "env", "TESTCONTAINERS_RYUK_DISABLED=true", "TESTCONTAINERS_HOST_OVERRIDE=localhost",
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dopsdemo.repoRoot=" + MlflowWitness.repoRoot(),
                "-cp", System.getProperty("java.class.path"), "dev.opsdemo.cli.Main"));
        command.addAll(List.of(args));
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        line.append("; echo $? > '").append(exitFile).append("'; sleep 600");
        // The server's options are set before its one session (and pane) exists, so the pane is made with them.
        Shell.Output started = Shell.run(dir, "tmux", "-L", socket, "-f", "/dev/null",
                "set-option", "-g", "status", "off", ";",
                "set-option", "-g", "history-limit", String.valueOf(HISTORY_ROWS), ";",
                "new-session", "-d", "-s", PANE, "-x", String.valueOf(size.columns()),
                "-y", String.valueOf(size.rows()), line.toString());
        if (started.exitCode() != 0) {
            fail("tmux new-session failed: " + started.text());
        }
        Tmux terminal = new Tmux(socket, size, exitFile);
        String[] shownAndSocket = terminal.tmux("display-message", "-p", "-t", PANE,
                "#{pane_id} #{pane_width}x#{pane_height} #{socket_path}").firstLine().split(" ", 3);
        terminal.socketFile = Path.of(shownAndSocket[shownAndSocket.length - 1]);
        terminal.pane = shownAndSocket[0];
        String shown = shownAndSocket[1];
        if (!shown.equals(size.toString())) {
            terminal.close();
            fail("tmux made a " + shown + " pane where " + size + " was asked for");
        }
        return terminal;
    }

    public Size size() {
        return size;
    }

    /** The screen and its history, each line as the harness wrote it (a row tmux wrapped is joined again). */
    public String screen() throws InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", pane).text();
    }

    /** Every row of the pane since it started, history and screen, as the terminal shows them (trailing blanks cut). */
    public List<String> rows() throws InterruptedException {
        return withoutTrailingBlanks(tmux("capture-pane", "-p", "-S", "-", "-t", pane).lines());
    }

    /**
     * The lines that ran past the pane's right edge, where the terminal wrapped them back to column 0 (tmux's
     * soft wraps): each as {@code -J} joins its rows again, with its place among those lines. A line the harness cut
     * itself is two lines here, each narrower than the pane; one tmux wrapped is one, wider than the pane. The number
     * of rows and of joined lines must differ by as many rows as the wrapped lines took beyond their first, which
     * also catches a wrap whose width this count and tmux's disagree on (such as an emoji's).
     */
    public List<String> softWrapped() throws InterruptedException {
        List<String> rows = rows();
        List<String> joined = withoutTrailingBlanks(tmux("capture-pane", "-p", "-J", "-S", "-", "-t", pane).lines());
        List<String> wrapped = new ArrayList<>();
        int extraRows = 0;
        for (int i = 0; i < joined.size(); i++) {
            int width = TerminalWidth.of(joined.get(i).stripTrailing());
            if (width > size.columns()) {
                wrapped.add("line " + (i + 1) + " (" + width + " columns): " + joined.get(i).stripTrailing());
                extraRows += (width - 1) / size.columns();
            }
        }
        if (rows.size() - joined.size() != extraRows) {
            wrapped.add("the pane shows " + rows.size() + " rows for " + joined.size() + " lines, "
                    + (rows.size() - joined.size() - extraRows) + " more than the lines above account for");
        }
        return wrapped;
    }

    private static List<String> withoutTrailingBlanks(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }

    public void send(String... keys) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", pane));
        argv.addAll(List.of(keys));
        tmux(argv.toArray(String[]::new));
    }

    /**
     * A second pane below the harness's (which keeps the full width, on {@code rows} fewer rows): a plain
     * interactive bash in {@code dir}, with none of the machine's start-up files, as a user's own terminal beside
     * the harness.
     */
    public Pane splitBelow(Path dir, int rows) throws InterruptedException {
        String id = tmux("split-window", "-v", "-d", "-l", String.valueOf(rows), "-P", "-F", "#{pane_id}", "-t",
                pane, "-c", dir.toString(), "bash --norc --noprofile -i").firstLine().strip();
        return new Pane(id);
    }

    /** A pane other than the harness's, by its tmux id. */
    public final class Pane {
        private final String id;

        private Pane(String id) {
            this.id = id;
        }

        /** Types one line of text literally, then Enter. */
        public void typeLine(String line) throws InterruptedException {
            // "--": a line may start with "-" (a continued command's "-P ..."), which tmux would read as its option.
            tmux("send-keys", "-t", id, "-l", "--", line);
            tmux("send-keys", "-t", id, "Enter");
        }

        public String screen() throws InterruptedException {
            return tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", id).text();
        }

        /** Waits until the pane shows the text; fails with the pane when it does not come. */
        public void await(String text, Duration timeout) {
            awaitOn("the pane", text, timeout, this::screen);
        }
    }

    /** Waits until the screen contains the text; fails with the screen when it does not come. */
    public void await(String text, Duration timeout) {
        awaitOn("the terminal", text, timeout, this::screen);
    }

    /** A pane's text, read anew each time it is asked. */
    @FunctionalInterface
    private interface Screen {
        String text() throws InterruptedException;
    }

    private static void awaitOn(String which, String text, Duration timeout, Screen screen) {
        try {
            Readiness.await(which + " to show \"" + text + "\"", timeout, () -> screen.text().contains(text));
        } catch (Readiness.NotReadyException e) {
            try {
                fail(e.getMessage() + "; " + which + " shows:\n" + screen.text());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How often the text occurs on screen (e.g. how many prompts have been shown). */
    public int count(String text) throws InterruptedException {
        String screen = screen();
        int count = 0;
        for (int at = screen.indexOf(text); at >= 0; at = screen.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    public int awaitExit(Duration timeout) throws Exception {
        Readiness.await("the harness to exit", timeout, () -> Files.isRegularFile(exitFile)
                && !Files.readString(exitFile).isBlank());
        return Integer.parseInt(Files.readString(exitFile).strip());
    }

    /** Ends this terminal's own tmux server (by its socket), and with it the pane and whatever still runs there. */
    @Override
    public void close() throws InterruptedException {
        tmux("kill-server");
        if (socketFile != null) {
            try {
                Files.deleteIfExists(socketFile);
            } catch (java.io.IOException e) {
                // Only a stale file in tmux's directory: nothing runs there any more.
            }
        }
    }

    private Shell.Output tmux(String... command) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
        argv.addAll(List.of(command));
        return Shell.run(Path.of("/"), argv.toArray(String[]::new));
    }
}
