package dev.opsdemo.devops;

import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.exec.Http;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.Readiness;
import dev.opsdemo.exec.RunningProcess;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the packaged app on a free loopback port, waits for {@code /health}, calls it for real. */
public final class AppDeployment implements AutoCloseable {

    private final RunningProcess process;
    private final String baseUrl;

    private AppDeployment(RunningProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** {@code port}: free, picked when the step's command was shown. */
    public static AppDeployment start(StepContext context, Path jar, int port) {
        RunningProcess process = context.processes().start(ProcessCommand.of(jar.getParent(),
                Executables.currentJava().toString(), "-jar", jar.toString(), "--port", String.valueOf(port)),
                context.lines());
        String baseUrl = "http://127.0.0.1:" + port;
        Readiness.await("sample-app " + baseUrl + "/health", Duration.ofSeconds(30),
                () -> Http.answersOk(baseUrl + "/health"), process);
        return new AppDeployment(process, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return Http.get(baseUrl + path, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        process.stop();
    }
}
