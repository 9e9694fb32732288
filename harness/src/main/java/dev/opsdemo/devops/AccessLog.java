package dev.opsdemo.devops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample app's access log, read back: the app writes a line per request to its standard output, which the
 * deploy step sends to its log ({@code 2026-12-02T10:15:30.123Z GET /health 200 curl/8.14.1}). It is what a
 * learner's monitoring loop leaves behind; other lines (the app's ready line) are not requests.
 */
record AccessLog(List<Request> requests) {

    /** Java's HTTP client, as the harness's own requests name it; the learner's come from curl or the like. */
    private static final String HARNESS_AGENT = "Java-http-client/";

    AccessLog {
        requests = List.copyOf(requests);
    }

    record Request(Instant when, String method, String uri, int status, String userAgent) {

        boolean fromTheHarness() {
            return userAgent.startsWith(HARNESS_AGENT);
        }
    }

    static AccessLog read(Path log) throws IOException {
        return parse(Files.readAllLines(log));
    }

    static AccessLog parse(List<String> lines) {
        List<Request> requests = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 5);
            if (parts.length < 5) {
                continue;
            }
            try {
                requests.add(new Request(Instant.parse(parts[0]), parts[1], parts[2], Integer.parseInt(parts[3]),
                        parts[4]));
            } catch (DateTimeParseException | NumberFormatException e) {
                // Not a request: a line the app printed otherwise.
            }
        }
        return new AccessLog(requests);
    }

    /** The GETs of {@code path} since {@code since} that the harness did not make. */
    List<Request> checksSince(String path, Instant since) {
        return requests.stream().filter(request -> request.method().equals("GET") && request.uri().equals(path)
                && !request.when().isBefore(since) && !request.fromTheHarness()).toList();
    }
}
