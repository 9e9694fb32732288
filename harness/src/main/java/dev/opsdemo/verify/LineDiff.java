package dev.opsdemo.verify;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff by JGit's histogram diff (git's {@code --histogram}): {@code -} expected, {@code +} actual,
 * as git prints a changed block (the expected lines first), with two lines of context.
 */
public final class LineDiff {

    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    public static List<String> diff(List<String> expected, List<String> actual) {
        List<String> all = new ArrayList<>();
        int i = 0;
        for (Edit edit : new HistogramDiff().diff(Lines.EXACTLY, new Lines(expected), new Lines(actual))) {
            while (i < edit.getBeginA()) {
                all.add("  " + expected.get(i++));
            }
            for (String line : expected.subList(edit.getBeginA(), edit.getEndA())) {
                all.add("- " + line);
            }
            for (String line : actual.subList(edit.getBeginB(), edit.getEndB())) {
                all.add("+ " + line);
            }
            i = edit.getEndA();
        }
        while (i < expected.size()) {
            all.add("  " + expected.get(i++));
        }
        return withContext(all);
    }

    private static List<String> withContext(List<String> all) {
        List<String> shown = new ArrayList<>();
        int lastShown = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).startsWith("  ")) {
                continue;
            }
            int from = Math.max(lastShown + 1, k - CONTEXT);
            if (lastShown >= 0 && from > lastShown + 1) {
                shown.add("  ...");
            }
            for (int c = from; c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                if (c > lastShown) {
                    shown.add(all.get(c));
                    lastShown = c;
                }
            }
        }
        return shown;
    }

    /** The lines as JGit's diff sees a sequence: compared exactly, as the golden files are. */
    private static final class Lines extends Sequence {

        static final SequenceComparator<Lines> EXACTLY = new SequenceComparator<>() {
            @Override
            public boolean equals(Lines a, int ai, Lines b, int bi) {
                return a.lines.get(ai).equals(b.lines.get(bi));
            }

            @Override
            public int hash(Lines seq, int ptr) {
                return seq.lines.get(ptr).hashCode();
            }
        };

        private final List<String> lines;

        Lines(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public int size() {
            return lines.size();
        }
    }
}
