package dev.opsdemo.text;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for fixed-width columns; a word longer than the column is cut, never allowed to overflow. */
public final class TextWrap {

    private TextWrap() {
    }

    /** Lines of at most {@code width} characters; continuation lines start with {@code indent} spaces. */
    public static List<String> wrap(String text, int width, int indent) {
        String hanging = " ".repeat(Math.max(0, Math.min(indent, width - 1)));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean hasWord = false;
        for (String word : text.strip().split("\\s+")) {
            String rest = word;
            while (!rest.isEmpty()) {
                int room = width - line.length() - (hasWord ? 1 : 0);
                if (rest.length() <= room) {
                    line.append(hasWord ? " " : "").append(rest);
                    hasWord = true;
                    rest = "";
                } else if (hasWord) {
                    lines.add(line.toString());
                    line = new StringBuilder(hanging);
                    hasWord = false;
                } else {
                    int cut = Math.max(1, room);
                    lines.add(line.append(rest, 0, cut).toString());
                    rest = rest.substring(cut);
                    line = new StringBuilder(hanging);
                }
            }
        }
        if (hasWord || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
