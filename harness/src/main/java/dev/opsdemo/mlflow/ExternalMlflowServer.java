package dev.opsdemo.mlflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code external} kind: a server someone else runs. Nothing is started or stopped. */
final class ExternalMlflowServer implements MlflowServer {

    private final String url;

    ExternalMlflowServer(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String mode() {
        return "external";
    }

    @Override
    public String trackingUri() {
        return url;
    }

    @Override
    public Optional<Path> backendStore() {
        return Optional.empty();
    }

    @Override
    public List<String> recentLogs() {
        return List.of();
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
    }
}
