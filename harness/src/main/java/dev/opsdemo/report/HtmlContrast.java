package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

/** The contrast table as an HTML table: stages down, lanes across, "what is versioned" as the footer. */
final class HtmlContrast {

    private final HtmlText text;

    HtmlContrast(HtmlText text) {
        this.text = text;
    }

    String render(ContrastTable table) {
        StringBuilder html = new StringBuilder("<table class=\"contrast\">\n<thead><tr><th class=\"stage\">stage</th>");
        for (String lane : table.lanes()) {
            html.append("<th class=\"lane-").append(Html.cssClass(lane)).append("\">")
                    .append(text.of(table.label(lane))).append(" <small>")
                    .append(ConsoleListener.seconds(table.durationMs(lane))).append("</small></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ContrastTable.Row row : table.rows()) {
            html.append("<tr><th class=\"stage\">").append(text.of(row.stage().label())).append("</th>");
            table.lanes().forEach(lane -> html.append("<td>").append(cell(row.cell(lane))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n<tfoot><tr><th class=\"stage\">versioned</th>");
        table.lanes().forEach(lane -> html.append("<td>").append(text.of(table.versioned(lane)))
                .append("</td>"));
        return html.append("</tr></tfoot>\n</table>\n").toString();
    }

    private String cell(ContrastTable.Cell cell) {
        if (cell.isEmpty()) {
            return "<span class=\"none\">—</span>";
        }
        StringBuilder html = new StringBuilder();
        for (StepResult step : cell.steps()) {
            html.append("<div class=\"ran\"><a href=\"#").append(HtmlTimeline.anchor(step)).append("\">")
                    .append(text.of(step.step().title())).append("</a>");
            if (step.status() != StepStatus.PASSED) {
                html.append(" <span class=\"pill ").append(step.status().label()).append("\">")
                        .append(step.status().label()).append("</span>");
            }
            html.append("</div>");
        }
        if (!cell.produced().isEmpty()) {
            html.append("<ul class=\"produced\">");
            cell.produced().forEach(item -> html.append("<li>").append(text.of(item)).append("</li>"));
            html.append("</ul>");
        }
        if (cell.ran()) {
            html.append("<div class=\"dur\">").append(ConsoleListener.seconds(cell.durationMs())).append("</div>");
        }
        return html.toString();
    }
}
