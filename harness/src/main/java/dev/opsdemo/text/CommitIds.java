package dev.opsdemo.text;

/** A Git commit id as the reports show it: its first seven characters, as {@code git log --oneline} does. */
public final class CommitIds {

    private static final int SHORT = 7;

    private CommitIds() {
    }

    public static String shortForm(String sha) {
        return sha.length() > SHORT ? sha.substring(0, SHORT) : sha;
    }
}
