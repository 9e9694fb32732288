package dev.opsdemo.mlflow;

import org.testcontainers.DockerClientFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a Docker engine answers, asked the way Testcontainers itself will connect to it. */
public final class DockerEngine {

    private DockerEngine() {
    }

    public static boolean available() {
        if (missingDockerHostSocket().isPresent()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** What was asked for, when it is not there, e.g. {@code DOCKER_HOST=unix:///run/user/1000/docker.sock}. */
    public static String unavailableDetail() {
        return missingDockerHostSocket().map(socket -> " at DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                + " (" + socket + " does not exist)").orElse("");
    }

    /**
     * DOCKER_HOST names the engine, as it does for the docker CLI. Testcontainers would fall back to
     * /var/run/docker.sock when that engine does not answer, and start the container on an engine nobody chose.
     */
    private static Optional<Path> missingDockerHostSocket() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || !host.startsWith("unix://")) {
            return Optional.empty();
        }
        Path socket = Path.of(URI.create(host).getPath());
        return Files.exists(socket) ? Optional.empty() : Optional.of(socket);
    }
}
