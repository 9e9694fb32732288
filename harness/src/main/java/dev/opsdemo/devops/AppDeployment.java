package dev.opsdemo.devops;

import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.LogFile;
import dev.opsdemo.exec.ProcessCommand;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the packaged app on a free loopback port, waits for {@code /health}, calls it for real. */
public final class AppDeployment implements AutoCloseable {

    private final LocalService service;

    private AppDeployment(LocalService service) {
        this.service = service;
    }

    /** {@code port}: free, picked when the step's command was shown; {@code log}: where its output goes, as shown. */
    public static AppDeployment start(StepContext context, Path jar, int port, Path log) {
        return new AppDeployment(LocalService.start(context.processes(), ProcessCommand.of(jar.getParent(),
                        Executables.currentJava().toString(), "-jar", jar.toString(), "--port", String.valueOf(port)),
                LogFile.writingTo(log), "sample-app", port, "/health", Duration.ofSeconds(30)));
    }

    public String baseUrl() {
        return service.baseUrl();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return service.get(path, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        service.close();
    }
}
