package dev.opsdemo.devops;

import dev.opsdemo.exec.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** Polls a health endpoint a few times: how many answered 200, and how fast. */
final class HealthMonitor {

    record Report(int checks, int failures, long p50Ms, long maxMs) {
    }

    private HealthMonitor() {
    }

    static Report poll(String url, int checks, Duration interval, Consumer<String> lines) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (int i = 1; i <= checks; i++) {
            long started = System.nanoTime();
            String outcome;
            try {
                int status = Http.get(url, Duration.ofSeconds(2)).statusCode();
                outcome = String.valueOf(status);
                if (status != 200) {
                    failures++;
                }
            } catch (IOException e) {
                outcome = "no answer (" + e.getClass().getSimpleName() + ")";
                failures++;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            latencies.add(ms);
            lines.accept("check " + i + "/" + checks + ": GET /health -> " + outcome + " in " + ms + " ms");
            Thread.sleep(interval.toMillis());
        }
        Collections.sort(latencies);
        return new Report(checks, failures, latencies.get((latencies.size() - 1) / 2),
                latencies.get(latencies.size() - 1));
    }
}
