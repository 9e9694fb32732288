package dev.opsdemo.mlflow;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.LogFile;
import dev.opsdemo.exec.Http;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.Readiness;

import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts (or connects to) the server {@code --mlflow} asked for. What it will start is decided first, as a
 * {@link Plan}, so that the step can show the exact command before it runs; {@code auto} says which kind it picked
 * and why.
 */
public final class MlflowServers {

    private MlflowServers() {
    }

    /**
     * The server this run starts or reaches: its kind (auto resolved), why, the image a container runs (a local
     * build standing in for the default image), the host port, the tracking URI, and for a stack its PostgreSQL image
     * and the name of its network (null otherwise).
     */
    public record Plan(MlflowTarget.Kind kind, List<String> reasons, String image, int port, String url,
                       String databaseImage, String network) {
    }

    public static Plan plan(MlflowTarget target, String image) {
        List<String> reasons = new ArrayList<>();
        MlflowTarget.Kind kind = target.kind();
        if (kind == MlflowTarget.Kind.AUTO) {
            if (DockerEngine.available()) {
                reasons.add("--mlflow auto: a Docker engine answers, so the server runs in a container");
                kind = MlflowTarget.Kind.CONTAINER;
            } else {
                reasons.add("--mlflow auto: no Docker engine answers" + DockerEngine.unavailableDetail()
                        + ", so the server runs as a local `mlflow server` process from the venv");
                kind = MlflowTarget.Kind.LOCAL;
            }
        }
        if (kind == MlflowTarget.Kind.EXTERNAL) {
            return new Plan(kind, reasons, image, 0, target.url(), null, null);
        }
        boolean containers = kind == MlflowTarget.Kind.CONTAINER || kind == MlflowTarget.Kind.STACK;
        String resolved = containers && DockerEngine.available() ? MlflowImages.resolve(image, reasons::add) : image;
        int port = Ports.freeLoopbackPort();
        return new Plan(kind, reasons, resolved, port, "http://127.0.0.1:" + port,
                kind == MlflowTarget.Kind.STACK ? MlflowStack.POSTGRES_IMAGE : null,
                // Named before it exists, so that the shown commands name it: unique to this run.
                kind == MlflowTarget.Kind.STACK ? "opsdemo-stack-" + port + "-" + Long.toHexString(
                        System.nanoTime() & 0xffffff) : null);
    }

    /**
     * The lines that do what {@link #start} does, as a learner types them: the venv and its settings (the later
     * steps' {@code mlflow} commands use them), the server, and the tracking URI every later command reads. They
     * go on in the workspace, which the paths after the {@code cd} are relative to.
     */
    public static Command command(Plan plan) {
        List<String> lines = new ArrayList<>(List.of("source ${VENV}/bin/activate", "cd ${WORKSPACE}",
                PythonEnv.EXPORTED));
        switch (plan.kind()) {
            case LOCAL -> lines.add(MlflowContainer.NO_JOBS + "=false " + String.join(" ",
                    LocalMlflowServer.command("mlflow", "${MLFLOW_PORT}", "${STORE}")) + " > ${SERVER_LOG} 2>&1 &");
            case CONTAINER -> lines.add("docker run -d -p 127.0.0.1:${MLFLOW_PORT}:" + MlflowContainer.MLFLOW_PORT
                    // ./: a relative bind mount (Docker 23 and later) rather than the name of a volume.
                    + " -v ./${STORE}:" + MlflowContainer.DATA_DIRECTORY + " -e " + MlflowContainer.NO_JOBS + "=false"
                    + " --label " + LeftoverContainers.LABEL + "=${WORKSPACE}"
                    + (HostUser.isRoot() ? "" : " --user " + HostUser.uidAndGid())
                    + " ${MLFLOW_IMAGE} " + String.join(" ", MlflowContainer.SERVER_COMMAND));
            case STACK -> lines.addAll(stackLines());
            case EXTERNAL -> { }
            case AUTO -> throw new IllegalStateException("resolved by plan()");
        }
        lines.add("export MLFLOW_TRACKING_URI=" + (plan.kind() == MlflowTarget.Kind.EXTERNAL ? plan.url()
                : "http://127.0.0.1:${MLFLOW_PORT}"));
        if (plan.kind() == MlflowTarget.Kind.EXTERNAL) {
            lines.add("curl -sS ${MLFLOW_TRACKING_URI}/health; echo");
        }
        return new Command(lines);
    }

    /**
     * The stack as a learner starts it by hand: its secrets into the shell (docker's {@code -e NAME} passes each on
     * by name, so no value is on a command line), the network, PostgreSQL on it under the name the tracking server
     * reaches it by, then the tracking server with the authentication app; both bind-mount their state from the
     * workspace and carry its label, as the containers the harness starts do.
     */
    private static List<String> stackLines() {
        String label = " --label " + LeftoverContainers.LABEL + "=${WORKSPACE}";
        String user = HostUser.isRoot() ? "" : " --user " + HostUser.uidAndGid();
        String env = " -e " + MlflowStack.AUTH_CONFIG_VARIABLE + "=" + MlflowStack.AUTH_CONFIG_PATH
                + StackSecrets.SERVER_VARIABLES.stream().map(name -> " -e " + name).collect(Collectors.joining());
        return List.of("set -a && . ${STACK}/" + StackSecrets.FILE_NAME + " && set +a",
                "docker network create" + label + " ${STACK_NETWORK}",
                "docker run -d --network ${STACK_NETWORK} --network-alias " + MlflowStack.DATABASE_HOST
                        + " -p 127.0.0.1::5432 -v ./${STACK}/postgres:" + MlflowStack.PGDATA
                        + " -e POSTGRES_DB=" + MlflowStack.DATABASE + " -e POSTGRES_USER=" + MlflowStack.DATABASE_USER
                        + " -e " + StackSecrets.DATABASE_PASSWORD + label + user + " ${POSTGRES_IMAGE} postgres -c "
                        + "fsync=off",
                "docker run -d --network ${STACK_NETWORK} -p 127.0.0.1:${MLFLOW_PORT}:" + MlflowContainer.MLFLOW_PORT
                        + " -v ./${STACK}/mlflow:" + MlflowContainer.DATA_DIRECTORY + " -e " + MlflowContainer.NO_JOBS
                        + "=false" + env + label + user
                        + " ${MLFLOW_IMAGE} " + String.join(" ", MlflowStack.SERVER_COMMAND));
    }

    /**
     * {@code log}: where the server's own output goes (a local server's, as its shown command says; a container's,
     * what {@code docker logs} would show).
     */
    public static MlflowServer start(StepContext context, Plan plan, PythonEnv python, MlflowStore store,
                                     MlflowStack.Directories stack, String workspaceLabel, Path log) throws Exception {
        plan.reasons().forEach(context::note);
        return switch (plan.kind()) {
            case CONTAINER -> startContainer(context, plan, store, workspaceLabel, log);
            case STACK -> startStack(context, plan, stack, workspaceLabel, log);
            // Its process is in the run's cleanup from the moment it starts; its output is the server's own.
            case LOCAL -> startLocal(context, plan, python, store, log);
            case EXTERNAL -> connect(context, plan.url());
            case AUTO -> throw new IllegalStateException("resolved by plan()");
        };
    }

    private static MlflowServer startLocal(StepContext context, Plan plan, PythonEnv python, MlflowStore store,
                                           Path log) throws Exception {
        LogTap logs = new LogTap(LogFile.writingTo(log));
        LocalMlflowServer server;
        try {
            server = LocalMlflowServer.start(context.processes(), python, store.create(), plan.port(), logs);
        } catch (Readiness.NotReadyException e) {
            throw notStarted("the MLflow server did not start: " + e.getMessage(), logs, store,
                    "its log " + log + " ends:" + lastLines(logs), "fix what it says and run again", e);
        }
        // It answered /health, which MLflow serves only once the store's database is whole.
        store.created();
        return server;
    }

    /**
     * A server that stopped before it answered, said with the errors it logged. A store it cannot open (a table
     * that already exists, a schema from another MLflow) is the one cause the harness can name a remedy for.
     */
    private static StepFailedException notStarted(String what, LogTap logs, MlflowStore store, String usualWhy,
                                                  String usualNext, Exception cause) {
        List<String> errors = logs.errors();
        String why = errors.isEmpty() ? usualWhy
                : "it logged:" + errors.stream().map(line -> "\n    " + line).collect(Collectors.joining());
        String next = errors.stream().noneMatch(line -> line.contains("backend store") || line.contains("database"))
                ? usualNext
                : "it cannot open the database " + store.database() + ", damaged or written by another MLflow "
                        + "version: move the directory " + store.dir() + " aside (keep it if it holds runs you "
                        + "need) and run again, or pass another --workspace";
        return new StepFailedException(what, why, next, cause);
    }

    private static MlflowServer startContainer(StepContext context, Plan plan, MlflowStore store,
                                               String workspaceLabel, Path log) throws Exception {
        requireDocker("--mlflow container runs the tracking server in a container");
        store.create();
        // `docker run -d` prints the container's id only; the server's log (docker logs) goes to the workspace's
        // log file, as a local server's does, and its last lines explain a failure.
        LogTap logs = new LogTap(LogFile.writingTo(log));
        // In the run's cleanup before it starts: starting takes a while, and Ctrl-C then must remove it too.
        ContainerMlflowServer server = context.cleanup().register("MLflow container from " + plan.image(),
                ContainerMlflowServer.create(MlflowImages.named(plan.image()), plan.port(), store, logs, workspaceLabel));
        context.note("starting MLflow in a container from " + plan.image() + ", its state bind-mounted from "
                + store.dir());
        try {
            server.start();
        } catch (RuntimeException e) {
            throw notStarted("the MLflow container did not start: " + rootMessage(e), logs, store,
                    "the image " + plan.image() + " could not be run or its /health never answered",
                    "build the local image with ./scripts/mlflow-image.sh and pass --mlflow-image "
                            + MlflowImages.LOCAL_BUILD + ", or use --mlflow local", e);
        }
        // Started means its /health answered, which MLflow serves only once the store's database is whole.
        store.created();
        context.out(server.containerId());
        return server;
    }

    private static MlflowServer startStack(StepContext context, Plan plan, MlflowStack.Directories dirs,
                                           String workspaceLabel, Path log) throws Exception {
        requireDocker("--mlflow stack runs PostgreSQL and the tracking server in containers");
        if (!MlflowImages.isPresent(plan.databaseImage())) {
            throw new PrerequisiteMissingException("the PostgreSQL image " + plan.databaseImage() + " is not here",
                    "--mlflow stack runs PostgreSQL from it, built offline from the same Debian base as the MLflow "
                            + "image", "build it with ./scripts/postgres-image.sh, or use --mlflow container");
        }
        StackSecrets secrets = StackSecrets.loadOrCreate(dirs.root());
        secrets.secrets().forEach(context::secret);
        boolean rerun = dirs.databaseExists();
        LogTap logs = new LogTap(LogFile.writingTo(log));
        MlflowStack stack = new MlflowStack(MlflowImages.named(plan.image()),
                DockerImageName.parse(plan.databaseImage()), plan.port(), dirs, secrets, workspaceLabel, logs,
                plan.network());
        // In the run's cleanup before it starts: Ctrl-C while it starts must remove both containers and the network.
        StackMlflowServer server = context.cleanup().register("MLflow stack (PostgreSQL " + plan.databaseImage()
                + ", MLflow " + plan.image() + ")", new StackMlflowServer(stack, dirs, secrets, logs));
        context.note("starting PostgreSQL from " + plan.databaseImage() + " and MLflow with its authentication app "
                + "from " + plan.image() + " on the network " + plan.network() + "; their state in " + dirs.root()
                + (rerun ? ", where an earlier run's database is" : "")
                + "; the harness signs in as the stack's admin, its password in " + dirs.root().resolve(
                        StackSecrets.FILE_NAME));
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new StepFailedException("the MLflow stack did not start: " + rootMessage(e),
                    logs.recent().isEmpty() ? "PostgreSQL or the tracking server stopped before it answered"
                            : "its logs end:" + lastLines(logs),
                    "fix what the logs say; the data in " + dirs.root() + " are kept (move the directory aside to "
                            + "start an empty stack)", e);
        }
        // What the three docker commands print: the network's id, then each container's.
        context.out(stack.networkId());
        context.out(stack.postgresContainerId());
        context.out(stack.mlflowContainerId());
        return server;
    }

    /** The server's last dozen log lines, each on a line of its own under a failure's "why". */
    private static String lastLines(LogTap logs) {
        List<String> recent = logs.recent();
        return recent.subList(Math.max(0, recent.size() - 12), recent.size()).stream()
                .map(line -> "\n    " + line).collect(Collectors.joining());
    }

    private static void requireDocker(String why) {
        if (!DockerEngine.available()) {
            throw new PrerequisiteMissingException("no Docker engine answers" + DockerEngine.unavailableDetail(),
                    why, "start a Docker engine (./scripts/docker-engine.sh as root, or `sudo systemctl start "
                            + "docker`), or use --mlflow local");
        }
    }

    private static MlflowServer connect(StepContext context, String url) throws Exception {
        ExternalMlflowServer server = new ExternalMlflowServer(url);
        try {
            Http.get(server.trackingUri() + "/health", Duration.ofSeconds(5));
        } catch (javax.net.ssl.SSLException e) {
            // Not a server that is down: one this machine does not trust, which no wait will change.
            throw new PrerequisiteMissingException("the MLflow server at " + server.trackingUri() + " presents a "
                    + "certificate this machine does not trust (" + rootMessage(e) + ")",
                    "the harness, mlflow run and mlflow models serve check it against "
                            + MlflowCredentials.SERVER_CERT_PATH + " (a PEM file), else the system's CAs",
                    "export " + MlflowCredentials.SERVER_CERT_PATH + "=FILE with the server's certificate or its "
                            + "CA's, and run again (or " + MlflowCredentials.INSECURE_TLS + "=true to check none)");
        } catch (java.io.IOException e) {
            // Not up yet, or not there: the wait below says which.
        }
        try {
            Readiness.await("MLflow at " + server.trackingUri(), Duration.ofSeconds(5),
                    () -> Http.answersOk(server.trackingUri() + "/health"));
        } catch (Readiness.NotReadyException e) {
            throw new StepFailedException("cannot reach the MLflow server at " + server.trackingUri(),
                    "GET " + server.trackingUri() + "/health did not answer 200 within 5s",
                    "check the URL and that the server runs, or use --mlflow local to let the harness start one");
        }
        context.out(Http.get(server.trackingUri() + "/health", Duration.ofSeconds(5)).body());
        return server;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
