package dev.opsdemo.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A background server's own log, where its shown command sends it ({@code > FILE 2>&1 &}): each line as it comes,
 * so that the room sees the server's ready line and where its log is rather than every request it logs, and the log
 * can be read while the server runs.
 */
public final class LogFile {

    private LogFile() {
    }

    /** A fresh (emptied) file at {@code file} that every line given is appended to. */
    public static Consumer<String> writingTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log " + file, e);
        }
        return line -> {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // A log that cannot be written loses a line; the server, and the step, go on.
            }
        };
    }
}
