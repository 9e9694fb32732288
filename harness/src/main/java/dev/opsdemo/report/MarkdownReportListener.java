package dev.opsdemo.report;

import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;

import java.nio.file.Path;
import java.util.List;

/** Writes {@code report.md} once the run is over: headline, contrast table, and every step with its output. */
public final class MarkdownReportListener implements RunListener {

    private final Path file;
    private final Secrets secrets;

    public MarkdownReportListener(Path file, Secrets secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        String reopen = Records.reopenCommand(file.toAbsolutePath().getParent());
        List<String> logs = Records.logs(file.toAbsolutePath().getParent());
        TextFiles.writeMasked(file, new MarkdownReport(secrets, reopen, logs).render(summary), secrets);
    }
}
