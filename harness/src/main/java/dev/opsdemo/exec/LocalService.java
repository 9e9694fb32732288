package dev.opsdemo.exec;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An HTTP service the harness starts on this machine: its process, listening on 127.0.0.1 and a port picked
 * beforehand, ready once a health path answers 200 (failing at once, with its last lines, when it exits first);
 * closing it stops the process. The sample app, the model server and the local MLflow server are each one.
 */
public final class LocalService implements AutoCloseable {

    private final RunningProcess process;
    private final String baseUrl;

    private LocalService(RunningProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** {@code name} says what it is in a readiness failure, e.g. "model server". */
    public static LocalService start(ProcessRunner processes, ProcessCommand command, Consumer<String> lines,
                                     String name, int port, String healthPath, Duration readyWithin) {
        RunningProcess process = processes.start(command, lines);
        String baseUrl = "http://127.0.0.1:" + port;
        Readiness.await(name + " " + baseUrl + healthPath, readyWithin, () -> Http.answersOk(baseUrl + healthPath),
                process);
        return new LocalService(process, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return Http.get(baseUrl + path, timeout);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop();
    }
}
