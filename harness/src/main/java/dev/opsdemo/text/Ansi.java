package dev.opsdemo.text;

import java.util.regex.Pattern;

/**
 * Terminal escape sequences in text: tools colour their output even in batch mode (Maven's closing reset codes,
 * the harness's own colours), and records, widths and comparisons want the plain text.
 */
public final class Ansi {

    /** A control sequence: ESC [, parameters, a final letter (colours end in m, cursor moves in others). */
    public static final Pattern SEQUENCE = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private Ansi() {
    }

    public static String strip(String text) {
        return SEQUENCE.matcher(text).replaceAll("");
    }
}
