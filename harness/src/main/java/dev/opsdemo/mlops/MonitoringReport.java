package dev.opsdemo.mlops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * summary.json's {@code facts.mlops.monitoring}: what monitoring measured, and what became of the model. The monitor
 * step writes it, the retrain and decide steps each write a copy with their part added; the lane's story reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitoringReport(Map<String, Drift> drift, Double accuracyBefore, Double accuracyAfter,
                               boolean retrainNeeded, String monitoringRunId, String batch, List<Plot> plots,
                               String decision, String challengerVersion, String challengerRunId,
                               String challengerDatasetDigest, Double championScore, Double challengerScore,
                               String championVersion) {

    /** One feature's drift between the training data and the production batch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drift(double psi, double ks, boolean drifted) {
    }

    /**
     * A picture the monitoring run logged, and the copy the monitor step downloaded for the reports.
     *
     * @param artifact its path among the run's artifacts, e.g. {@code plots/drift_monthly_charges.png}
     * @param file     the copy's path relative to the workspace, e.g. {@code mlops/plots/drift_monthly_charges.png}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plot(String artifact, String file) {
    }

    /** What the monitor step read back: the champion stays until a challenger beats it. */
    static MonitoringReport measured(Map<String, Drift> drift, Double accuracyBefore, Double accuracyAfter,
                                     boolean retrainNeeded, String monitoringRunId, String batch, List<Plot> plots) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, "kept", null, null, null, null, null, null);
    }

    MonitoringReport withChallenger(String version, String runId, String datasetDigest) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, decision, version, runId, datasetDigest, championScore, challengerScore, championVersion);
    }

    MonitoringReport decided(boolean promoted, double champion, double challenger, String aliasVersion) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, promoted ? "promoted" : "kept", challengerVersion, challengerRunId, challengerDatasetDigest,
                champion, challenger, aliasVersion);
    }
}
