package dev.opsdemo.sampleapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

/**
 * A small HTTP service: {@code GET /health} and {@code GET /greeting?name=...}, each request logged on standard
 * output. Binds 127.0.0.1 only; the port comes from {@code --port N} (0 picks a free one).
 */
public final class App {

    private final HttpServer server;
    private final int release;
    private final PrintStream accessLog;

    private App(HttpServer server, int release, PrintStream accessLog) {
        this.server = server;
        this.release = release;
        this.accessLog = accessLog;
    }

    /** Starts the service; each request's {@link #accessLine} goes to {@code accessLog}. */
    public static App start(int port, PrintStream accessLog) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        App app = new App(server, readRelease(), accessLog);
        server.createContext("/health", app::health);
        server.createContext("/greeting", app::greeting);
        server.start();
        return app;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void health(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "{\"status\":\"UP\",\"release\":" + release + "}");
    }

    private void greeting(HttpExchange exchange) throws IOException {
        respond(exchange, 200, Greeting.forName(queryParam(exchange, "name"), release).toJson());
    }

    private static String queryParam(HttpExchange exchange, String key) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(key) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        // Logged before the body is sent, so a client that has its answer finds the request in the log.
        accessLog.println(accessLine(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                status, exchange.getRequestHeaders().getFirst("User-Agent")));
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * One request as the access log has it, a line each on standard output as a web server's: when, what, the
     * status and who asked ({@code 2026-12-02T10:15:30.123Z GET /health 200 curl/8.14.1}). Monitoring reads it.
     */
    static String accessLine(Instant when, String method, String uri, int status, String userAgent) {
        return when + " " + method + " " + uri + " " + status + " " + (userAgent == null ? "-" : userAgent);
    }

    static int readRelease() throws IOException {
        Properties props = new Properties();
        try (InputStream in = App.class.getResourceAsStream("/release.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return Integer.parseInt(props.getProperty("release", "0").strip());
    }

    public static void main(String[] args) throws IOException {
        int port = 8080;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        App app = start(port, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        System.out.println("sample-app release " + app.release + " listening on http://127.0.0.1:" + app.port());
    }
}
