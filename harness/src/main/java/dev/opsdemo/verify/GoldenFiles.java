package dev.opsdemo.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Expected output kept in the repo as plain text: {@code golden/<step-id>.txt}, one per step, for every MLflow mode.
 * Where a mode shows a step differently (the container mode starts its server with {@code docker run}), that step's
 * file for the mode is {@code golden/<mode>/<step-id>.txt}, and it is read instead.
 *
 * @param mode the MLflow mode of the run being checked (local, container); local is the shared files' own
 */
public record GoldenFiles(Path dir, String mode) {

    public static final String SHARED_MODE = "local";

    /** The file the step is checked against: the mode's own if it has one, else the shared one. */
    public Path file(String stepId) {
        return !sharedMode() && Files.isRegularFile(modeFile(stepId)) ? modeFile(stepId) : sharedFile(stepId);
    }

    public Optional<List<String>> read(String stepId) throws IOException {
        Path file = file(stepId);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllLines(file)) : Optional.empty();
    }

    /** The file every mode shares for the step. */
    public Path sharedFile(String stepId) {
        return dir.resolve(stepId + ".txt");
    }

    /** Whether this mode is the one the shared files are written from. */
    public boolean sharedMode() {
        return mode.equals(SHARED_MODE);
    }

    /**
     * Records what the step showed: in the shared file for the shared mode, else in the mode's own file (to be
     * written only where the mode shows the step differently). Returns the file written.
     */
    public Path write(String stepId, List<String> lines) throws IOException {
        Path file = sharedMode() ? sharedFile(stepId) : modeFile(stepId);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    /** Drops the mode's own file for the step (it shows the step as the shared file says); returns whether one was. */
    public boolean removeOwn(String stepId) throws IOException {
        return !sharedMode() && Files.deleteIfExists(modeFile(stepId));
    }

    private Path modeFile(String stepId) {
        return dir.resolve(mode).resolve(stepId + ".txt");
    }
}
