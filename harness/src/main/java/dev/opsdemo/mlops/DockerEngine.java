package dev.opsdemo.mlops;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, asked the way Testcontainers itself will connect to it. */
public final class DockerEngine {

    private DockerEngine() {
    }

    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
