package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.text.BoxTable;
import dev.opsdemo.text.Durations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The contrast table for a terminal of a given width: stage labels on the left, one wrapped column per lane. */
final class TerminalContrast {

    private static final String STAGE = "stage";
    private static final String VERSIONED = "versioned";
    private static final int MIN_LANE_WIDTH = 12;

    private final Style style;
    private final int width;

    TerminalContrast(Style style, int width) {
        this.style = style;
        this.width = width;
    }

    String render(ContrastTable table) {
        List<String> lanes = table.lanes();
        if (lanes.isEmpty()) {
            return "";
        }
        int[] widths = widths(table, lanes.size());
        BoxTable box = new BoxTable(widths).top();
        List<List<BoxTable.Line>> header = new ArrayList<>();
        header.add(List.of(BoxTable.Line.of(STAGE, style::bold)));
        for (String lane : lanes) {
            header.add(List.of(BoxTable.Line.of(table.label(lane) + " · "
                    + Durations.seconds(table.durationMs(lane)), text -> style.bold(style.magenta(text)))));
        }
        box.row(header);
        for (ContrastTable.Row row : table.rows()) {
            List<List<BoxTable.Line>> cells = new ArrayList<>();
            cells.add(List.of(BoxTable.Line.of(row.stage().label(), style::cyan)));
            lanes.forEach(lane -> cells.add(cell(row.cell(lane))));
            box.rule().row(cells);
        }
        List<List<BoxTable.Line>> footer = new ArrayList<>();
        footer.add(List.of(BoxTable.Line.of(VERSIONED, style::bold)));
        lanes.forEach(lane -> footer.add(List.of(BoxTable.Line.of(table.versioned(lane),
                text -> style.bold(style.yellow(text))))));
        return box.rule().row(footer).bottom().toString();
    }

    private List<BoxTable.Line> cell(ContrastTable.Cell cell) {
        if (cell.isEmpty()) {
            return List.of(BoxTable.Line.of("—", style::dim));
        }
        List<BoxTable.Line> lines = new ArrayList<>();
        for (StepResult step : cell.steps()) {
            boolean passed = step.status() == StepStatus.PASSED;
            lines.add(new BoxTable.Line(step.step().title() + (passed ? "" : " (" + step.status().label() + ")"),
                    colour(step.status()), 2));
        }
        cell.produced().forEach(item -> lines.add(new BoxTable.Line("→ " + item, UnaryOperator.identity(), 2)));
        if (cell.ran()) {
            lines.add(BoxTable.Line.of(Durations.seconds(cell.durationMs()), style::dim));
        }
        return lines;
    }

    private UnaryOperator<String> colour(StepStatus status) {
        return switch (status) {
            case PASSED -> style::bold;
            case FAILED -> style::red;
            case INTERRUPTED -> style::yellow;
            case SKIPPED -> style::dim;
        };
    }

    /** The stage column fits its longest label; the lanes share the rest evenly, the first ones taking any spare. */
    private int[] widths(ContrastTable table, int laneCount) {
        int stageWidth = VERSIONED.length();
        for (ContrastTable.Row row : table.rows()) {
            stageWidth = Math.max(stageWidth, row.stage().label().length());
        }
        int[] widths = new int[laneCount + 1];
        widths[0] = stageWidth;
        int spare = width - BoxTable.outerWidth(new int[] {stageWidth}) - 3 * laneCount;
        for (int lane = 0; lane < laneCount; lane++) {
            widths[lane + 1] = Math.max(MIN_LANE_WIDTH, spare / laneCount + (lane < spare % laneCount ? 1 : 0));
        }
        return widths;
    }
}
