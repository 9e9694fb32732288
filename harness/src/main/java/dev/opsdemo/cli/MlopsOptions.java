package dev.opsdemo.cli;

import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlProject;
import dev.opsdemo.mlops.MlflowProjectRun;
import dev.opsdemo.mlops.MlopsSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import dev.opsdemo.workspace.RepoLayout;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options of the MLOps lane, shared by {@code mlops} and {@code demo}. */
public final class MlopsOptions {

    @Option(names = "--mlflow", paramLabel = "auto|container|local|stack|URL", defaultValue = "auto",
            converter = TargetConverter.class,
            description = "Where MLflow runs: auto (container if a Docker engine answers, else local), container, "
                    + "local (an `mlflow server` process from the venv), stack (PostgreSQL and MLflow with its "
                    + "authentication app in containers, as a class's server), or an existing server's URL. "
                    + "Default: ${DEFAULT-VALUE}.")
    MlflowTarget mlflow;

    @Option(names = "--mlflow-image", paramLabel = "IMAGE",
            defaultValue = "${env:OPSDEMO_MLFLOW_IMAGE:-" + MlflowContainer.DEFAULT_IMAGE + "}",
            description = "Image for --mlflow container (default: ${DEFAULT-VALUE}; when it is not present, the "
                    + "local build from scripts/mlflow-image.sh is used).")
    String image;

    @Option(names = "--min-accuracy", paramLabel = "X", defaultValue = "" + MlopsSettings.DEFAULT_MIN_ACCURACY,
            description = "Evaluation gate: the model must reach this accuracy to be registered "
                    + "(default: ${DEFAULT-VALUE}).")
    double minAccuracy;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE",
            description = "A training parameter passed to `mlflow run -P` (n_estimators, max_depth, test_size, "
                    + "seed, data).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "PATH",
            description = "Training data: CSV path(s) relative to sample-ml-project/ or absolute, comma-separated "
                    + "(default: " + MlopsSettings.DEFAULT_DATA + "; data/corrupted.csv shows the validation gate).")
    String data;

    @Option(names = "--production-data", paramLabel = "PATH", defaultValue = MlopsSettings.DEFAULT_PRODUCTION_DATA,
            description = "The labelled production batch the monitor step scores (default: ${DEFAULT-VALUE}; "
                    + "data/production_reference.csv has no drift).")
    String productionData;

    @Option(names = "--retrain-param", paramLabel = "KEY=VALUE",
            description = "A training parameter for the retraining run only (e.g. max_depth=1 for a weak "
                    + "challenger).")
    Map<String, String> retrainParams = new LinkedHashMap<>();

    @Option(names = "--promote-margin", paramLabel = "X", defaultValue = "" + MlopsSettings.DEFAULT_PROMOTE_MARGIN,
            description = "How much better a challenger must score to become champion (default: ${DEFAULT-VALUE}).")
    double promoteMargin;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = MlopsSettings.DEFAULT_EXPERIMENT,
            description = "MLflow experiment for the training runs (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--model-name", paramLabel = "NAME", defaultValue = MlopsSettings.DEFAULT_MODEL,
            description = "Registered model name (default: ${DEFAULT-VALUE}).")
    String modelName;

    @Option(names = "--learner", paramLabel = "NAME",
            description = "On a server many learners share: this learner's namespace, the prefix NAME- of the "
                    + "experiments and the registered model (so of its aliases too), e.g. ada-churn-classifier.")
    String learner;

    @Option(names = "--venv", paramLabel = "DIR", defaultValue = "${env:OPSDEMO_VENV}",
            description = "The Python venv with MLflow (default: .venv in the checkout; make another with "
                    + "scripts/python-env.sh --venv DIR [--python X] [--mlflow 2]).")
    Path venv;

    MlopsSettings settings(RepoLayout repo) {
        if (minAccuracy < 0 || minAccuracy > 1) {
            throw new dev.opsdemo.workspace.UsageException("--min-accuracy " + minAccuracy
                    + " is not between 0 and 1", "pass a fraction such as 0.8");
        }
        if (promoteMargin < 0 || promoteMargin >= 1) {
            throw new dev.opsdemo.workspace.UsageException("--promote-margin " + promoteMargin
                    + " is not at least 0 and below 1", "pass how much more accuracy a challenger needs, e.g. 0.02");
        }
        if (learner != null && !MlopsSettings.isLearnerName(learner)) {
            throw new dev.opsdemo.workspace.UsageException("--learner '" + learner + "' cannot begin the names of "
                    + "MLflow experiments and models", MlopsSettings.LEARNER_RULE);
        }
        requireName("--experiment", MlopsSettings.namespaced(learner, experiment));
        requireName("--model-name", MlopsSettings.namespaced(learner, modelName));
        // Checked against the ML project's own declarations, so that nothing starts (no server, no training) to
        // find out that a name or a value cannot work.
        MlProject project = MlProject.read(repo.sampleMlProject());
        project.requireParameters("-P", MlflowProjectRun.MAIN, params);
        if (retrainParams.containsKey("data")) {
            throw new dev.opsdemo.workspace.UsageException("--retrain-param data=" + retrainParams.get("data")
                    + ": the retraining data is the training data plus the first production rows",
                    "choose the training data with --data and the production batch with --production-data");
        }
        project.requireParameters("--retrain-param", MlflowProjectRun.MAIN, retrainParams);
        Map<String, String> training = new LinkedHashMap<>(params);
        String trainingData = data != null ? data : training.getOrDefault("data", MlopsSettings.DEFAULT_DATA);
        training.remove("data");
        project.requireDataFiles(data != null || !params.containsKey("data") ? "--data" : "-P data", trainingData);
        project.requireDataFiles("--production-data", productionData);
        return new MlopsSettings(mlflow, image, minAccuracy, training, experiment, modelName, trainingData,
                productionData, retrainParams, promoteMargin, repo.venv(venv), null).forLearner(learner);
    }

    /** MLflow names appear in URLs, JSON bodies and shell lines: letters, digits and . _ - only. */
    private static void requireName(String option, String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new dev.opsdemo.workspace.UsageException(option + " '" + name + "' is not a name MLflow and the "
                    + "shown commands can carry as it is", "use letters, digits, '.', '_' and '-' (at most 100), "
                    + "e.g. churn-classifier");
        }
    }

    static final class TargetConverter implements ITypeConverter<MlflowTarget> {
        @Override
        public MlflowTarget convert(String value) {
            try {
                return MlflowTarget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
