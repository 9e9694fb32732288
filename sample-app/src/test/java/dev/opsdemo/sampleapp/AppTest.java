package dev.opsdemo.sampleapp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppTest {

    private App app;
    private final HttpClient http = HttpClient.newHttpClient();
    // The access log goes here, not to the build's output, which it would only clutter.
    private final ByteArrayOutputStream accessLog = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        app = App.start(0, new PrintStream(accessLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        String logged = accessLog.toString(StandardCharsets.UTF_8);
        assertTrue(logged.matches("\\S+Z GET /health 200 Java-http-client/\\S+\\R"), logged);
    }

    @Test
    void greetingAnswersWithTheRelease() throws Exception {
        HttpResponse<String> response = get("/greeting?name=Grace");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\":\"Hello, Grace!\",\"release\":"), response.body());
    }
}
