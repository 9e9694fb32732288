package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts, nothing fetched) that opens from disk
 * anywhere: headline, the run drawn to scale, the contrast table, and every step with its real output.
 */
final class HtmlReport {

    private final HtmlText text;

    HtmlReport(Secrets secrets) {
        this.text = new HtmlText(secrets);
    }

    String render(RunSummary summary, Timeline timeline, Instant generatedAt) {
        ContrastTable table = ContrastTable.of(summary);
        RunOverview overview = RunOverview.of(summary);
        String lanes = table.title();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text.of(lanes)).append(": run report</title>\n")
                .append("<style>\n").append(HtmlStyleSheet.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<header class=\"run\">\n<h1>").append(text.of(lanes))
                .append(" <span class=\"sub\">run report</span></h1>\n");
        html.append("<p class=\"headline\"><span class=\"pill big ").append(overview.status()).append("\">")
                .append(overview.status()).append("</span> exit code ").append(overview.exitCode()).append(" · ")
                .append(overview.passedSteps()).append('/').append(overview.steps()).append(" steps passed · ")
                .append(ConsoleListener.seconds(timeline.totalMs())).append(" wall-clock")
                .append(text.of(overview.lanesSuffix())).append("</p>\n");
        html.append(versioned(table));
        html.append(links(table.links()));
        html.append("</header>\n");
        if (!table.lanes().isEmpty()) {
            html.append("<section>\n<h2>Timeline</h2>\n").append(new HtmlTimeline(text).render(timeline))
                    .append("<p class=\"note\">Each segment is one step, drawn to scale from the run's start. "
                            + "Hover for its timing; click to read it.</p>\n</section>\n");
            html.append("<section>\n<h2>Stage by stage</h2>\n").append(new HtmlContrast(text).render(table));
            for (String paragraph : table.lessons()) {
                html.append("<p class=\"note\"><strong>").append(text.of(paragraph)).append("</strong></p>\n");
            }
            html.append("</section>\n");
        }
        html.append("<section>\n<h2>Steps</h2>\n");
        int number = 0;
        for (StepResult result : summary.results()) {
            html.append(new HtmlStep(text, table).render(++number, result));
        }
        html.append("</section>\n<footer>Written by the opsdemo harness at ")
                .append(text.of(generatedAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(". Secrets are masked as <code>").append(text.of(Secrets.MASK)).append("</code>.</footer>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private String versioned(ContrastTable table) {
        if (table.lanes().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"versioned\">");
        for (String lane : table.lanes()) {
            html.append("<li><span class=\"lane-tag lane-").append(Html.cssClass(lane)).append("\">")
                    .append(text.of(table.label(lane))).append("</span> versions <strong>")
                    .append(text.of(table.versioned(lane))).append("</strong></li>");
        }
        return html.append("</ul>\n").toString();
    }

    private String links(Map<String, String> links) {
        if (links.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p class=\"links\">Where to look: ");
        String separator = "";
        for (Map.Entry<String, String> link : links.entrySet()) {
            html.append(separator).append("<a href=\"").append(text.of(link.getValue())).append("\">")
                    .append(text.of(link.getKey())).append("</a>");
            separator = " · ";
        }
        return html.append("</p>\n").toString();
    }
}
