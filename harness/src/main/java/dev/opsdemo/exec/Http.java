package dev.opsdemo.exec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the servers the harness starts (health checks, scoring requests, a run's plots). */
public final class Http {

    // HTTP/1.1, as curl sends to an http:// URL: the default (HTTP/2) asks every request for an h2c upgrade, which
    // the servers here do not speak and uvicorn (MLflow 3) logs as a warning each time.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Http() {
    }

    public static HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose answer is a file's bytes (an image), not text. */
    public static HttpResponse<byte[]> getBytes(String url, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> postJson(String url, String json, Duration timeout)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** True when GET answers 200; false on any error, for readiness polling. */
    public static boolean answersOk(String url) {
        try {
            return get(url, Duration.ofSeconds(2)).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
