package dev.opsdemo.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Facts;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lanes side by side, one row per {@link Stage}: which steps really ran, what they produced, how long they
 * took. Built only from step results, so every report shows the same contrast the run actually produced.
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

    private ContrastTable(List<String> lanes, List<Row> rows) {
        this.lanes = lanes;
        this.rows = rows;
    }

    public static ContrastTable of(List<StepResult> results) {
        List<String> lanes = new ArrayList<>();
        results.stream().map(result -> result.step().lane()).distinct().forEach(lanes::add);
        lanes.sort(LaneLabels.order());
        ObjectNode facts = Facts.byLane(results);
        List<Row> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String lane : lanes) {
                List<StepResult> steps = results.stream()
                        .filter(result -> result.step().lane().equals(lane) && result.step().stage() == stage)
                        .toList();
                cells.put(lane, new Cell(steps, Produced.of(lane, stage, facts.path(lane))));
            }
            rows.add(new Row(stage, cells));
        }
        return new ContrastTable(List.copyOf(lanes), List.copyOf(rows));
    }

    /** The lanes that ran, DevOps first. */
    public List<String> lanes() {
        return lanes;
    }

    /** Every stage, in enum order, whether or not a lane has a step there. */
    public List<Row> rows() {
        return rows;
    }

    public static String label(String lane) {
        return LaneLabels.label(lane);
    }

    public static String versioned(String lane) {
        return LaneLabels.versioned(lane);
    }

    public long durationMs(String lane) {
        return rows.stream().mapToLong(row -> row.cell(lane).durationMs()).sum();
    }

    /** For the terminal: box-drawn, wrapped to {@code width} columns, coloured only if {@code style} is. */
    public String render(Style style, int width) {
        return new TerminalContrast(style, width).render(this);
    }
}
