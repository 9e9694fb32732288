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

    /** {@code preamble}: the lines shown before the first step, which the recording shows too. */
    public static List<RunListener> forWorkspace(Path workspaceRoot, Secrets secrets, List<String> preamble) {
        return List.of(
                new MarkdownReportListener(workspaceRoot.resolve(REPORT_MD), secrets),
                new HtmlReportListener(workspaceRoot.resolve(REPORT_HTML), secrets),
                new AsciicastListener(workspaceRoot.resolve(TRANSCRIPT_CAST), secrets, WIDTH, CAST_HEIGHT,
                        preamble));
    }
}
