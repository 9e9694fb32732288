package dev.opsdemo.report;

import java.util.List;

/**
 * The start and the end of a step's output: the start says what the tool did, the end how it finished. The
 * middle of a long Maven or pip log is rarely what a reader of a report is after; the transcript keeps it all.
 */
record Excerpt(List<String> head, int omitted, List<String> tail) {

    static final int HEAD = 15;
    static final int TAIL = 10;

    /** Leaving out a line or two saves nothing, so short outputs are kept whole. */
    private static final int SLACK = 2;

    static Excerpt of(List<String> lines) {
        if (lines.size() <= HEAD + TAIL + SLACK) {
            return new Excerpt(List.copyOf(lines), 0, List.of());
        }
        return new Excerpt(List.copyOf(lines.subList(0, HEAD)), lines.size() - HEAD - TAIL,
                List.copyOf(lines.subList(lines.size() - TAIL, lines.size())));
    }

    boolean isEmpty() {
        return head.isEmpty() && tail.isEmpty();
    }

    String omissionNote() {
        return "… " + omitted + " line" + (omitted == 1 ? "" : "s")
                + " omitted (all of them are in transcript.txt) …";
    }
}
