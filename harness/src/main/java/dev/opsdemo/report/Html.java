package dev.opsdemo.report;

import java.util.Locale;

/** Text into HTML: everything from a run (output, commands, facts) is shown as text, never interpreted. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A lane or status name as a CSS class: only the characters a class selector takes without escaping. */
    static String cssClass(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.3f%%", value);
    }
}
