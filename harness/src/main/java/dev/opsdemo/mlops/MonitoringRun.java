package dev.opsdemo.mlops;

import org.mlflow.tracking.MlflowClient;

import java.util.Map;

/**
 * What monitoring saw, logged as a run of the {@code monitoring} experiment and linked to the model version by tags,
 * so the model's history in MLflow shows when and why it was retrained.
 */
final class MonitoringRun {

    static final String EXPERIMENT = "monitoring";

    private MonitoringRun() {
    }

    static String log(MlflowClient client, String model, String version, String batchSource, DriftReport drift,
                      double accuracyBefore, double accuracyAfter, boolean retrain) {
        String experimentId = client.getExperimentByName(EXPERIMENT)
                .map(experiment -> experiment.getExperimentId())
                .orElseGet(() -> client.createExperiment(EXPERIMENT));
        String runId = client.createRun(experimentId).getRunId();
        Map.of("model.name", model, "model.version", version, "batch.source", batchSource,
                "drift.detected", String.valueOf(drift.drifted()), "retrain.needed", String.valueOf(retrain))
                .forEach((key, value) -> client.setTag(runId, key, value));
        for (FeatureDrift feature : drift.features()) {
            client.logMetric(runId, "psi." + feature.name(), feature.psi());
            client.logMetric(runId, "ks." + feature.name(), feature.ks());
        }
        client.logMetric(runId, "accuracy_before", accuracyBefore);
        client.logMetric(runId, "accuracy_after", accuracyAfter);
        client.setTerminated(runId);
        return runId;
    }
}
