package dev.opsdemo.text;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * How wide a line is on a terminal, and how a terminal of a given width wraps it: colour codes take no column, wide
 * characters (emoji such as MLflow's run links' 🏃, CJK) take two.
 */
public final class TerminalWidth {

    private TerminalWidth() {
    }

    public static int of(String line) {
        int columns = 0;
        String text = Ansi.strip(line);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            columns += columns(codePoint);
            i += Character.charCount(codePoint);
        }
        return columns;
    }

    /** The line cut into pieces of at most {@code width} columns; colour codes are kept where they were. */
    public static List<String> fold(String line, int width) {
        if (of(line) <= width) {
            return List.of(line);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int used = 0;
        Matcher ansi = Ansi.SEQUENCE.matcher(line);
        for (int i = 0; i < line.length(); ) {
            if (ansi.find(i) && ansi.start() == i) {
                part.append(ansi.group());
                i = ansi.end();
                continue;
            }
            int codePoint = line.codePointAt(i);
            int w = columns(codePoint);
            if (used + w > width) {
                parts.add(part.toString());
                part.setLength(0);
                used = 0;
            }
            part.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        parts.add(part.toString());
        return parts;
    }

    private static int columns(int codePoint) {
        if (Character.getType(codePoint) == Character.NON_SPACING_MARK || codePoint == 0xFE0F || codePoint == 0x200D) {
            return 0;
        }
        boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) || (codePoint >= 0x1F680 && codePoint <= 0x1F6FF)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
