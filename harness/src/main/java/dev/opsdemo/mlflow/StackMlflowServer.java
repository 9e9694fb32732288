package dev.opsdemo.mlflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code stack} kind: an {@link MlflowStack} (PostgreSQL and the tracking server with its authentication app),
 * its state in the workspace; the harness signs in to it as its admin.
 */
final class StackMlflowServer implements MlflowServer {

    private final MlflowStack stack;
    private final MlflowStack.Directories dirs;
    private final StackSecrets secrets;
    private final LogTap logs;
    private volatile boolean closed;

    StackMlflowServer(MlflowStack stack, MlflowStack.Directories dirs, StackSecrets secrets, LogTap logs) {
        this.stack = stack;
        this.dirs = dirs;
        this.secrets = secrets;
        this.logs = logs;
    }

    /** Starts both containers; {@link #close()} from another thread (Ctrl-C) meanwhile removes them. */
    void start() {
        StartedMlflowServer.startUnlessClosed(stack, () -> closed, "the MLflow stack");
    }

    MlflowStack stack() {
        return stack;
    }

    @Override
    public String mode() {
        return "stack";
    }

    @Override
    public String trackingUri() {
        return stack.trackingUri();
    }

    /** PostgreSQL's database directory, which holds both stores. */
    @Override
    public Optional<Path> backendStore() {
        return Optional.of(dirs.database());
    }

    @Override
    public List<String> recentLogs() {
        return logs.recent();
    }

    @Override
    public boolean isAlive() {
        return stack.isRunning();
    }

    @Override
    public Optional<MlflowCredentials> ownCredentials() {
        return Optional.of(secrets.admin());
    }

    @Override
    public Map<String, String> clientEnvironment() {
        return secrets.admin().environment(trackingUri());
    }

    @Override
    public void close() {
        closed = true;
        stack.stop();
    }
}
