package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.text.Durations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code report.md}: the run as a document that renders on any Git host, built from the run's results only. */
final class MarkdownReport {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

    private final Secrets secrets;
    /** The command that reopens the run's servers ({@link Records#reopenCommand}). */
    private final String reopen;
    /** The servers' logs in the workspace, relative to it ({@link Records#logs}). */
    private final List<String> logs;

    /** Masks every text before it is escaped: escaping could otherwise split a secret so the mask misses it. */
    MarkdownReport(Secrets secrets, String reopen, List<String> logs) {
        this.logs = List.copyOf(logs);
        this.secrets = secrets;
        this.reopen = reopen;
    }

    String render(RunSummary summary) {
        StringBuilder md = new StringBuilder();
        ContrastTable table = ContrastTable.of(summary);
        md.append("# ").append(table.title()).append(": run report\n\n");
        md.append("**Status: ").append(RunOverview.of(summary).line()).append("**\n\n");
        if (!table.lanes().isEmpty()) {
            md.append("## Stage by stage\n\n").append(table(table)).append('\n');
            table.lessons().forEach(paragraph -> md.append("**").append(inline(paragraph))
                    .append("**\n\n"));
        }
        md.append("## Where to look\n\n");
        Map<String, String> links = table.links();
        if (!links.isEmpty()) {
            links.forEach((text, url) -> md.append("- [").append(inline(text)).append("](<").append(url)
                    .append(">)\n"));
            md.append('\n');
        }
        if (!logs.isEmpty()) {
            md.append(inline(Records.LOGS_LEAD)).append(' ').append(String.join(" · ", logs.stream()
                    .map(log -> "[" + inline(log) + "](<" + log + ">)").toList())).append("\n\n");
        }
        md.append(inline(Records.REOPEN_LEAD)).append("\n\n").append(fenced("sh", List.of(reopen))).append('\n');
        md.append("## Steps\n");
        int number = 0;
        for (StepResult result : summary.results()) {
            md.append('\n').append(step(++number, result));
        }
        return md.toString();
    }

    String table(ContrastTable table) {
        StringBuilder md = new StringBuilder("| stage |");
        table.lanes().forEach(lane -> md.append(' ').append(table.label(lane)).append(" (")
                .append(Durations.seconds(table.durationMs(lane))).append(") |"));
        md.append("\n|---|").append("---|".repeat(table.lanes().size())).append('\n');
        for (ContrastTable.Row row : table.rows()) {
            md.append("| ").append(row.stage().label()).append(" |");
            table.lanes().forEach(lane -> md.append(' ').append(cell(row.cell(lane))).append(" |"));
            md.append('\n');
        }
        md.append("| **versioned** |");
        table.lanes().forEach(lane -> md.append(" **").append(inline(table.versioned(lane))).append("** |"));
        return md.append('\n').toString();
    }

    private String cell(ContrastTable.Cell cell) {
        if (cell.isEmpty()) {
            return "—";
        }
        List<String> lines = new ArrayList<>();
        cell.steps().forEach(step -> lines.add(inline(step.step().title())
                + (step.status() == StepStatus.PASSED ? "" : " (**" + step.status().label() + "**)")));
        cell.produced().forEach(item -> lines.add("→ " + inline(item)));
        if (cell.ran()) {
            lines.add("_" + Durations.seconds(cell.durationMs()) + "_");
        }
        return String.join("<br>", lines);
    }

    private String step(int number, StepResult result) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(number).append(". `").append(result.step().id()).append("`: ")
                .append(inline(result.step().title())).append("\n\n");
        md.append("- lane: ").append(result.step().lane()).append(" · stage: ").append(result.step().stage().label())
                .append(" · status: **").append(result.status().label()).append("** · duration: ")
                .append(Durations.seconds(result.durationMs())).append("\n\n");
        md.append("> ").append(inline(result.step().caption())).append("\n\n");
        md.append(fenced("sh", result.command()));
        if (result.failure() != null) {
            md.append("\nFailure:\n\n").append(fenced("text", result.failure().lines().toList()));
        }
        Excerpt excerpt = Excerpt.of(result.output());
        if (!excerpt.isEmpty()) {
            md.append("\nOutput (").append(result.output().size()).append(" lines):\n\n");
            md.append(fenced("text", excerpt.parts().stream().map(Excerpt.Part::text).toList()));
        }
        return md.toString();
    }

    /** A fence longer than any backtick run inside, so real output can never close the block early. */
    private String fenced(String language, List<String> lines) {
        int longest = 2;
        for (String line : lines) {
            Matcher run = BACKTICK_RUN.matcher(line);
            while (run.find()) {
                longest = Math.max(longest, run.group().length());
            }
        }
        String fence = "`".repeat(longest + 1);
        return fence + language + "\n" + secrets.mask(String.join("\n", lines)) + "\n" + fence + "\n";
    }

    /** Text inside a table cell, a heading or a quote: Markdown and HTML characters are shown, not interpreted. */
    String inline(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : secrets.mask(text).replace("\r", "").replace("\n", " ").toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
