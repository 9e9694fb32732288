package dev.opsdemo.mlops;

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

    static List<String> command(Path mlflow, int port, MlflowStore store) {
        return List.of(mlflow.toString(), "server", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--workers", "2",
                "--backend-store-uri", "sqlite:///" + store.database(),
                "--artifacts-destination", store.artifacts().toString());
    }

    static LocalMlflowServer start(ProcessRunner processes, PythonEnv python, MlflowStore store, LogTap logs) {
        int port = Ports.freeLoopbackPort();
        RunningProcess process = processes.start(new ProcessCommand(command(python.bin("mlflow"), port, store),
                store.dir(), python.environment()).withEnv(MlflowContainer.NO_JOBS, "false"), logs);
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
