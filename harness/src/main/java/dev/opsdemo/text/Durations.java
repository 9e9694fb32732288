package dev.opsdemo.text;

import java.util.Locale;

/** How long something took, as every record shows it: seconds with one decimal, e.g. {@code 12.3s}. */
public final class Durations {

    private Durations() {
    }

    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
