package dev.opsdemo.report;

/** ANSI colours, or nothing at all when colour is off (NO_COLOR, not a terminal, files). */
public final class Style {

    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public static boolean colorWanted(boolean terminal, boolean noColorFlag) {
        String noColor = System.getenv("NO_COLOR");
        return terminal && !noColorFlag && (noColor == null || noColor.isEmpty());
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    public String green(String text) {
        return wrap("32", text);
    }

    public String red(String text) {
        return wrap("31", text);
    }

    public String yellow(String text) {
        return wrap("33", text);
    }

    public String cyan(String text) {
        return wrap("36", text);
    }

    public String magenta(String text) {
        return wrap("35", text);
    }

    private String wrap(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
