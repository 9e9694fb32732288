package dev.opsdemo.mlflow;

import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.time.Duration;
import java.util.List;

/** The {@code local} kind: {@code mlflow server} from the venv on 127.0.0.1 and a free port, gunicorn and all. */
final class LocalMlflowServer extends StartedMlflowServer {

    private final LocalService service;

    private LocalMlflowServer(LocalService service, MlflowStore store, LogTap logs) {
        super(store, logs);
        this.service = service;
    }

    /**
     * The server's argv; the shown command and the started process are made from it. One worker (see
     * {@link MlflowContainer#WORKERS}).
     */
    static List<String> command(String mlflow, String port, String storeDir) {
        return List.of(mlflow, "server", "--host", "127.0.0.1", "--port", port, "--workers", MlflowContainer.WORKERS,
                "--backend-store-uri", "sqlite:///" + storeDir + "/" + MlflowStore.DATABASE,
                "--artifacts-destination", storeDir + "/" + MlflowStore.ARTIFACTS);
    }

    static LocalMlflowServer start(ProcessRunner processes, PythonEnv python, MlflowStore store, int port,
                                   LogTap logs) {
        LocalService service = LocalService.start(processes, new ProcessCommand(command(
                python.bin("mlflow").toString(), String.valueOf(port), store.dir().toString()), store.dir(),
                python.environment()).withEnv(MlflowContainer.NO_JOBS, "false"), logs, "mlflow server", port,
                "/health", Duration.ofSeconds(90));
        return new LocalMlflowServer(service, store, logs);
    }

    @Override
    public String mode() {
        return "local";
    }

    @Override
    public String trackingUri() {
        return service.baseUrl();
    }

    @Override
    public boolean isAlive() {
        return service.isAlive();
    }

    @Override
    public void close() {
        service.close();
    }
}
