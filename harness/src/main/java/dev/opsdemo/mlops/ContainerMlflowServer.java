package dev.opsdemo.mlops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code container} kind: an {@link MlflowContainer} with its state bind-mounted from the workspace. */
final class ContainerMlflowServer implements MlflowServer {

    private final MlflowContainer container;
    private final MlflowStore store;
    private final LogTap logs;

    ContainerMlflowServer(MlflowContainer container, MlflowStore store, LogTap logs) {
        this.container = container;
        this.store = store;
        this.logs = logs;
    }

    static ContainerMlflowServer start(String image, MlflowStore store, LogTap logs, String workspaceLabel) {
        MlflowContainer container = new MlflowContainer(image)
                .withDataDirectory(store.dir())
                .withLabel("opsdemo.workspace", workspaceLabel)
                .withLogConsumer(frame -> logs.accept(frame.getUtf8StringWithoutLineEnding()));
        String user = HostUser.uidAndGid();
        if (!user.startsWith("0:")) {
            container.withUser(user);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
        return new ContainerMlflowServer(container, store, logs);
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
        container.stop();
    }
}
