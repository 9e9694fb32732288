package dev.opsdemo.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word wrapping for fixed-width columns, measured in terminal columns ({@link TerminalWidth}: an emoji takes two).
 * Text is broken only between words, and the blanks between the words that stay on a line are kept as they were.
 */
public final class TextWrap {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private TextWrap() {
    }

    /**
     * Lines of at most {@code width} columns; continuation lines start with {@code indent} spaces. A word longer than
     * the column is cut, never allowed to overflow.
     */
    public static List<String> wrap(String text, int width, int indent) {
        List<String> gaps = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String stripped = text.strip();
        Matcher word = WORD.matcher(stripped);
        int end = 0;
        while (word.find()) {
            gaps.add(stripped.substring(end, word.start()));
            words.add(word.group());
            end = word.end();
        }
        return fill(gaps, words, width, indent);
    }

    /** {@code gaps.get(i)}: the blanks before word i, kept when both stay on one line, dropped at a break. */
    private static List<String> fill(List<String> gaps, List<String> words, int width, int indent) {
        String hanging = " ".repeat(Math.max(0, Math.min(indent, width - 1)));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        boolean hasWord = false;
        for (int i = 0; i < words.size(); i++) {
            String gap = gaps.get(i);
            String rest = words.get(i);
            while (!rest.isEmpty()) {
                int room = width - used - (hasWord ? TerminalWidth.of(gap) : 0);
                int restWidth = TerminalWidth.of(rest);
                if (restWidth <= room) {
                    line.append(hasWord ? gap : "").append(rest);
                    used = TerminalWidth.of(line.toString());
                    hasWord = true;
                    rest = "";
                } else if (hasWord) {
                    lines.add(line.toString());
                    line = new StringBuilder(hanging);
                    used = hanging.length();
                    hasWord = false;
                } else {
                    String part = TerminalWidth.fold(rest, Math.max(1, room)).get(0);
                    if (part.isEmpty()) {  // a wide character in a one-column room: it goes anyway
                        part = rest.substring(0, rest.offsetByCodePoints(0, 1));
                    }
                    lines.add(line.append(part).toString());
                    rest = rest.substring(part.length());
                    line = new StringBuilder(hanging);
                    used = hanging.length();
                }
            }
        }
        if (hasWord || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
