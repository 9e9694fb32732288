package dev.opsdemo.mlflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the two kinds the harness starts have in common: state in the workspace's store, logs through a tap. */
abstract class StartedMlflowServer implements MlflowServer {

    private final MlflowStore store;
    private final LogTap logs;

    StartedMlflowServer(MlflowStore store, LogTap logs) {
        this.store = store;
        this.logs = logs;
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
