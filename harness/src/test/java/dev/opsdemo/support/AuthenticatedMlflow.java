package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.mlflow.MlflowCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A tracking server as a class's would run: {@code mlflow server --app-name basic-auth} (MLflow's own authentication
 * app, from the project's venv with its {@code mlflow[auth]} extra) on 127.0.0.1, its stores in {@code dir}, where
 * only signed-in users may call the API and a user may read what others made but change only their own.
 */
public final class AuthenticatedMlflow implements AutoCloseable {

    private static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cleanup cleanup;
    private final LocalService service;
    private final Path dir;
    private final String adminPassword;

    private AuthenticatedMlflow(Cleanup cleanup, LocalService service, Path dir, String adminPassword) {
        this.cleanup = cleanup;
        this.service = service;
        this.dir = dir;
        this.adminPassword = adminPassword;
    }

    public static AuthenticatedMlflow start(Path dir) throws Exception {
        Tier.endToEndOnly("an MLflow server");
        Files.createDirectories(dir);
        Path config = dir.resolve("auth.ini");
        // READ: a user sees the others' runs and models but may change only what they created (MANAGE). The
        // credential cache, off by default, spares each request its password hashing (half a second here): a lane
        // makes hundreds of requests, a class many times more.
        Files.writeString(config, "[mlflow]\ndefault_permission = READ\ndatabase_uri = sqlite:///"
                + dir.resolve("basic_auth.db") + "\nadmin_username = " + ADMIN + "\nauth_cache_ttl_seconds = 300\n");
        String adminPassword = password();
        int port = Ports.freeLoopbackPort();
        Path venv = MlflowWitness.repoRoot().resolve(".venv");
        Cleanup cleanup = new Cleanup(problem -> { });
        try {
            LocalService service = LocalService.start(new ProcessRunner(cleanup), new ProcessCommand(List.of(
                    venv.resolve("bin/mlflow").toString(), "server", "--app-name", "basic-auth", "--host",
                    "127.0.0.1", "--port", String.valueOf(port), "--workers", "1", "--backend-store-uri",
                    "sqlite:///" + dir.resolve("mlflow.db"), "--artifacts-destination",
                    dir.resolve("artifacts").toString()), dir, Map.of("MLFLOW_AUTH_CONFIG_PATH", config.toString(),
                    "MLFLOW_FLASK_SERVER_SECRET_KEY", password(), "MLFLOW_AUTH_ADMIN_PASSWORD", adminPassword)),
                    line -> { }, "mlflow server --app-name basic-auth", port, "/health", Duration.ofSeconds(120));
            return new AuthenticatedMlflow(cleanup, service, dir, adminPassword);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    /** 24 hex digits: MLflow asks for at least 12 characters. */
    private static String password() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String url() {
        return service.baseUrl();
    }

    /** The backend store, for {@link MlflowWitness}. */
    public Path mlflowDb() {
        return dir.resolve("mlflow.db");
    }

    /**
     * A new user, as the admin makes one ({@code POST users/create}); returns MLflow's client settings that sign in
     * as them, as a learner exports them.
     */
    public Map<String, String> createUser(String name) throws Exception {
        String password = password();
        Shell.Output created = Shell.run(dir, "curl", "-sS", "-f", "-u", ADMIN + ":" + adminPassword,
                url() + "/api/2.0/mlflow/users/create", "--json",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (created.exitCode() != 0) {
            throw new AssertionError("users/create " + name + " failed:\n" + created.text());
        }
        return Map.of(MlflowCredentials.USERNAME, name, MlflowCredentials.PASSWORD, password);
    }

    @Override
    public void close() {
        cleanup.close();
    }
}
