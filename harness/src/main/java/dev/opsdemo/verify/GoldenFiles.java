package dev.opsdemo.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Expected output kept in the repo as plain text: {@code golden/<step-id>.txt}, one per step. */
public record GoldenFiles(Path dir) {

    public Path file(String stepId) {
        return dir.resolve(stepId + ".txt");
    }

    public Optional<List<String>> read(String stepId) throws IOException {
        Path file = file(stepId);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllLines(file)) : Optional.empty();
    }

    public void write(String stepId, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Files.write(file(stepId), lines);
    }
}
