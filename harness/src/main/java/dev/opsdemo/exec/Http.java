package dev.opsdemo.exec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

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

    /** A GET whose answer is a file's bytes (an image), not text; {@code headers} by name (who is asking). */
    public static HttpResponse<byte[]> getBytes(String url, Duration timeout, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> postJson(String url, String json, Duration timeout)
            throws IOException, InterruptedException {
        return postJson(url, json, timeout, Map.of());
    }

    /** A POST of JSON, with {@code headers} by name (who is asking). */
    public static HttpResponse<String> postJson(String url, String json, Duration timeout,
                                                Map<String, String> headers)
            throws IOException, InterruptedException {
        return send("POST", url, json, timeout, headers);
    }

    /** A request of {@code method} with a JSON body ({@code json}; null: none, a GET's), {@code headers} by name. */
    public static HttpResponse<String> send(String method, String url, String json, Duration timeout,
                                            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT of a file's bytes (an artifact's upload), as {@code contentType}, with {@code headers} by name. */
    public static HttpResponse<String> put(String url, byte[] body, String contentType, Duration timeout,
                                           Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an {@code Authorization} header that signs in as {@code username} (HTTP Basic). */
    public static String basicAuthorization(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
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
