package dev.opsdemo.mlflow;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.GenericContainer;
import dev.opsdemo.exec.Http;
import dev.opsdemo.exec.Readiness;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An MLflow tracking server in a container, in the style of Testcontainers' own modules. The image has no
 * entrypoint, so the command is {@code mlflow server ...}; state lives in {@code /mlflow}, which
 * {@link #withDataDirectory} binds to a host directory. The published port is bound to 127.0.0.1 only.
 */
public class MlflowContainer extends GenericContainer<MlflowContainer> {

    /** The MLflow the project pins (sample-ml-project/requirements.txt; a test keeps the two equal). */
    public static final String MLFLOW_VERSION = "3.17.2";
    /** MLflow's published image; the container runs it or an image declared a compatible substitute for it. */
    public static final String REPOSITORY = "ghcr.io/mlflow/mlflow";
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse(REPOSITORY);
    /** A constant string, as an option's default names it. */
    public static final String DEFAULT_IMAGE = REPOSITORY + ":v" + MLFLOW_VERSION;
    public static final int MLFLOW_PORT = 5000;
    /**
     * MLflow 3's server also starts job consumers (huey) for its GenAI features, four more processes that import
     * MLflow at start-up and compete with everything else on a small machine; nothing here uses them.
     */
    public static final String NO_JOBS = "MLFLOW_SERVER_ENABLE_JOB_EXECUTION";
    /**
     * One server worker: uvicorn then serves from its own process, where more workers would each be a process that
     * imports MLflow again (seconds of CPU each on a small machine). It runs MLflow's request handlers on a thread
     * pool, so the lane's concurrent calls (the two evaluations at once) are still served side by side.
     */
    public static final String WORKERS = "1";
    public static final String DATA_DIRECTORY = "/mlflow";
    /** What the container runs: the server on all of the container's interfaces, its state in the data directory. */
    public static final List<String> SERVER_COMMAND = List.of("mlflow", "server", "--host", "0.0.0.0", "--port",
            String.valueOf(MLFLOW_PORT), "--workers", WORKERS,
            "--backend-store-uri", "sqlite:///" + DATA_DIRECTORY + "/" + MlflowStore.DATABASE,
            "--artifacts-destination", DATA_DIRECTORY + "/" + MlflowStore.ARTIFACTS);

    /** 0: a port Docker picks. */
    private int hostPort;

    /** {@code image}: MLflow's, or one declared a substitute for it ({@link MlflowImages#named}). */
    public MlflowContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(MLFLOW_PORT);
        withEnv(NO_JOBS, "false");
        withCommand(SERVER_COMMAND.toArray(String[]::new));
        waitingFor(new HealthAnswers().withStartupTimeout(Duration.ofSeconds(180)));
        withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                hostPort == 0 ? Ports.Binding.bindIp("127.0.0.1") : Ports.Binding.bindIpAndPort("127.0.0.1", hostPort),
                ExposedPort.tcp(MLFLOW_PORT))));
    }

    /**
     * Testcontainers' HTTP wait, but one that gives up as soon as the container has exited (a server that cannot
     * open its store stops at once), rather than after the whole timeout.
     */
    private static final class HealthAnswers extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            String health = "http://127.0.0.1:" + waitStrategyTarget.getMappedPort(MLFLOW_PORT) + "/health";
            Readiness.awaitWhile("the MLflow container's " + health, startupTimeout, () -> Http.answersOk(health),
                    waitStrategyTarget::isRunning);
        }
    }

    /** Publishes the server on this port of the host's 127.0.0.1, chosen beforehand so a command can name it. */
    public MlflowContainer withHostPort(int port) {
        this.hostPort = port;
        return this;
    }

    /**
     * Keeps the server's state (backend store and artifacts) in a host directory. Bound through the create command
     * rather than {@code withFileSystemBind}, whose mount check runs a helper image that must be pulled.
     */
    public MlflowContainer withDataDirectory(Path hostDirectory) {
        Bind bind = new Bind(hostDirectory.toAbsolutePath().toString(), new Volume(DATA_DIRECTORY), AccessMode.rw);
        return withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withBinds(bind));
    }

    /** Runs the server as this user, so files in the bind mount are not left owned by root. */
    public MlflowContainer withUser(String uidAndGid) {
        return withCreateContainerCmdModifier(cmd -> cmd.withUser(uidAndGid));
    }

    public String getTrackingUri() {
        // Published on the host's 127.0.0.1 only (see the port binding), so that is where it answers.
        return "http://127.0.0.1:" + getMappedPort(MLFLOW_PORT);
    }
}
