package dev.opsdemo.devops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample app's access lines as the monitor step's practice check counts them. */
class AccessLogTest {

    @Test
    void countsTheLearnersHealthChecksSinceTheStepBeganNotTheHarnessesNorOtherLines() {
        AccessLog log = AccessLog.parse(List.of(
                "sample-app release 1 listening on http://127.0.0.1:40123",
                "2026-12-02T10:15:29.900Z GET /health 200 curl/8.14.1",
                "2026-12-02T10:15:30.100Z GET /health 200 curl/8.14.1",
                "2026-12-02T10:15:30.300Z GET /greeting?name=learner 200 curl/8.14.1",
                "2026-12-02T10:15:30.500Z GET /health 200 Java-http-client/17.0.17",
                "2026-12-02T10:15:30.700Z GET /health 200 -",
                "2026-12-02T10:15:30.900Z POST /health 200 curl/8.14.1"));

        List<AccessLog.Request> checks = log.checksSince("/health", Instant.parse("2026-12-02T10:15:30Z"));

        assertEquals(List.of("curl/8.14.1", "-"), checks.stream().map(AccessLog.Request::userAgent).toList());
        assertEquals(6, log.requests().size());
    }
}
