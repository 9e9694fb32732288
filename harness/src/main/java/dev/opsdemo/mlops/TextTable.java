package dev.opsdemo.mlops;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned plain-text columns, for reports a learner reads in a terminal or a log. */
final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {
    }

    static List<String> render(List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append(GAP);
                }
                line.append(row.get(i)).append(" ".repeat(widths.get(i) - row.get(i).length()));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
