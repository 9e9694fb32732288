package dev.opsdemo.mlops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.StepAction;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlflow.MlflowServer;
import dev.opsdemo.mlflow.MlflowServers;
import dev.opsdemo.mlflow.MlflowStack;
import dev.opsdemo.mlflow.MlflowStore;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlflow.PythonEnv;
import dev.opsdemo.workspace.Workspace;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The MLOps lane's tracking server and the clients that talk to it: planned when the server step's command is
 * shown (so the line names the real port), started by that step, used by every step after it.
 */
final class Tracking {

    private final MlopsSettings settings;
    private final PythonEnv python;
    private final MlflowStore store;
    private final Workspace workspace;
    /** The user's client settings; for a server the harness signs in to itself, its own account once started. */
    private MlflowCredentials credentials;
    private MlflowServers.Plan plan;
    private MlflowServer server;
    private MlflowClient client;
    private ModelRegistry registry;

    Tracking(MlopsSettings settings, PythonEnv python, MlflowStore store, Workspace workspace) {
        this.settings = settings;
        this.python = python;
        this.store = store;
        this.workspace = workspace;
        this.credentials = settings.target().credentials();
    }

    Command command() {
        plan = MlflowServers.plan(settings.target(), settings.image());
        return MlflowServers.command(plan);
    }

    void start(StepContext context) throws Exception {
        // What the lane records into, even if it stops here.
        context.record(new MlopsFacts.Server(settings.experiment(), null, null, null, null));
        if (settings.target().kind() != MlflowTarget.Kind.EXTERNAL) {
            python.requireMlflow();
        }
        python.resetTmp();
        credentials.secrets().forEach(context::secret);
        server = MlflowServers.start(context, plan, python, store, MlflowStack.Directories.in(workspace),
                workspace.root().toString(), workspace.log(MlopsLane.SERVER_STEP));
        credentials = server.ownCredentials().orElse(credentials);
        client = new MlflowClient(credentials.provider(server.trackingUri()));
        checkAccess(context);
        if (settings.learner() != null) {
            context.summaryField("learner", settings.learner());
            context.note("learner " + settings.learner() + ": the experiments " + settings.experiment() + ", "
                    + settings.validationExperiment() + " and " + settings.monitoringExperiment() + " and the model "
                    + settings.modelName() + " (its aliases with it) are this learner's; no other learner's change");
        }
        registry = new ModelRegistry(client, restApi());
        context.summaryField("mlflowMode", server.mode());
        context.note("MLflow " + server.mode() + " server ready at " + server.trackingUri() + " (UI: "
                + server.trackingUri() + "/#/experiments)" + (server.mode().equals("local")
                ? "; its log: " + workspace.log(MlopsLane.SERVER_STEP) : server.mode().equals("external") ? ""
                : "; its log (docker logs): " + workspace.log(MlopsLane.SERVER_STEP)));
        server.backendStore().ifPresent(db -> context.note("backend store: " + db));
        context.record(new MlopsFacts.Server(settings.experiment(), server.mode(),
                // The image harness ui starts again on the store.
                plan.kind() == MlflowTarget.Kind.CONTAINER || plan.kind() == MlflowTarget.Kind.STACK ? plan.image()
                        : null, server.trackingUri(),
                server.backendStore().map(Object::toString).orElse(null)));
    }

    /**
     * Whether the server lets this lane in, asked before anything is trained: a server running MLflow's
     * authentication app answers 401 to a call without (or with wrong) credentials and 403 to a user it does not
     * let read, where {@code mlflow run} would fail later with the same answer in a traceback.
     */
    private void checkAccess(StepContext context) throws Exception {
        try {
            client.sendGet("experiments/search?max_results=1");
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() != 401 && e.getStatusCode() != 403) {
                throw e;
            }
            boolean unknown = e.getStatusCode() == 401;
            String who = credentials.any() ? credentials.toString() : "a call without credentials";
            String next = !unknown ? "ask the server's admin for READ and EDIT permission for your user, or use "
                    + "another account"
                    : credentials.any() ? "the server knows no such user or not that password (or token): export "
                    + "the right " + MlflowCredentials.VARIABLES + " and run again"
                    : "export " + MlflowCredentials.VARIABLES + " for your account on that server (the values stay "
                    + "out of every screen and record) and run again";
            throw new PrerequisiteMissingException("the MLflow server at " + server.trackingUri() + " answers "
                    + e.getStatusCode() + (unknown ? " Unauthorized" : " Forbidden") + " to " + who,
                    "it runs MLflow's authentication app; the harness, mlflow run and mlflow models serve all sign "
                            + "in with MLflow's client settings " + MlflowCredentials.VARIABLES, next);
        }
        if (credentials.any()) {
            context.note("the server lets in " + credentials + "; mlflow run and mlflow models serve sign in the "
                    + "same way");
        }
    }

    /**
     * What the learner's own shell must add to sign in as the lane does ({@code practice/env.sh}): the stack's
     * secrets loaded from their file by name; for a server that asked for credentials, a reminder to export one's
     * own, which only the learner has. Nothing for a server that asks nobody.
     */
    List<String> shellSetup() {
        String signIn = signInLine();
        if (signIn != null) {
            return List.of(signIn);
        }
        if (credentials.any()) {
            return List.of("[ -n \"${" + MlflowCredentials.TOKEN + ":-}${" + MlflowCredentials.PASSWORD + ":-}\" ] "
                    + "|| echo \"env.sh: the MLflow server asks who you are: export " + MlflowCredentials.VARIABLES
                    + " in this shell too\" >&2");
        }
        return List.of();
    }

    /** The line that signs a shell in to the stack with the secrets file the harness keeps; null for other servers. */
    String signInLine() {
        if (server != null && server.mode().equals("stack")) {
            return "set -a && . " + Command.quote(MlflowStack.Directories.in(workspace).root()
                    .resolve(dev.opsdemo.mlflow.StackSecrets.FILE_NAME).toString()) + " && set +a";
        }
        return null;
    }

    /** The REST API of the server this lane uses, signed in as its client is. */
    RestApi restApi() {
        return restApi(trackingUri());
    }

    /** The same REST API at {@code uri} (a command's {@code ${MLFLOW_TRACKING_URI}}). */
    RestApi restApi(String uri) {
        return new RestApi(uri, credentials);
    }

    /** The server's address once started, the planned one before; null before the server step's command. */
    String trackingUri() {
        return server != null ? server.trackingUri() : plan == null ? null : plan.url();
    }

    String port() {
        return plan == null ? null : String.valueOf(plan.port());
    }

    String image() {
        return plan == null ? null : plan.image();
    }

    /** The stack's PostgreSQL image and network, named by its shown commands. */
    String databaseImage() {
        return plan == null ? null : plan.databaseImage();
    }

    String network() {
        return plan == null ? null : plan.network();
    }

    MlflowServer server() {
        return server;
    }

    /** Who the lane is to its server: its own account on a server the harness signs in to, once started. */
    MlflowCredentials credentials() {
        return credentials;
    }

    MlflowClient client() {
        return client;
    }

    /**
     * {@code words} ("since this step began") for a check that counts runs from {@code since}; nothing for one that
     * counts every run ({@link java.time.Instant#EPOCH}: a reading of the learner's work from elsewhere).
     */
    static String sinceStep(Instant since, String words) {
        return Instant.EPOCH.equals(since) ? "" : words;
    }

    /** A run's start as MLflow's clock and this machine's may disagree on it (a container's, a server's elsewhere). */
    private static final long CLOCK_SLACK_MS = 5_000;

    /**
     * The newest run of {@code entryPoint} in {@code experiment} that started at {@code since} or later, as the
     * Java client reads it; null when there is none, or no such experiment. What a practice check finds of the run
     * the learner's {@code mlflow run} made.
     */
    Service.Run newestRun(String experiment, String entryPoint, Instant since) {
        return newestRun(experiment, entryPoint, since, run -> true);
    }

    /** As {@link #newestRun(String, String, Instant)}, of the runs {@code which} accepts. */
    Service.Run newestRun(String experiment, String entryPoint, Instant since,
                          java.util.function.Predicate<Service.Run> which) {
        Optional<Service.Experiment> found = client.getExperimentByName(experiment);
        if (found.isEmpty()) {
            return null;
        }
        long from = since.toEpochMilli() - CLOCK_SLACK_MS;
        for (Service.Run run : client.searchRuns(List.of(found.get().getExperimentId()), "",
                Service.ViewType.ACTIVE_ONLY, 20, List.of("attributes.start_time DESC")).getItems()) {
            if (run.getInfo().getStartTime() < from) {
                break;
            }
            if (entryPoint.equals(RunRecords.tags(run).get("mlflow.project.entryPoint")) && which.test(run)) {
                return run;
            }
        }
        return null;
    }

    ModelRegistry registry() {
        return registry;
    }

    /**
     * A step that talks to the tracking server. When the server has died, the step says so with the server's last
     * log lines, rather than with whatever connection error a client reports.
     */
    StepAction needsServer(StepAction action) {
        return context -> {
            if (server != null && !server.isAlive()) {
                throw serverStopped(null);
            }
            try {
                action.run(context);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (server != null && !server.isAlive()) {
                    throw serverStopped(e);
                }
                throw e;
            }
        };
    }

    private StepFailedException serverStopped(Exception cause) {
        StringBuilder why = new StringBuilder("every step from here on reads or writes the tracking server");
        List<String> logs = server.recentLogs();
        if (!logs.isEmpty()) {
            why.append("; its last log lines:");
            logs.subList(Math.max(0, logs.size() - 15), logs.size())
                    .forEach(line -> why.append("\n    ").append(line));
        }
        return new StepFailedException("the MLflow " + server.mode() + " server at " + server.trackingUri()
                + " is no longer running", why.toString(),
                "find what stopped it (out of memory, killed, disk full) and run again; the registry in "
                        + store.dir() + " is kept", cause);
    }
}
