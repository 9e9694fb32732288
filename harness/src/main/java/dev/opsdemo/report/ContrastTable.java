package dev.opsdemo.report;

import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.Picture;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lanes side by side, one row per {@link Stage}: which steps really ran, what they produced, how long they
 * took; each lane's story tells what its steps produced. Built only from the run's summary, so every report shows
 * the same contrast the run actually produced, and knows no lane by name.
 */
public final class ContrastTable {

    /** One lane at one stage; no steps means the lane has nothing at that stage. */
    public record Cell(List<StepResult> steps, List<String> produced) {

        public Cell {
            steps = List.copyOf(steps);
            produced = List.copyOf(produced);
        }

        public boolean isEmpty() {
            return steps.isEmpty() && produced.isEmpty();
        }

        public long durationMs() {
            return steps.stream().mapToLong(StepResult::durationMs).sum();
        }

        /** Whether any of its steps ran at all: a skipped step took no time worth showing. */
        public boolean ran() {
            return steps.stream().anyMatch(step -> step.status() != StepStatus.SKIPPED);
        }
    }

    public record Row(Stage stage, Map<String, Cell> cells) {

        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        public Cell cell(String lane) {
            return cells.getOrDefault(lane, new Cell(List.of(), List.of()));
        }
    }

    private final List<String> lanes;
    private final List<Row> rows;
    private final RunSummary summary;

    private ContrastTable(List<String> lanes, List<Row> rows, RunSummary summary) {
        this.lanes = lanes;
        this.rows = rows;
        this.summary = summary;
    }

    public static ContrastTable of(RunSummary summary) {
        List<String> lanes = summary.lanes();
        List<Row> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String lane : lanes) {
                List<StepResult> steps = summary.results().stream()
                        .filter(result -> result.step().lane().equals(lane) && result.step().stage() == stage)
                        .toList();
                cells.put(lane, new Cell(steps, summary.story(lane).produced(stage, summary.facts().path(lane))));
            }
            rows.add(new Row(stage, cells));
        }
        return new ContrastTable(List.copyOf(lanes), List.copyOf(rows), summary);
    }

    /** What the reports are about, e.g. "DevOps vs MLOps", from the labels of the lanes that ran. */
    static String title(List<String> labels) {
        return labels.isEmpty() ? "opsdemo" : String.join(" vs ", labels);
    }

    String title() {
        return title(lanes.stream().map(this::label).toList());
    }

    /** The lanes that ran, in the order they were given. */
    public List<String> lanes() {
        return lanes;
    }

    /** Every stage, in enum order, whether or not a lane has a step there. */
    public List<Row> rows() {
        return rows;
    }

    public String label(String lane) {
        return summary.story(lane).label();
    }

    public String versioned(String lane) {
        return summary.story(lane).versioned();
    }

    /** The closing paragraphs every lane backs with what it did, lane by lane. */
    List<String> lessons() {
        return lanes.stream().flatMap(lane -> summary.story(lane).lessons(summary.facts().path(lane)).stream())
                .toList();
    }

    /** Where to look at the lanes' records: link text to web address, in reading order. */
    Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        lanes.forEach(lane -> links.putAll(summary.story(lane).links(summary.facts().path(lane))));
        return links;
    }

    /** What the step's lane shows beside its output (see {@link LaneStory#pictures}). */
    List<Picture> pictures(StepResult result) {
        String lane = result.step().lane();
        return summary.story(lane).pictures(result.step().id(), summary.facts().path(lane));
    }

    public long durationMs(String lane) {
        return rows.stream().mapToLong(row -> row.cell(lane).durationMs()).sum();
    }

    /** For the terminal: box-drawn, wrapped to {@code width} columns, coloured only if {@code style} is. */
    public String render(Style style, int width) {
        return new TerminalContrast(style, width).render(this);
    }
}
