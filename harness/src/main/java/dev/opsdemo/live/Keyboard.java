package dev.opsdemo.live;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Single keys from the terminal without waiting for Enter: the tty is put in non-canonical mode with {@code stty}
 * (Java has no API for it) and restored on close. Ctrl-C still raises SIGINT.
 */
public final class Keyboard implements AutoCloseable {

    public static final int TIMEOUT = -2;

    private Size size;
    private final InputStream in;
    private final String savedSettings;

    private Keyboard(InputStream in, String savedSettings) {
        this.in = in;
        this.savedSettings = savedSettings;
    }

    public static Keyboard open(InputStream in) {
        String saved = stty("-g");
        if (saved != null) {
            stty("-icanon", "-echo", "min", "1");
        }
        return new Keyboard(in, saved);
    }

    /** The next key, or {@link #TIMEOUT} when {@code timeout} passes first (null waits for ever); -1 at end. */
    public int read(Duration timeout) throws IOException, InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (in.available() == 0) {
            if (System.nanoTime() > deadline) {
                return TIMEOUT;
            }
            Thread.sleep(20);
        }
        return in.read();
    }

    /**
     * A line typed with the terminal's own editing and echo, without its end; null when the input ends first. The
     * keys are single again afterwards.
     */
    public String readLine() throws IOException, InterruptedException {
        suspend();
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = read(null)) != '\n') {
                if (b == -1) {
                    return null;
                }
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8);
        } finally {
            resume();
        }
    }

    /** Gives the terminal back as it was (line editing, echo), for a program of the user's own to read it. */
    public void suspend() {
        if (savedSettings != null) {
            stty(savedSettings);
        }
    }

    /** Takes single keys again, after {@link #suspend()}. */
    public void resume() {
        if (savedSettings != null) {
            stty("-icanon", "-echo", "min", "1");
        }
    }

    /** A terminal's size; 0 for what there is no terminal to ask. */
    public record Size(int rows, int columns) {
    }

    /** The terminal's size, as {@code stty size} reads it when first asked (the run is laid out for that size). */
    public synchronized Size size() {
        if (size == null) {
            String answer = stty("size");
            try {
                String[] parts = answer.trim().split("\\s+");
                size = new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
                size = new Size(0, 0);
            }
        }
        return size;
    }

    @Override
    public void close() {
        if (savedSettings != null) {
            stty(savedSettings);
        }
    }

    private static String stty(String... args) {
        List<String> lines = new ArrayList<>();
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            String command = "stty " + String.join(" ", args) + " < /dev/tty";
            ProcessRunner.Result result = new ProcessRunner(cleanup).run(
                    ProcessCommand.of(Path.of("/"), "sh", "-c", command), Duration.ofSeconds(5), lines::add);
            return result.succeeded() ? (lines.isEmpty() ? "" : lines.get(0).strip()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
