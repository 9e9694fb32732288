package dev.opsdemo.mlops;

import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.Http;
import dev.opsdemo.exec.Readiness;

import java.time.Duration;

/** Starts (or connects to) the server {@code --mlflow} asked for; {@code auto} says which kind and why. */
public final class MlflowServers {

    private MlflowServers() {
    }

    public static MlflowServer start(StepContext context, MlflowTarget target, String image, PythonEnv python,
                                     MlflowStore store, String workspaceLabel) throws Exception {
        MlflowTarget.Kind kind = target.kind();
        if (kind == MlflowTarget.Kind.AUTO) {
            if (DockerEngine.available()) {
                context.out("--mlflow auto: a Docker engine answers, so the server runs in a container");
                kind = MlflowTarget.Kind.CONTAINER;
            } else {
                context.out("--mlflow auto: no Docker engine answers" + DockerEngine.unavailableDetail()
                        + ", so the server runs as a local "
                        + "`mlflow server` process from the venv");
                kind = MlflowTarget.Kind.LOCAL;
            }
        }
        LogTap logs = new LogTap("mlflow-server | ", context.lines());
        return switch (kind) {
            case CONTAINER -> startContainer(context, image, store, logs, workspaceLabel);
            // Its process is in the run's cleanup from the moment it starts.
            case LOCAL -> LocalMlflowServer.start(context.processes(), python, store.create(), logs);
            case EXTERNAL -> connect(target.url());
            case AUTO -> throw new IllegalStateException("resolved above");
        };
    }

    private static MlflowServer startContainer(StepContext context, String image, MlflowStore store, LogTap logs,
                                               String workspaceLabel) throws Exception {
        if (!DockerEngine.available()) {
            throw new PrerequisiteMissingException("no Docker engine answers" + DockerEngine.unavailableDetail(),
                    "--mlflow container runs the tracking server in a container",
                    "start a Docker engine (./scripts/docker-engine.sh as root, or `sudo systemctl start docker`), "
                            + "or use --mlflow local");
        }
        String resolved = MlflowImages.resolve(image, context::out);
        context.out("Starting MLflow in a container from " + resolved + " (state bind-mounted from "
                + store.dir() + ")");
        store.create();
        // In the run's cleanup before it starts: starting takes a while, and Ctrl-C then must remove it too.
        ContainerMlflowServer server = context.cleanup().register("MLflow container from " + resolved,
                ContainerMlflowServer.create(resolved, store, logs, workspaceLabel));
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            throw new StepFailedException("the MLflow container did not start: " + rootMessage(e),
                    "the image " + resolved + " could not be run or its /health never answered",
                    "build the local image with ./scripts/mlflow-image.sh and pass --mlflow-image "
                            + MlflowImages.LOCAL_BUILD + ", or use --mlflow local", e);
        }
    }

    private static MlflowServer connect(String url) {
        ExternalMlflowServer server = new ExternalMlflowServer(url);
        try {
            Readiness.await("MLflow at " + server.trackingUri(), Duration.ofSeconds(5),
                    () -> Http.answersOk(server.trackingUri() + "/health"));
        } catch (Readiness.NotReadyException e) {
            throw new StepFailedException("cannot reach the MLflow server at " + server.trackingUri(),
                    "GET " + server.trackingUri() + "/health did not answer 200 within 5s",
                    "check the URL and that the server runs, or use --mlflow local to let the harness start one");
        }
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
