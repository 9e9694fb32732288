package dev.opsdemo.report;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.Secrets;

import java.nio.file.Path;
import java.util.List;

/** The records a run leaves in its workspace for later reading: report.md, report.html, transcript.cast. */
public final class Records {

    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    public static final String TRANSCRIPT_CAST = "transcript.cast";

    /**
     * The width of the transcript's and the cast's rows: wide enough for a lane prefix and a Maven line, and no wider
     * than a learner's terminal that replays the cast (from 80 columns, where a player scales it, up to 140).
     */
    public static final int WIDTH = 140;
    static final int CAST_HEIGHT = 40;

    private Records() {
    }

    /**
     * What the reports tell a reader to type to look at the run again once it has ended: {@code harness ui} on its
     * workspace, through the script users start the harness with, run from the checkout.
     */
    static String reopenCommand(Path workspaceRoot) {
        return "./scripts/harness.sh ui --workspace " + Command.quote(workspaceRoot.toAbsolutePath().normalize()
                .toString());
    }

    /** What the reports say around {@link #reopenCommand}: the links above are the run's servers, stopped now. */
    static final String REOPEN_LEAD = "The servers stopped with the run; to look again, this reopens them on its "
            + "workspace (on new ports, which it prints):";

    /**
     * The servers' own logs the run left in its workspace ({@code logs/<step>.log}, which their commands on screen
     * name), relative to it, so the reports can link them; empty when there are none.
     */
    static List<String> logs(Path workspaceRoot) {
        Path logs = workspaceRoot.resolve("logs");
        if (!java.nio.file.Files.isDirectory(logs)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(logs)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                    .map(file -> "logs/" + file.getFileName()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** What the reports say before {@link #logs}. */
    static final String LOGS_LEAD = "The servers' own output:";

    /** {@code preamble}: the lines shown before the first step, which the recording shows too. */
    public static List<RunListener> forWorkspace(Path workspaceRoot, Secrets secrets, List<String> preamble) {
        return List.of(
                new MarkdownReportListener(workspaceRoot.resolve(REPORT_MD), secrets),
                new HtmlReportListener(workspaceRoot.resolve(REPORT_HTML), secrets),
                new AsciicastListener(workspaceRoot.resolve(TRANSCRIPT_CAST), secrets, WIDTH, CAST_HEIGHT,
                        preamble));
    }
}
