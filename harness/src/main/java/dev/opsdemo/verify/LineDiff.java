package dev.opsdemo.verify;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff (longest common subsequence): {@code -} expected, {@code +} actual, two lines of context. */
public final class LineDiff {

    private static final int CONTEXT = 2;

    private LineDiff() {
    }

    public static List<String> diff(List<String> expected, List<String> actual) {
        int[][] lcs = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                all.add("  " + expected.get(i++));
                j++;
            } else if (j < actual.size() && (i == expected.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                all.add("+ " + actual.get(j++));
            } else {
                all.add("- " + expected.get(i++));
            }
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
}
