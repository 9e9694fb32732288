package dev.opsdemo.mlops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * summary.json's {@code facts.mlops.monitoring}: what monitoring measured, and what became of the model. The monitor
 * step writes it, the steps after it each write a copy with their part added; the lane's story reads it.
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

    /** What retraining made: its run and the digest of the data it learned from. */
    MonitoringReport retrained(String runId, String datasetDigest) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, decision, challengerVersion, runId, datasetDigest, championScore, challengerScore,
                championVersion);
    }

    /** The version retraining's model was registered as, under the challenger alias. */
    MonitoringReport withChallenger(String version) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, decision, version, challengerRunId, challengerDatasetDigest, championScore, challengerScore,
                championVersion);
    }

    /** Both versions' accuracy on the same held-out rows. */
    MonitoringReport evaluated(double champion, double challenger) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, decision, challengerVersion, challengerRunId, challengerDatasetDigest, champion, challenger,
                championVersion);
    }

    /** Where the champion alias points after the decision. */
    MonitoringReport decided(boolean promoted, String aliasVersion) {
        return new MonitoringReport(drift, accuracyBefore, accuracyAfter, retrainNeeded, monitoringRunId, batch,
                plots, promoted ? "promoted" : "kept", challengerVersion, challengerRunId, challengerDatasetDigest,
                championScore, challengerScore, aliasVersion);
    }
}
