package dev.opsdemo.support;

import dev.opsdemo.exec.Readiness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The harness on a real pseudo-terminal: a tmux session runs it, keys are typed with send-keys and the screen is
 * read with capture-pane, as an instructor's terminal would be.
 */
public final class Tmux implements AutoCloseable {

    private final String session;
    private final Path exitFile;

    private Tmux(String session, Path exitFile) {
        this.session = session;
        this.exitFile = exitFile;
    }

    /** Starts the harness CLI (this test JVM's classpath) with the given arguments in a new tmux session. */
    public static Tmux harness(Path dir, String... args) throws Exception {
        Tier.endToEndOnly("the harness in tmux");
        if (Shell.run(dir, "tmux", "-V").exitCode() != 0) {
            fail("tmux is not installed; it is needed to test live mode on a real terminal (apt-get install tmux)");
        }
        String session = "opsdemo-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path exitFile = dir.resolve(session + ".exit");
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
        Shell.Output started = Shell.run(dir, "tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50",
                line.toString());
        if (started.exitCode() != 0) {
            fail("tmux new-session failed: " + started.text());
        }
        return new Tmux(session, exitFile);
    }

    public String screen() throws InterruptedException {
        return Shell.run(Path.of("/"), "tmux", "capture-pane", "-p", "-J", "-S", "-3000", "-t", session).text();
    }

    public void send(String... keys) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        argv.addAll(List.of(keys));
        Shell.run(Path.of("/"), argv.toArray(String[]::new));
    }

    /** Waits until the screen contains the text; fails with the screen when it does not come. */
    public void await(String text, Duration timeout) {
        try {
            Readiness.await("the terminal to show \"" + text + "\"", timeout, () -> screen().contains(text));
        } catch (Readiness.NotReadyException e) {
            try {
                fail(e.getMessage() + "; the screen shows:\n" + screen());
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

    @Override
    public void close() throws InterruptedException {
        Shell.run(Path.of("/"), "tmux", "kill-session", "-t", session);
    }
}
