package dev.opsdemo.mlflow;

import org.testcontainers.utility.DockerImageName;

/** The {@code container} kind: an {@link MlflowContainer} with its state bind-mounted from the workspace. */
final class ContainerMlflowServer extends StartedMlflowServer {

    private final MlflowContainer container;
    private volatile boolean closed;

    ContainerMlflowServer(MlflowContainer container, MlflowStore store, LogTap logs) {
        super(store, logs);
        this.container = container;
    }

    static ContainerMlflowServer create(DockerImageName image, int hostPort, MlflowStore store, LogTap logs,
                                        String workspaceLabel) {
        MlflowContainer container = new MlflowContainer(image)
                .withHostPort(hostPort)
                .withDataDirectory(store.dir())
                .withLabel(LeftoverContainers.LABEL, workspaceLabel)
                .withLogConsumer(frame -> logs.accept(frame.getUtf8StringWithoutLineEnding()));
        if (!HostUser.isRoot()) {
            container.withUser(HostUser.uidAndGid());
        }
        return new ContainerMlflowServer(container, store, logs);
    }

    /** Creates and starts the container; {@link #close()} from another thread (Ctrl-C) meanwhile removes it. */
    void start() {
        StartedMlflowServer.startUnlessClosed(container, () -> closed, "the MLflow container");
    }

    String containerId() {
        return container.getContainerId();
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
    public boolean isAlive() {
        return container.isRunning();
    }

    @Override
    public void close() {
        closed = true;
        container.stop();
    }
}
