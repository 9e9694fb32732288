package dev.opsdemo.mlops;

import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.LogFile;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.mlflow.PythonEnv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code mlflow models serve -m models:/NAME@ALIAS --env-manager local} on 127.0.0.1 and a free port. */
public final class ModelServer implements AutoCloseable {

    private final LocalService service;

    private ModelServer(LocalService service) {
        this.service = service;
    }

    public static List<String> argv(String mlflow, String modelUri, String port) {
        return List.of(mlflow, "models", "serve", "-m", modelUri, "--env-manager", "local",
                "--host", "127.0.0.1", "--port", port, "--workers", "1");
    }

    /**
     * {@code clientEnvironment}: the tracking server's ({@link dev.opsdemo.mlflow.MlflowServer#clientEnvironment});
     * {@code port}: free, picked when the step's command was shown; {@code log}: where its output goes, as its shown
     * command says.
     */
    public static ModelServer start(StepContext context, PythonEnv python, Map<String, String> clientEnvironment,
                                    String modelUri, Path workDir, int port, Path log) {
        return new ModelServer(LocalService.start(context.processes(), new ProcessCommand(
                argv(python.bin("mlflow").toString(), modelUri, String.valueOf(port)), workDir, python.environment())
                .withEnv(clientEnvironment), LogFile.writingTo(log), "model server", port, "/ping",
                Duration.ofSeconds(180)));
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    @Override
    public void close() {
        service.close();
    }
}
