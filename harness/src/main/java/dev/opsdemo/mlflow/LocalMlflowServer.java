package dev.opsdemo.mlflow;

import dev.opsdemo.exec.Http;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.exec.Readiness;
import dev.opsdemo.exec.RunningProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The {@code local} kind: {@code mlflow server} from the venv on 127.0.0.1 and a free port, gunicorn and all. */
final class LocalMlflowServer extends StartedMlflowServer {

    private final RunningProcess process;
    private final String url;

    private LocalMlflowServer(RunningProcess process, String url, MlflowStore store, LogTap logs) {
        super(store, logs);
        this.process = process;
        this.url = url;
    }

    /** The server's argv; the shown command and the started process are made from it. */
    static List<String> command(String mlflow, String port, String storeDir) {
        return List.of(mlflow, "server", "--host", "127.0.0.1", "--port", port, "--workers", "2",
                "--backend-store-uri", "sqlite:///" + storeDir + "/" + MlflowStore.DATABASE,
                "--artifacts-destination", storeDir + "/" + MlflowStore.ARTIFACTS);
    }

    static LocalMlflowServer start(ProcessRunner processes, PythonEnv python, MlflowStore store, int port,
                                   LogTap logs) {
        RunningProcess process = processes.start(new ProcessCommand(command(python.bin("mlflow").toString(),
                String.valueOf(port), store.dir().toString()), store.dir(), python.environment())
                .withEnv(MlflowContainer.NO_JOBS, "false"), logs);
        String url = "http://127.0.0.1:" + port;
        Readiness.await("mlflow server " + url + "/health", Duration.ofSeconds(90),
                () -> Http.answersOk(url + "/health"), process);
        return new LocalMlflowServer(process, url, store, logs);
    }

    @Override
    public String mode() {
        return "local";
    }

    @Override
    public String trackingUri() {
        return url;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop();
    }
}
