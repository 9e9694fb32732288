package dev.opsdemo.mlops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code container} kind: an {@link MlflowContainer} with its state bind-mounted from the workspace. */
final class ContainerMlflowServer implements MlflowServer {

    private final MlflowContainer container;
    private final MlflowStore store;
    private final LogTap logs;
    private volatile boolean closed;

    ContainerMlflowServer(MlflowContainer container, MlflowStore store, LogTap logs) {
        this.container = container;
        this.store = store;
        this.logs = logs;
    }

    static ContainerMlflowServer create(String image, MlflowStore store, LogTap logs, String workspaceLabel) {
        MlflowContainer container = new MlflowContainer(image)
                .withDataDirectory(store.dir())
                .withLabel(LeftoverContainers.LABEL, workspaceLabel)
                .withLogConsumer(frame -> logs.accept(frame.getUtf8StringWithoutLineEnding()));
        String user = HostUser.uidAndGid();
        if (!user.startsWith("0:")) {
            container.withUser(user);
        }
        return new ContainerMlflowServer(container, store, logs);
    }

    /** Creates and starts the container; {@link #close()} from another thread (Ctrl-C) meanwhile removes it. */
    void start() {
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
        if (closed) {
            // Closed while the container was being created: the close found nothing to remove yet.
            container.stop();
            throw new IllegalStateException("the MLflow container was stopped while it started");
        }
    }

    @Override
    public String mode() {
        return "container";
    }

    @Override
    public String trackingUri() {
        return container.getTrackingUri();
    }

    @Override
    public Optional<Path> backendStore() {
        return Optional.of(store.database());
    }

    @Override
    public List<String> recentLogs() {
        return logs.recent();
    }

    @Override
    public boolean isAlive() {
        return container.isRunning();
    }

    @Override
    public void quiet() {
        logs.quiet();
    }

    public String containerName() {
        return container.getContainerName();
    }

    @Override
    public void close() {
        closed = true;
        container.stop();
    }
}
