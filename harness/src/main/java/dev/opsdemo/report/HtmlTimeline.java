package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;

/**
 * The run drawn to scale: one track per lane, each step a segment as wide as its share of the run's wall-clock
 * time, at the moment it started. Plain HTML and CSS; a segment's title shows its details and it links to the step.
 */
final class HtmlTimeline {

    /** Narrower segments stay unlabelled: a label cut to a letter or two says nothing; the tooltip does. */
    private static final double LABELLED_PERCENT = 4.5;

    private final HtmlText text;

    HtmlTimeline(HtmlText text) {
        this.text = text;
    }

    String render(Timeline timeline) {
        StringBuilder html = new StringBuilder("<div class=\"timeline\">\n");
        for (String lane : timeline.lanes()) {
            long laneMs = timeline.spans(lane).stream().mapToLong(span -> span.result().durationMs()).sum();
            html.append("<div class=\"tl-row\"><div class=\"tl-label\"><span class=\"dot lane-")
                    .append(Html.cssClass(lane)).append("\"></span>").append(text.of(timeline.label(lane)))
                    .append(" <small>").append(ConsoleListener.seconds(laneMs)).append("</small></div>")
                    .append("<div class=\"tl-track\">");
            for (Timeline.Span span : timeline.spans(lane)) {
                html.append(segment(timeline, span));
            }
            html.append("</div></div>\n");
            if (!timeline.skipped(lane).isEmpty()) {
                html.append("<div class=\"tl-skipped\">skipped, never ran: ");
                html.append(String.join(", ", timeline.skipped(lane).stream()
                        .map(result -> "<a href=\"#" + anchor(result) + "\"><code>" + text.of(result.step().id())
                                + "</code></a>").toList()));
                html.append("</div>\n");
            }
        }
        html.append("<div class=\"tl-axis\">");
        for (long tick : timeline.ticksMs()) {
            html.append("<span class=\"tick\" style=\"left:").append(Html.percent(timeline.percent(tick)))
                    .append("\">").append(ConsoleListener.seconds(tick)).append("</span>");
        }
        return html.append("</div>\n</div>\n").toString();
    }

    private String segment(Timeline timeline, Timeline.Span span) {
        StepResult result = span.result();
        double width = timeline.percent(result.durationMs());
        String id = result.step().id();
        String shortId = id.startsWith(result.step().lane() + ".") ? id.substring(result.step().lane().length() + 1)
                : id;
        String tooltip = id + " · " + result.step().title() + " · " + result.status().label() + " · "
                + ConsoleListener.seconds(span.startMs()) + " → " + ConsoleListener.seconds(span.endMs())
                + " (" + ConsoleListener.seconds(result.durationMs()) + ")";
        return "<a class=\"seg lane-" + Html.cssClass(result.step().lane()) + " " + result.status().label()
                + "\" href=\"#" + anchor(result) + "\" style=\"left:" + Html.percent(timeline.percent(span.startMs()))
                + ";width:" + Html.percent(width) + "\" title=\"" + text.of(tooltip)
                + "\" aria-label=\"" + text.of(tooltip) + "\">"
                + (width >= LABELLED_PERCENT ? text.of(shortId) : "") + "</a>";
    }

    static String anchor(StepResult result) {
        return "step-" + Html.cssClass(result.step().id());
    }
}
