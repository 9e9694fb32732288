package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

/** One step of the HTML report: what it teaches, what a person would type, and what really came out. */
final class HtmlStep {

    private final HtmlText text;
    private final ContrastTable table;

    HtmlStep(HtmlText text, ContrastTable table) {
        this.text = text;
        this.table = table;
    }

    String render(int number, StepResult result) {
        String status = result.status().label();
        StringBuilder html = new StringBuilder();
        html.append("<article class=\"step ").append(status).append("\" id=\"").append(HtmlTimeline.anchor(result))
                .append("\">\n<header><span class=\"num\">").append(number).append("</span>")
                .append("<h3>").append(text.of(result.step().title())).append("</h3>")
                .append("<span class=\"pill ").append(status).append("\">").append(status).append("</span>")
                .append("<span class=\"meta\"><span class=\"lane-tag lane-").append(Html.cssClass(result.step().lane()))
                .append("\">").append(text.of(table.label(result.step().lane()))).append("</span> <code>")
                .append(text.of(result.step().id())).append("</code> · ")
                .append(text.of(result.step().stage().label()))
                .append(" · ").append(result.status() == StepStatus.SKIPPED ? "not run"
                        : ConsoleListener.seconds(result.durationMs())).append("</span></header>\n");
        html.append("<p class=\"caption\">").append(text.of(result.step().caption())).append("</p>\n");
        html.append("<pre class=\"cmd\">");
        result.command().forEach(line -> html.append("<span class=\"prompt\">$ </span>").append(text.of(line))
                .append('\n'));
        html.append("</pre>\n");
        if (result.failure() != null) {
            html.append("<pre class=\"failure\">").append(text.of(result.failure())).append("</pre>\n");
        }
        Excerpt excerpt = Excerpt.of(result.output());
        if (!excerpt.isEmpty()) {
            html.append("<details open><summary>Output · ").append(result.output().size())
                    .append(result.output().size() == 1 ? " line" : " lines").append("</summary><pre class=\"out\">");
            excerpt.head().forEach(line -> html.append(text.of(line)).append('\n'));
            if (excerpt.omitted() > 0) {
                html.append("<span class=\"omitted\">").append(text.of(excerpt.omissionNote())).append("</span>\n");
                excerpt.tail().forEach(line -> html.append(text.of(line)).append('\n'));
            }
            html.append("</pre></details>\n");
        }
        return html.append("</article>\n").toString();
    }
}
