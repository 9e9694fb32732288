package dev.opsdemo.mlops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data drift: has the production input moved away from what the model was trained on? Drift is not a contract
 * violation ({@code production_shifted.csv} is valid data) but it is why a model that passed every gate can lose
 * accuracy after deployment.
 *
 * <p>Two measures per numeric feature, missing values ignored:
 * <ul>
 *   <li>PSI, the population stability index: the training data's deciles define {@value #BINS} bins, and PSI sums
 *       {@code (p - q) * ln(p / q)} over the bins, p and q being the production and training shares in each.
 *   <li>KS, the two-sample Kolmogorov-Smirnov statistic D: the largest vertical gap between the two empirical
 *       cumulative distributions, between 0 (identical) and 1 (no overlap).
 * </ul>
 *
 * <p>The rule: a feature has drifted when {@code PSI >= } {@value #PSI_DRIFT}. PSI alone decides because its
 * thresholds are the long-established industry reading (credit scoring) and because, with ten bins, its sampling
 * noise stays far below 0.2 even for small batches (expected PSI of two samples of one distribution is about
 * {@code 9 * (1/n + 1/m)}: 0.02 for 2000 vs 500 rows, 0.1 for 2000 vs 100), whereas the noise in KS D shrinks
 * only with {@code sqrt(1/n + 1/m)} and would flag small batches at random. KS is reported beside it as a second,
 * bin-free opinion; {@link #KS_DRIFT} is where it would call drift.
 */
public final class Drift {

    /** PSI from which a feature counts as drifted. */
    public static final double PSI_DRIFT = 0.2;
    /** PSI from which a shift is worth watching (0.1 to 0.2: moderate); below it the feature is stable. */
    public static final double PSI_MODERATE = 0.1;
    /**
     * KS D that would indicate drift on its own: 0.1 is about twice the typical D of two same-distribution
     * samples of 2000 and 500 rows. Informational: the rule is PSI's (see the class comment).
     */
    public static final double KS_DRIFT = 0.1;
    public static final int BINS = 10;
    /** Share used for a bin one side leaves empty, so that ln(p / q) stays finite. */
    public static final double EPSILON = 1e-4;

    private Drift() {
    }

    /** Drift of every feature of the contract (every described column except the label). */
    public static DriftReport compare(CsvTable reference, CsvTable production, DataContract contract) {
        return compare(reference, production, contract.features());
    }

    public static DriftReport compare(CsvTable reference, CsvTable production, List<String> features) {
        List<FeatureDrift> results = new ArrayList<>();
        for (String feature : features) {
            double[] expected = values(reference, feature, "reference");
            double[] actual = values(production, feature, "production");
            double psi = psi(expected, actual);
            results.add(new FeatureDrift(feature, psi, ks(expected, actual), psi >= PSI_DRIFT));
        }
        return new DriftReport(results);
    }

    /**
     * Population stability index of {@code actual} against {@code reference}. The bins are cut at the reference's
     * deciles (linear interpolation, as numpy's default), duplicates removed, each bin closed on its right: a
     * discrete feature like {@code late_payments} (60% zeros) then gets the bins "0", "1", "over 1" instead of
     * several empty ones.
     */
    public static double psi(double[] reference, double[] actual) {
        requireValues(reference, "reference");
        requireValues(actual, "actual");
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] cuts = Arrays.stream(quantileCuts(sorted)).distinct().toArray();
        double[] expected = shares(sorted, cuts);
        double[] observed = shares(actual, cuts);
        double psi = 0.0;
        for (int i = 0; i < expected.length; i++) {
            double p = Math.max(observed[i], EPSILON);
            double q = Math.max(expected[i], EPSILON);
            psi += (p - q) * Math.log(p / q);
        }
        return psi;
    }

    /** Two-sample Kolmogorov-Smirnov statistic D = max |F_reference(x) - F_actual(x)|. */
    public static double ks(double[] reference, double[] actual) {
        requireValues(reference, "reference");
        requireValues(actual, "actual");
        double[] a = reference.clone();
        double[] b = actual.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0.0;
        while (i < a.length && j < b.length) {
            // Step over every copy of the smaller value in both samples before comparing: comparing in the middle of
            // a run of ties would measure a gap the step functions never have.
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    private static double[] quantileCuts(double[] sorted) {
        double[] cuts = new double[BINS - 1];
        for (int k = 1; k < BINS; k++) {
            double position = (sorted.length - 1) * (double) k / BINS;
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            cuts[k - 1] = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
        return cuts;
    }

    private static double[] shares(double[] values, double[] cuts) {
        double[] counts = new double[cuts.length + 1];
        for (double value : values) {
            int bin = Arrays.binarySearch(cuts, value);
            // binarySearch gives the cut's index on a hit (value <= cut: that bin), else -(insertion point) - 1.
            counts[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= values.length;
        }
        return counts;
    }

    private static double[] values(CsvTable table, String feature, String side) {
        int index = table.indexOf(feature);
        if (index < 0) {
            throw new IllegalArgumentException("the " + side + " data has no column '" + feature + "'");
        }
        double[] values = table.rows().stream()
                .map(row -> index < row.size() ? row.get(index) : "")
                .filter(value -> !value.isEmpty())
                .mapToDouble(value -> {
                    try {
                        return Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("the " + side + " data has a non-numeric " + feature
                                + " value '" + value + "': validate it against the data contract first", e);
                    }
                })
                .toArray();
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + side + " data has no values for '" + feature + "'");
        }
        return values;
    }

    private static void requireValues(double[] values, String side) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no " + side + " values to compare");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(side + " values must be finite numbers, got " + value);
            }
        }
    }
}
