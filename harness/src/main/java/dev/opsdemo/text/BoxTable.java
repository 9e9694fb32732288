package dev.opsdemo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A box-drawn text table with fixed column widths. Cells are wrapped before they are coloured, so escape codes
 * never count towards a column's width and the borders stay aligned with or without colour.
 */
public final class BoxTable {

    /** One logical line of a cell: wrapped to the column, continuation lines indented, then coloured. */
    public record Line(String text, UnaryOperator<String> colour, int indent) {

        public static Line of(String text, UnaryOperator<String> colour) {
            return new Line(text, colour, 0);
        }
    }

    private final int[] widths;
    private final StringBuilder out = new StringBuilder();

    public BoxTable(int[] widths) {
        this.widths = widths.clone();
    }

    /** The width of the whole table: cells, one space of padding on each side, and the borders. */
    public static int outerWidth(int[] widths) {
        int total = 1;
        for (int width : widths) {
            total += width + 3;
        }
        return total;
    }

    public BoxTable top() {
        return border('┌', '┬', '┐');
    }

    public BoxTable rule() {
        return border('├', '┼', '┤');
    }

    public BoxTable bottom() {
        return border('└', '┴', '┘');
    }

    public BoxTable row(List<List<Line>> cells) {
        List<List<String[]>> wrapped = new ArrayList<>();
        int height = 1;
        for (int column = 0; column < widths.length; column++) {
            List<String[]> lines = new ArrayList<>();
            for (Line line : column < cells.size() ? cells.get(column) : List.<Line>of()) {
                for (String part : TextWrap.wrap(line.text(), widths[column], line.indent())) {
                    lines.add(new String[] {part, line.colour().apply(part)});
                }
            }
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int index = 0; index < height; index++) {
            StringBuilder text = new StringBuilder("│");
            for (int column = 0; column < widths.length; column++) {
                List<String[]> lines = wrapped.get(column);
                String plain = index < lines.size() ? lines.get(index)[0] : "";
                String shown = index < lines.size() ? lines.get(index)[1] : "";
                text.append(' ').append(shown).append(" ".repeat(widths[column] - plain.length())).append(" │");
            }
            out.append(text).append('\n');
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private BoxTable border(char left, char middle, char right) {
        StringBuilder line = new StringBuilder().append(left);
        for (int column = 0; column < widths.length; column++) {
            line.append("─".repeat(widths[column] + 2)).append(column == widths.length - 1 ? right : middle);
        }
        out.append(line).append('\n');
        return this;
    }
}
