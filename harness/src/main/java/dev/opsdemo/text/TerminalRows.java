package dev.opsdemo.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A line the harness did not write (a command it shows, a tool's output) cut into the rows a terminal of a given
 * width shows, so that no row runs back to column 0: each continuation row starts with a hanging indent. The line's
 * own spacing stays as it is (a JSON document's indentation, aligned columns). It breaks after a space or a comma
 * (in a command, a comma within quotes: elsewhere it would split a word), and cuts a word only when no break fits.
 * A command broken at a space outside quotes ends its row with {@code " \"}, so the rows still read (and paste) as
 * the one command they are; a short option stays on the row of its value ({@code -P model_uri=...},
 * {@code -d '{...'}), the row ending before it instead, where the option and its value's start fit the next row.
 */
public final class TerminalRows {

    private static final String CONTINUED = " \\";

    private TerminalRows() {
    }

    /** A tool's output line: continuation rows indented two columns deeper than the line's own indentation. */
    public static List<String> output(String line, int width) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return cut(line, width, indent + "  ", false, false);
    }

    /** A shell command line after its {@code lead} (such as {@code "  $ "}): continuation rows under the command. */
    public static List<String> command(String lead, String command, int width) {
        return command(lead, command, width, false);
    }

    /**
     * As {@link #command(String, String, int)}; {@code exact}: broken only at blanks outside quotes, where each row
     * ends with {@code " \"}, so that the rows are still the one command for bash (a word wider than a row, such
     * as a request's JSON body, then stays whole on a row wider than {@code width}).
     */
    public static List<String> command(String lead, String command, int width, boolean exact) {
        return cut(lead + command, width, " ".repeat(lead.length() + 2), true, exact);
    }

    private static List<String> cut(String line, int width, String hanging, boolean shell, boolean exact) {
        if (width <= 0 || TerminalWidth.of(line) <= width) {
            return List.of(line);
        }
        // Never so deep that a continuation row has less than half the terminal for its text.
        hanging = hanging.substring(0, Math.min(hanging.length(), width / 2));
        char[] quoteBefore = shell ? quotes(line) : new char[line.length() + 1];
        List<String> rows = new ArrayList<>();
        String lead = "";
        int start = 0;
        while (true) {
            int room = width - lead.length();
            if (TerminalWidth.of(line.substring(start)) <= room) {
                rows.add(lead + line.substring(start));
                return rows;
            }
            int end = start;
            int next = -1;
            String marker = "";
            int before = -1;  // the break at the space before the one at `end`, when that one is a space too
            int used = 0;
            for (int i = start; i < line.length(); i = line.offsetByCodePoints(i, 1)) {
                used += TerminalWidth.of(line.substring(i, line.offsetByCodePoints(i, 1)));
                if (used > room) {
                    break;
                }
                char c = line.charAt(i);
                if (exact && (c != ' ' || quoteBefore[i] != 0)) {
                    continue;
                }
                if (c == ' ' && i > start) {
                    boolean continued = shell && quoteBefore[i] == 0;
                    if (used - 1 + (continued ? CONTINUED.length() : 0) <= room) {
                        before = next >= 0 && marker.equals(CONTINUED) ? end : -1;
                        end = i;
                        next = i + 1;
                        marker = continued ? CONTINUED : "";
                    }
                } else if (c == ',' && (!shell || quoteBefore[i] != 0)) {
                    end = i + 1;
                    next = i + 1;
                    marker = "";
                    before = -1;
                }
            }
            if (shell && marker.equals(CONTINUED) && before >= 0
                    && keepsOptionWithValue(line, before + 1, end, width - hanging.length(), quoteBefore, exact)) {
                end = before;
                next = before + 1;
            }
            if (next < 0 && exact) {  // no break fits: the row runs on to the next blank outside quotes, or to the end
                next = start + 1;
                while (next < line.length() && (line.charAt(next) != ' ' || quoteBefore[next] != 0)) {
                    next++;
                }
                if (next >= line.length()) {
                    rows.add(lead + line.substring(start));
                    return rows;
                }
                end = next;
                marker = CONTINUED;
            }
            if (next < 0) {  // no break fits: cut the word where the row is full
                next = start;
                for (int w = 0; next < line.length(); next = line.offsetByCodePoints(next, 1)) {
                    w += TerminalWidth.of(line.substring(next, line.offsetByCodePoints(next, 1)));
                    if (w > room) {
                        break;
                    }
                }
                next = Math.max(next, line.offsetByCodePoints(start, 1));
                end = next;
            }
            rows.add(lead + line.substring(start, end) + marker);
            lead = hanging;
            start = next;
            while (start < line.length() && line.charAt(start) == ' ' && quoteBefore[start] == 0 && shell) {
                start++;
            }
        }
    }

    /**
     * Whether a row ending after the word {@code line[from, to)} would part a short option from its value (such as
     * {@code -P model_uri=...}, {@code -e evaluate}, {@code -d '{...'}), and the option with the start of its value (up
     * to where that can break) fits on a continuation row {@code room} wide: then the row ends before the option.
     */
    private static boolean keepsOptionWithValue(String line, int from, int to, int room, char[] quoteBefore,
                                                boolean exact) {
        if (!line.substring(from, to).matches("-[A-Za-z]")) {
            return false;
        }
        int piece = to + 1;
        // Exact, the value breaks only at a blank outside quotes; else also at a blank or a comma within them.
        while (piece < line.length() && !(line.charAt(piece) == ' ' && (!exact || quoteBefore[piece] == 0))
                && !(!exact && line.charAt(piece) == ',' && quoteBefore[piece] != 0)) {
            piece++;
        }
        return TerminalWidth.of(line.substring(from, Math.min(line.length(), piece + 1))) + CONTINUED.length()
                <= room;
    }

    /**
     * For each index of {@code line}, the quote bash is inside just before it ({@code '}, {@code "} or 0), or
     * {@code #} in a comment, which runs to the line's end and so may not be broken either.
     */
    private static char[] quotes(String line) {
        char[] before = new char[line.length() + 1];
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            before[i] = quote;
            char c = line.charAt(i);
            if (quote == '#') {
                continue;
            }
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                before[++i] = quote;
            } else if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
                quote = quote == 0 ? c : 0;
            } else if (c == '#' && quote == 0 && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                quote = '#';
            }
        }
        before[line.length()] = quote;
        return before;
    }
}
