package dev.opsdemo.mlops;

import java.util.Map;

/** What the MLOps lane was asked to do: which server, which image, the gate, the training parameters. */
public record MlopsSettings(MlflowTarget target, String image, double minAccuracy, Map<String, String> params,
                            String experiment, String modelName) {

    public static final String DEFAULT_EXPERIMENT = "churn-training";
    public static final String DEFAULT_MODEL = "churn-classifier";
    public static final double DEFAULT_MIN_ACCURACY = 0.80;
    public static final String ALIAS = "champion";

    public MlopsSettings {
        params = Map.copyOf(params);
    }
}
