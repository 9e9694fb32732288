package dev.opsdemo.mlops;

/**
 * How far one feature's production distribution has moved from the training data.
 *
 * @param name    the feature (column) name
 * @param psi     population stability index, see {@link Drift#psi}
 * @param ks      two-sample Kolmogorov-Smirnov statistic D, see {@link Drift#ks}
 * @param drifted whether {@link Drift}'s rule calls this drift
 */
public record FeatureDrift(String name, double psi, double ks, boolean drifted) {

    /** The usual PSI reading: below 0.1 stable, 0.1 to 0.2 moderate, from 0.2 drift. */
    public String level() {
        if (psi >= Drift.PSI_DRIFT) {
            return "drift";
        }
        return psi >= Drift.PSI_MODERATE ? "moderate" : "stable";
    }
}
