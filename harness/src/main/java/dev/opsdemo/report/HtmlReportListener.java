package dev.opsdemo.report;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes {@code report.html} once the run is over. Notes when each step started, from a monotonic clock, so the
 * timeline shows when things really happened rather than assuming steps ran back to back.
 */
public final class HtmlReportListener implements RunListener {

    private final Path file;
    private final Secrets secrets;
    private final LongSupplier nanoClock;
    private final Map<String, Long> startedMs = new HashMap<>();
    private long runStartedNanos;
    private boolean running;

    public HtmlReportListener(Path file, Secrets secrets) {
        this(file, secrets, System::nanoTime);
    }

    /** With a clock of one's own, so a test can lay out a run of minutes without waiting minutes. */
    HtmlReportListener(Path file, Secrets secrets, LongSupplier nanoClock) {
        this.file = file;
        this.secrets = secrets;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void runStarted(List<Lane> lanes) {
        runStartedNanos = nanoClock.getAsLong();
        running = true;
        startedMs.clear();
    }

    @Override
    public synchronized void stepStarted(Step step, List<String> command) {
        if (running) {
            startedMs.put(step.id(), (nanoClock.getAsLong() - runStartedNanos) / 1_000_000);
        }
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        running = false;
        Timeline timeline = Timeline.of(summary, startedMs);
        String reopen = Records.reopenCommand(file.toAbsolutePath().getParent());
        List<String> logs = Records.logs(file.toAbsolutePath().getParent());
        TextFiles.writeMasked(file, new HtmlReport(secrets, reopen, logs).render(summary, timeline, Instant.now()),
                secrets);
    }
}
