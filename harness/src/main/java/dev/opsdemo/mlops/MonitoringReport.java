package dev.opsdemo.mlops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * summary.json's {@code facts.mlops.monitoring}: what monitoring measured, and what became of the model. The monitor
 * step writes it, the retrain and decide steps each write a copy with their part added; the lane's story reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitoringReport(Map<String, Drift> drift, Double accuracyBefore, Double accuracyAfter,
                               boolean retrainNeeded, String monitoringRunId, String batch, String decision,
                               String challengerVersion, String challengerRunId, String challengerDatasetDigest,
                               Double championScore, Double challengerScore, String championVersion) {

    /** One feature's drift between the training data and the production batch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drift(double psi, double ks, boolean drifted) {
    }

    /** What the monitor step read back: the champion stays until a challenger beats it. */
    static MonitoringReport measured(Map<String, Drift> drift, Double accuracyBefore, Double accuracyAfter,
                                     boolean retrainNeeded, String monitoringRunId, String batch) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                "kept", null, null, null, null, null, null);
    }

    MonitoringReport withChallenger(String version, String runId, String datasetDigest) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                decision, version, runId, datasetDigest, championScore, challengerScore, championVersion);
    }

    MonitoringReport decided(boolean promoted, double champion, double challenger, String aliasVersion) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                promoted ? "promoted" : "kept", challengerVersion, challengerRunId, challengerDatasetDigest, champion,
                challenger, aliasVersion);
    }
}
