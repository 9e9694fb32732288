package dev.opsdemo.mlops;

import java.util.Map;

/**
 * The MLOps lane's rules, as pure functions: when to retrain, how the production batch is split between retraining
 * and the comparison, and when a challenger replaces the champion. The measurements themselves are the ML project's
 * (its {@code monitor} and {@code evaluate} entry points); these only read their verdicts and numbers.
 */
final class MlopsPolicy {

    private MlopsPolicy() {
    }

    /** The monitoring run's verdict, as the {@code monitor} entry point tags it. */
    static boolean retrainNeeded(Map<String, String> monitoringTags) {
        return "true".equals(monitoringTags.get("retrain.needed"));
    }

    /** Retraining learns from the first 3/5 of the production batch, on top of the training data. */
    static int freshRows(int productionRows) {
        return productionRows * 3 / 5;
    }

    /** The rest of the batch is held out: both models are compared on rows neither was trained on. */
    static int heldOutRows(int productionRows) {
        return productionRows - freshRows(productionRows);
    }

    /** The challenger replaces the champion only if it is better on the held-out rows by at least the margin. */
    static boolean promotes(double championAccuracy, double challengerAccuracy, double margin) {
        return challengerAccuracy >= championAccuracy + margin;
    }
}
