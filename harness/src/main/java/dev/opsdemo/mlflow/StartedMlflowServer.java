package dev.opsdemo.mlflow;

import org.testcontainers.lifecycle.Startable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the two kinds the harness starts on the workspace's SQLite store have in common: state in that store, logs
 * through a tap; and how a kind in containers (these, and the stack) is started.
 */
abstract class StartedMlflowServer implements MlflowServer {

    private final MlflowStore store;
    private final LogTap logs;

    StartedMlflowServer(MlflowStore store, LogTap logs) {
        this.store = store;
        this.logs = logs;
    }

    /**
     * Starts a server's containers, which a {@code close()} from another thread (Ctrl-C) may stop meanwhile: what
     * failed to start is stopped, and so is what a close found nothing of yet, because it was still being created.
     */
    static void startUnlessClosed(Startable containers, BooleanSupplier closed, String what) {
        try {
            containers.start();
        } catch (RuntimeException e) {
            containers.stop();
            throw e;
        }
        if (closed.getAsBoolean()) {
            containers.stop();
            throw new IllegalStateException(what + " was stopped while it started");
        }
    }

    @Override
    public Optional<Path> backendStore() {
        return Optional.of(store.database());
    }

    @Override
    public List<String> recentLogs() {
        return logs.recent();
    }
}
