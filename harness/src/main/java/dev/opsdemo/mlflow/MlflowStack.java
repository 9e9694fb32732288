package dev.opsdemo.mlflow;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MLflow as a class's server runs it: PostgreSQL (Testcontainers' PostgreSQL module) and the tracking server with
 * MLflow's authentication app ({@link MlflowContainer}) on one Docker network of their own. PostgreSQL holds both the
 * backend store and the users and their permissions; the tracking server serves the artifacts itself from a bind
 * mount. All its state is in one host directory, {@code WORKSPACE/mlops/stack}, so that it survives a rerun:
 * {@code postgres/} (the database directory), {@code mlflow/} (the artifacts and the auth app's config) and
 * {@link StackSecrets#FILE_NAME}. Only the tracking server is published, on the host's 127.0.0.1.
 */
public final class MlflowStack implements Startable {

    /** The PostgreSQL the stack runs; {@code scripts/postgres-image.sh} builds it here, where no registry answers. */
    public static final String POSTGRES_IMAGE = "opsdemo/postgres:15";
    /** On the stack's network, the tracking server reaches PostgreSQL by this name. */
    public static final String DATABASE_HOST = "postgres";
    public static final String DATABASE = "mlflow";
    public static final String DATABASE_USER = "mlflow";
    public static final String PGDATA = "/var/lib/postgresql/data";
    /** Both stores, with no password in it: libpq takes it from {@link StackSecrets#DATABASE_SIGN_IN}. */
    public static final String DATABASE_URI = "postgresql://" + DATABASE_USER + "@" + DATABASE_HOST + ":"
            + PostgreSQLContainer.POSTGRESQL_PORT + "/" + DATABASE;
    public static final String AUTH_CONFIG = "basic_auth.ini";
    static final String AUTH_CONFIG_VARIABLE = "MLFLOW_AUTH_CONFIG_PATH";
    static final String AUTH_CONFIG_PATH = MlflowContainer.DATA_DIRECTORY + "/" + AUTH_CONFIG;
    /** What the tracking server runs, with the authentication app, both stores in PostgreSQL. */
    public static final List<String> SERVER_COMMAND = List.of("mlflow", "server", "--app-name", "basic-auth",
            "--host", "0.0.0.0", "--port", String.valueOf(MlflowContainer.MLFLOW_PORT), "--workers",
            MlflowContainer.WORKERS, "--backend-store-uri", DATABASE_URI,
            "--artifacts-destination", MlflowContainer.DATA_DIRECTORY + "/" + MlflowStore.ARTIFACTS);
    /**
     * The authentication app's settings: everyone signed in may read everything (the class browses one server
     * together) and change only what they made; the credential cache spares each request its password hashing
     * (half a second here).
     */
    static final String AUTH_SETTINGS = "[mlflow]\ndefault_permission = READ\ndatabase_uri = " + DATABASE_URI
            + "\nadmin_username = " + StackSecrets.ADMIN + "\nauth_cache_ttl_seconds = 300\n";
    /** PostgreSQL says this once per server it starts; a first start starts two (see docker/postgres). */
    private static final String READY = ".*database system is ready to accept connections.*\\s";

    private final Network network;
    private final PostgreSQLContainer postgres;
    private final MlflowContainer mlflow;

    /** The stack's directories, from its root ({@code WORKSPACE/mlops/stack}). */
    public record Directories(Path root) {
        public static Directories in(dev.opsdemo.workspace.Workspace workspace) {
            return new Directories(workspace.mlops().resolve("stack"));
        }

        public Path database() {
            return root.resolve("postgres");
        }

        public Path mlflow() {
            return root.resolve("mlflow");
        }

        /** PostgreSQL writes this file when it made its database directory: a rerun finds a whole one. */
        public boolean databaseExists() {
            return Files.isRegularFile(database().resolve("PG_VERSION"));
        }
    }

    /**
     * {@code label}: every container and the network carry it ({@link LeftoverContainers}); {@code logs}: both
     * servers' output, PostgreSQL's prefixed.
     */
    public MlflowStack(DockerImageName mlflowImage, DockerImageName postgresImage, int hostPort,
                       Directories dirs, StackSecrets secrets, String label, Consumer<String> logs,
                       String networkName) throws IOException {
        Files.createDirectories(dirs.database());
        Files.createDirectories(dirs.mlflow().resolve(MlflowStore.ARTIFACTS));
        Files.writeString(dirs.mlflow().resolve(AUTH_CONFIG), AUTH_SETTINGS);
        network = Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withName(networkName)
                        .withLabels(Map.of(LeftoverContainers.LABEL, label)))
                .build();
        postgres = new PostgreSQLContainer(postgresImage.asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(DATABASE)
                .withUsername(DATABASE_USER)
                .withPassword(secrets.databasePassword())
                .withNetwork(network)
                .withNetworkAliases(DATABASE_HOST)
                .withLabel(LeftoverContainers.LABEL, label)
                .withLogConsumer(frame -> {
                    String line = frame.getUtf8StringWithoutLineEnding();
                    if (!line.isBlank()) {
                        logs.accept("postgres: " + line);
                    }
                })
                // Once on a database directory a rerun finds (no init server runs), twice on a new one.
                .waitingFor(Wait.forLogMessage(READY, dirs.databaseExists() ? 1 : 2)
                        .withStartupTimeout(Duration.ofSeconds(120)))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withBinds(new Bind(dirs.database().toAbsolutePath().toString(), new Volume(PGDATA),
                                AccessMode.rw))
                        // The module publishes its port; here on the host's 127.0.0.1 only, for psql.
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"),
                                ExposedPort.tcp(PostgreSQLContainer.POSTGRESQL_PORT))));
        mlflow = new MlflowContainer(mlflowImage)
                .withHostPort(hostPort)
                .withDataDirectory(dirs.mlflow())
                .withNetwork(network)
                .dependsOn(postgres)
                .withCommand(SERVER_COMMAND.toArray(String[]::new))
                .withEnv(environment(secrets))
                .withLabel(LeftoverContainers.LABEL, label)
                .withLogConsumer(frame -> logs.accept(frame.getUtf8StringWithoutLineEnding()));
        if (!HostUser.isRoot()) {
            postgres.withCreateContainerCmdModifier(cmd -> cmd.withUser(HostUser.uidAndGid()));
            mlflow.withUser(HostUser.uidAndGid());
        }
    }

    /** What the tracking server's container is given besides {@link MlflowContainer}'s own. */
    static Map<String, String> environment(StackSecrets secrets) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put(AUTH_CONFIG_VARIABLE, AUTH_CONFIG_PATH);
        StackSecrets.SERVER_VARIABLES.forEach(name -> env.put(name, secrets.environment().get(name)));
        return env;
    }

    /** Starts PostgreSQL, then the tracking server; each waited for. */
    @Override
    public void start() {
        mlflow.start();
    }

    /** The tracking server, then PostgreSQL (it shuts down cleanly on the stop signal), then the network. */
    @Override
    public void stop() {
        try {
            mlflow.stop();
        } finally {
            try {
                postgres.stop();
            } finally {
                network.close();
            }
        }
    }

    public String trackingUri() {
        return mlflow.getTrackingUri();
    }

    public boolean isRunning() {
        return mlflow.isRunning() && postgres.isRunning();
    }

    public String mlflowContainerId() {
        return mlflow.getContainerId();
    }

    public String postgresContainerId() {
        return postgres.getContainerId();
    }

    public String networkId() {
        return network.getId();
    }
}
