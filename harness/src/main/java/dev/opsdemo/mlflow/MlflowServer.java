package dev.opsdemo.mlflow;

import dev.opsdemo.exec.Dependency;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tracking server the MLOps lane talks to. Three kinds: a container (Testcontainers), a local {@code mlflow server}
 * process, or an external URL. Nothing outside the implementations knows which.
 */
public interface MlflowServer extends AutoCloseable {

    /** {@code container}, {@code local} or {@code external}, as summary.json's {@code mlflowMode}. */
    String mode();

    /** The URL clients use, e.g. {@code http://127.0.0.1:41234}. Also the UI. */
    String trackingUri();

    /** The SQLite backend store on the host, when the harness started the server. */
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
