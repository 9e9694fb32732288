package dev.opsdemo.devops;

import dev.opsdemo.exec.Http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
            int status;
            try {
                status = Http.get(url, Duration.ofSeconds(2)).statusCode();
            } catch (IOException e) {
                status = 0;  // curl's %{http_code} when nothing answered
            }
            if (status != 200) {
                failures++;
            }
            long nanos = System.nanoTime() - started;
            latencies.add(nanos / 1_000_000);
            // What curl -w '%{http_code} %{time_total}\n' prints: the code in three digits, the time in seconds.
            lines.accept(String.format(Locale.ROOT, "%03d %.6f", status, nanos / 1e9));
            Thread.sleep(interval.toMillis());
        }
        Collections.sort(latencies);
        return new Report(checks, failures, latencies.get((latencies.size() - 1) / 2),
                latencies.get(latencies.size() - 1));
    }
}
