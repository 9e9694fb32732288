package dev.opsdemo.report;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.text.Durations;
import dev.opsdemo.text.Resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code report.html}: one page (inline CSS, no scripts, nothing fetched but the pictures the workspace holds beside
 * it, by relative links) that opens from disk anywhere the workspace folder is moved to: headline, the run drawn to
 * scale, the contrast table, and every step with its real output and the pictures its lane shows. The page is
 * the template {@code report.html.mustache}, which escapes every value; this class only says what goes in it, each
 * text from the run masked before it is escaped (escaping first could split a secret so the mask misses it).
 */
final class HtmlReport {

    /** What everything from a run is shown as: text, never markup (the characters HTML gives a meaning to). */
    static final Mustache.Escaper ESCAPER = Escapers.simple(new String[][]{{"&", "&amp;"}, {"<", "&lt;"},
            {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
    private static final Template PAGE = Mustache.compiler().withEscaper(ESCAPER)
            .compile(resource("report.html.mustache"));
    private static final String CSS = resource("report.css");
    /** Narrower segments stay unlabelled: a label cut to a letter or two says nothing; the tooltip does. */
    private static final double LABELLED_PERCENT = 4.5;

    private final Secrets secrets;
    /** The command that reopens the run's servers ({@link Records#reopenCommand}). */
    private final String reopen;

    /** The servers' logs in the workspace, relative to it ({@link Records#logs}). */
    private final List<String> logs;

    HtmlReport(Secrets secrets, String reopen, List<String> logs) {
        this.secrets = secrets;
        this.reopen = reopen;
        this.logs = List.copyOf(logs);
    }

    record Page(String css, String title, String status, int exitCode, long passedSteps, int stepCount,
                String wallClock, String headlineSuffix, boolean hasLanes, List<Versioned> versioned,
                boolean hasLinks, List<Link> links, boolean hasLogs, String logsLead, List<Link> logs,
                String reopenLead, String reopen, List<Track> tracks,
                List<Tick> ticks, List<Header> headers, List<Row> rows, List<String> lessons, List<StepView> steps,
                String generatedAt, String mask) {
    }

    record Versioned(String laneClass, String label, String what) {
    }

    record Link(String text, String url) {
    }

    record Track(String laneClass, String label, String duration, List<Segment> segments, boolean hasSkipped,
                 List<Skipped> skipped) {
    }

    record Segment(String laneClass, String status, String anchor, String left, String width, String tooltip,
                   String label) {
    }

    record Skipped(String anchor, String id) {
    }

    record Tick(String left, String text) {
    }

    /** {@code width}: the lane's equal share of the table, so that the lanes' columns stand side by side alike. */
    record Header(String laneClass, String label, String duration, String width) {
    }

    record Row(String stage, List<Cell> cells) {
    }

    record Cell(boolean empty, List<Ran> ran, boolean hasProduced, List<String> produced, boolean hasDuration,
                String duration) {
    }

    record Ran(String anchor, String title, boolean notPassed, String status) {
    }

    record StepView(int number, String status, String anchor, String title, String laneClass, String lane, String id,
                    String stage, String duration, String caption, List<String> command, boolean hasFailure,
                    String failure, boolean hasOutput, String outputLines, List<OutputLine> output,
                    boolean hasPictures, List<PictureView> pictures) {
    }

    /** A picture beside a step's output: {@code src} its relative link, {@code name} its file's name. */
    record PictureView(String src, String alt, String name) {
    }

    /** A line of a step's output in the report, or the note that stands for lines left out ({@link Excerpt}). */
    record OutputLine(String text, boolean omission) {
    }

    String render(RunSummary summary, Timeline timeline, Instant generatedAt) {
        ContrastTable table = ContrastTable.of(summary);
        RunOverview overview = RunOverview.of(summary);
        List<Versioned> versioned = table.lanes().stream()
                .map(lane -> new Versioned(cssClass(lane), text(table.label(lane)), text(table.versioned(lane))))
                .toList();
        List<Link> links = table.links().entrySet().stream()
                .map(link -> new Link(text(link.getKey()), text(link.getValue()))).toList();
        List<String> lessons = table.lessons().stream().map(this::text).toList();
        List<StepResult> results = summary.results();
        List<StepView> steps = IntStream.range(0, results.size())
                .mapToObj(i -> step(i + 1, results.get(i), table)).toList();
        return PAGE.execute(new Page(CSS, text(table.title()), overview.status(), overview.exitCode(),
                overview.passedSteps(), overview.steps(), Durations.seconds(timeline.totalMs()),
                text(overview.lanesSuffix()), !table.lanes().isEmpty(), versioned, !links.isEmpty(), links,
                !logs.isEmpty(), text(Records.LOGS_LEAD), logs.stream().map(log -> new Link(text(log), text(log)))
                        .toList(),
                text(Records.REOPEN_LEAD), text(reopen),
                tracks(timeline), ticks(timeline), headers(table), rows(table), lessons, steps,
                generatedAt.truncatedTo(ChronoUnit.SECONDS).toString(), Secrets.MASK));
    }

    private List<Track> tracks(Timeline timeline) {
        return timeline.lanes().stream().map(lane -> {
            long laneMs = timeline.spans(lane).stream().mapToLong(span -> span.result().durationMs()).sum();
            List<Skipped> skipped = timeline.skipped(lane).stream()
                    .map(result -> new Skipped(anchor(result), text(result.step().id()))).toList();
            return new Track(cssClass(lane), text(timeline.label(lane)), Durations.seconds(laneMs),
                    timeline.spans(lane).stream().map(span -> segment(timeline, span)).toList(), !skipped.isEmpty(),
                    skipped);
        }).toList();
    }

    private Segment segment(Timeline timeline, Timeline.Span span) {
        StepResult result = span.result();
        double width = timeline.percent(result.durationMs());
        String id = result.step().id();
        String lane = result.step().lane();
        String shortId = id.startsWith(lane + ".") ? id.substring(lane.length() + 1) : id;
        String tooltip = id + " · " + result.step().title() + " · " + result.status().label() + " · "
                + Durations.seconds(span.startMs()) + " → " + Durations.seconds(span.endMs())
                + " (" + Durations.seconds(result.durationMs()) + ")";
        return new Segment(cssClass(lane), result.status().label(), anchor(result),
                percent(timeline.percent(span.startMs())), percent(width), text(tooltip),
                width >= LABELLED_PERCENT ? text(shortId) : "");
    }

    private static List<Tick> ticks(Timeline timeline) {
        return timeline.ticksMs().stream()
                .map(tick -> new Tick(percent(timeline.percent(tick)), Durations.seconds(tick))).toList();
    }

    private List<Header> headers(ContrastTable table) {
        String share = percent(100.0 / Math.max(1, table.lanes().size()));
        return table.lanes().stream().map(lane -> new Header(cssClass(lane), text(table.label(lane)),
                Durations.seconds(table.durationMs(lane)), share)).toList();
    }

    private List<Row> rows(ContrastTable table) {
        return table.rows().stream().map(row -> new Row(text(row.stage().label()),
                table.lanes().stream().map(lane -> cell(row.cell(lane))).toList())).toList();
    }

    private Cell cell(ContrastTable.Cell cell) {
        List<Ran> ran = cell.steps().stream().map(step -> new Ran(anchor(step), text(step.step().title()),
                step.status() != StepStatus.PASSED, step.status().label())).toList();
        return new Cell(cell.isEmpty(), ran, !cell.produced().isEmpty(), cell.produced().stream().map(this::text)
                .toList(), cell.ran(), Durations.seconds(cell.durationMs()));
    }

    private StepView step(int number, StepResult result, ContrastTable table) {
        Excerpt excerpt = Excerpt.of(result.output());
        List<PictureView> pictures = pictures(result, table);
        int lines = result.output().size();
        return new StepView(number, result.status().label(), anchor(result), text(result.step().title()),
                cssClass(result.step().lane()), text(table.label(result.step().lane())), text(result.step().id()),
                text(result.step().stage().label()), result.status() == StepStatus.SKIPPED ? "not run"
                : Durations.seconds(result.durationMs()), text(result.step().caption()),
                result.command().stream().map(this::text).toList(), result.failure() != null,
                text(result.failure()), !excerpt.isEmpty(), lines + (lines == 1 ? " line" : " lines"),
                excerpt.parts().stream().map(part -> new OutputLine(text(part.text()), part.omission())).toList(),
                !pictures.isEmpty(), pictures);
    }

    /** The step's pictures that are files in the workspace, linked relatively (see {@link #relativeLink}). */
    private List<PictureView> pictures(StepResult result, ContrastTable table) {
        return table.pictures(result).stream().filter(picture -> !relativeLink(picture.path()).isEmpty())
                .map(picture -> new PictureView(relativeLink(picture.path()), text(picture.alt()),
                        text(picture.path().substring(picture.path().lastIndexOf('/') + 1)))).toList();
    }

    /**
     * The link from report.html (at the workspace's root) to a file in the workspace, given relative to it with
     * {@code /} between names: each name URL-encoded, so the link stays a path within the folder and the page still
     * shows the file once the workspace has been moved. Empty for a path that is not one (absolute, a scheme, a
     * {@code ..} out of the workspace), which the page then leaves out rather than link outside its folder.
     */
    static String relativeLink(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return "";
        }
        List<String> names = List.of(path.split("/", -1));
        if (names.stream().anyMatch(name -> name.isEmpty() || name.equals(".") || name.equals(".."))) {
            return "";
        }
        return String.join("/", names.stream()
                .map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).toList());
    }

    /** A text from the run, masked; the template escapes it. */
    private String text(String text) {
        return secrets.mask(text == null ? "" : text);
    }

    static String anchor(StepResult result) {
        return "step-" + cssClass(result.step().id());
    }

    /** A lane or status name as a CSS class: only the characters a class selector takes without escaping. */
    static String cssClass(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.3f%%", value);
    }

    private static String resource(String name) {
        return Resources.text(HtmlReport.class, name).orElseThrow(() -> new IllegalStateException(name
                + " is missing from the harness's resources (harness/src/main/resources/dev/opsdemo/report/)"));
    }
}
