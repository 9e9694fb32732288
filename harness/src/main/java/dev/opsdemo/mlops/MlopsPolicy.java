package dev.opsdemo.mlops;


/**
 * The MLOps lane's rules, as pure functions: when a model may be released, when to retrain, how the production batch
 * is split between retraining and the comparison, and when a challenger replaces the champion. The measurements
 * themselves are the ML project's (its {@code monitor} and {@code evaluate} entry points); these only read their
 * verdicts and numbers. The exported script has bash copies of the gate and the promotion rule (its helpers in
 * {@code commands/mlops.sh}); both copies are tested against the same cases, sample-ml-project/tests/rule_cases.json.
 */
final class MlopsPolicy {

    /**
     * Accuracies are ratios of row counts, so a difference this small is floating-point rounding, not a change:
     * 0.80 + 0.02 is 0.8200000000000001, and a challenger at 0.82 is better by exactly the margin.
     */
    static final double TOLERANCE = 1e-9;

    private MlopsPolicy() {
    }

    /** The accuracy gate: a model is released only if its accuracy reaches the threshold (exactly it is enough). */
    static boolean passesGate(double accuracy, double minAccuracy) {
        return accuracy >= minAccuracy;
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
        return challengerAccuracy - championAccuracy >= margin - TOLERANCE;
    }
}
