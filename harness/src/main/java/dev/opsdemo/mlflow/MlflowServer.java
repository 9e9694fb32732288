package dev.opsdemo.mlflow;

import dev.opsdemo.exec.Dependency;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracking server the MLOps lane talks to. Four kinds: a container (Testcontainers), a stack of containers
 * (PostgreSQL and MLflow with its authentication app), a local {@code mlflow server} process, or an external URL.
 * Nothing outside the implementations knows which.
 */
public interface MlflowServer extends AutoCloseable {

    /** {@code container}, {@code stack}, {@code local} or {@code external}, as summary.json's {@code mlflowMode}. */
    String mode();

    /** The URL clients use, e.g. {@code http://127.0.0.1:41234}. Also the UI. */
    String trackingUri();

    /**
     * Who the harness is to a server it started with MLflow's authentication app (its admin); empty where it asks
     * nobody, or where the user's own client settings say who they are (an external server).
     */
    default Optional<MlflowCredentials> ownCredentials() {
        return Optional.empty();
    }

    /**
     * What an {@code mlflow} command the lane runs gets besides the harness's own environment: the tracking URI and,
     * for a server the harness signs in to itself, MLflow's client settings for that.
     */
    default Map<String, String> clientEnvironment() {
        return Map.of("MLFLOW_TRACKING_URI", trackingUri());
    }

    /** The backend store on the host (SQLite's file, or PostgreSQL's directory), when the harness started it. */
    Optional<Path> backendStore();

    /** The server's last log lines, for failure messages. */
    List<String> recentLogs();

    /** False once the server's process or container has died (an external one is assumed alive). */
    boolean isAlive();

    /** For processes that talk to this server: when it dies they are stopped at once, not left retrying. */
    default Dependency asDependency() {
        return new Dependency("the MLflow " + mode() + " server at " + trackingUri(), this::isAlive,
                this::recentLogs);
    }

    @Override
    void close();
}
