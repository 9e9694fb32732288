package dev.opsdemo.mlops;

import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowTarget;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the MLOps lane was asked to do: which server and image, the training data and parameters, the gate, the
 * production batch to monitor, how retraining and promotion are decided, and the Python venv with MLflow.
 */
public record MlopsSettings(MlflowTarget target, String image, double minAccuracy, Map<String, String> params,
                            String experiment, String modelName, String data, String productionData,
                            Map<String, String> retrainParams, double promoteMargin, Path venv, String learner) {

    public static final String DEFAULT_EXPERIMENT = "churn-training";
    public static final String DEFAULT_MODEL = "churn-classifier";
    public static final String DEFAULT_DATA = "data/train.csv";
    public static final String DEFAULT_PRODUCTION_DATA = "data/production_shifted.csv";
    public static final double DEFAULT_MIN_ACCURACY = 0.80;
    /** A challenger must beat the champion by this much on the same held-out rows to take the alias. */
    public static final double DEFAULT_PROMOTE_MARGIN = 0.02;
    /** Accuracy on production this far below the training run's counts as decay and triggers retraining. */
    public static final double MAX_ACCURACY_DROP = 0.05;
    public static final String ALIAS = "champion";
    public static final String CHALLENGER = "challenger";
    /** Where the checks of the data are recorded, apart from the training runs they guard. */
    public static final String VALIDATION_EXPERIMENT = "data-validation";
    public static final String MONITORING_EXPERIMENT = "monitoring";

    /** What a learner's name may be, as a message that refuses one says it. */
    public static final String LEARNER_RULE = "use lowercase letters, digits, '_' and '-' (at most 40, beginning "
            + "with a letter or digit), e.g. ada or team-3";

    /**
     * A learner's name begins names (MLflow's and the shown commands' rule holds for the joined name): lowercase, so
     * that {@code Ada} and {@code ada} are not two namespaces that look like one.
     */
    public static boolean isLearnerName(String name) {
        return name.matches("[a-z0-9][a-z0-9_-]{0,39}");
    }

    public MlopsSettings {
        params = Map.copyOf(params);
        retrainParams = Map.copyOf(retrainParams);
    }

    /**
     * What the lane runs with when given no MLOps options (the {@code demo} default and the exported script), on the
     * given server kind and venv: the one place these defaults are put together.
     */
    public static MlopsSettings defaults(MlflowTarget target, Path venv) {
        return new MlopsSettings(target, MlflowContainer.DEFAULT_IMAGE, DEFAULT_MIN_ACCURACY, Map.of(),
                DEFAULT_EXPERIMENT, DEFAULT_MODEL, DEFAULT_DATA, DEFAULT_PRODUCTION_DATA, Map.of(),
                DEFAULT_PROMOTE_MARGIN, venv, null);
    }

    /** The same settings on another server ({@code verify} runs on a local one unless --mlflow says otherwise). */
    public MlopsSettings withTarget(MlflowTarget other) {
        return new MlopsSettings(other, image, minAccuracy, params, experiment, modelName, data, productionData,
                retrainParams, promoteMargin, venv, learner);
    }

    /** The same settings with another image for a container server. */
    public MlopsSettings withImage(String other) {
        return new MlopsSettings(target, other, minAccuracy, params, experiment, modelName, data, productionData,
                retrainParams, promoteMargin, venv, learner);
    }

    /**
     * The same settings in {@code learner}'s namespace ({@link #namespaced}: the experiment and the model named
     * with the learner's prefix); these settings themselves without a learner.
     */
    public MlopsSettings forLearner(String other) {
        return other == null ? this : new MlopsSettings(target, image, minAccuracy, params,
                namespaced(other, experiment), namespaced(other, modelName), data, productionData, retrainParams,
                promoteMargin, venv, other);
    }

    /**
     * {@code name} in a learner's namespace on a server many share: {@code ada-churn-classifier} for learner
     * {@code ada}; the name itself without a learner. The names of the experiments and of the registered model,
     * and so its aliases, are all made so: one learner cannot touch another's champion.
     */
    public static String namespaced(String learner, String name) {
        return learner == null ? name : learner + "-" + name;
    }

    /** The experiment the data checks are recorded in, in this learner's namespace. */
    public String validationExperiment() {
        return namespaced(learner, VALIDATION_EXPERIMENT);
    }

    /** The experiment the monitoring runs are recorded in, in this learner's namespace. */
    public String monitoringExperiment() {
        return namespaced(learner, MONITORING_EXPERIMENT);
    }

    /** The training parameters {@code mlflow run} gets, with the data file as the {@code data} parameter. */
    public Map<String, String> trainingParams() {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("data", data);
        return all;
    }
}
