package dev.opsdemo.report;

import dev.opsdemo.demo.StepContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The start and the end of a step's output, and the harness's own {@code →} lines from between them: the start says
 * what the tool did, the end how it finished, and a {@code →} line what the step decided from it (the two scores of
 * the champion and the challenger, say), which a reader of the report must not lose. The rest of a long Maven or pip
 * log is rarely what a reader is after; each run of lines left out is marked where it was, and the transcript keeps
 * them all.
 */
record Excerpt(List<Part> parts) {

    static final int HEAD = 15;
    static final int TAIL = 10;

    /** Leaving out a line or two saves nothing, so short outputs are kept whole. */
    private static final int SLACK = 2;

    /** A line of the output, or (omitted > 0) the note that stands for that many lines left out. */
    record Part(String text, int omitted) {

        boolean omission() {
            return omitted > 0;
        }
    }

    static Excerpt of(List<String> lines) {
        List<Part> parts = new ArrayList<>();
        if (lines.size() <= HEAD + TAIL + SLACK) {
            lines.forEach(line -> parts.add(new Part(line, 0)));
            return new Excerpt(List.copyOf(parts));
        }
        lines.subList(0, HEAD).forEach(line -> parts.add(new Part(line, 0)));
        int left = 0;
        for (String line : lines.subList(HEAD, lines.size() - TAIL)) {
            if (line.startsWith(StepContext.NOTE_PREFIX)) {
                left = omit(parts, left);
                parts.add(new Part(line, 0));
            } else {
                left++;
            }
        }
        omit(parts, left);
        lines.subList(lines.size() - TAIL, lines.size()).forEach(line -> parts.add(new Part(line, 0)));
        return new Excerpt(List.copyOf(parts));
    }

    /** Marks the {@code count} lines just left out (if any); returns the new count, 0. */
    private static int omit(List<Part> parts, int count) {
        if (count > 0) {
            parts.add(new Part("… " + count + " line" + (count == 1 ? "" : "s")
                    + " omitted (all of them are in transcript.txt) …", count));
        }
        return 0;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** How many lines were left out in all. */
    int omitted() {
        return parts.stream().mapToInt(Part::omitted).sum();
    }
}
