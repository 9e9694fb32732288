package dev.opsdemo.mlops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;

import java.util.Map;

/**
 * What each MLOps step reads back from the real systems, one record per step: the step writes it
 * ({@code StepContext.record}) and the story, the reports and the practice checks read it through the same type, so
 * that a renamed field is a compile error rather than a missing line. summary.json's {@code facts.mlops} holds their
 * fields side by side (a field two steps record, such as {@code alias}, is the later one's).
 */
public final class MlopsFacts {

    private MlopsFacts() {
    }

    /** mlops.server: where the lane tracks, and how the server runs (the image, for {@code harness ui}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Server(String experimentName, String mlflowMode, String mlflowImage, String trackingUri,
                         String backendStore) {
    }

    /** mlops.validate: the data checked and the contract's verdict, as its run recorded it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validation(String dataSource, String validationRunId, Boolean validationPassed,
                             String validationViolations) {
    }

    /** mlops.train: the training run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(String experimentName, String runId) {
    }

    /** mlops.inspect: what the run ties together, read back from the tracking server. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lineage(String runUrl, String modelSource, String loggedModelUrl, Map<String, String> params,
                          Map<String, Double> metrics, String datasetDigest, String gitCommit) {

        public Double accuracy() {
            return metrics == null ? null : metrics.get("accuracy");
        }
    }

    /** mlops.gate: the threshold the run's accuracy was held to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gate(Double minAccuracy) {
    }

    /** mlops.register: the version made from the run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Registration(String modelName, String modelVersion, String modelVersionUrl) {
    }

    /** mlops.alias and mlops.promote: the alias that says which version is released. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String alias) {
    }

    /** mlops.serve: the model server, and what it predicted for a labelled row. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Serving(JsonNode prediction, Integer predictionLabel, String servedModel, String modelServerUrl) {
    }

    /**
     * mlops.monitor and the steps after it: the monitoring run, and what became of the model; each later step
     * records the report again with its part added (and no URL: the monitor step's stays).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Monitoring(String monitoringRunUrl, MonitoringReport monitoring) {

        static Monitoring of(MonitoringReport report) {
            return new Monitoring(null, report);
        }
    }

    /** Every step's record, as a run left them (a step that did not run reads as a record of nulls). */
    public record Recorded(Server server, Validation validation, Training training, Lineage lineage, Gate gate,
                           Registration registration, Release release, Serving serving, Monitoring monitoring) {

        /** {@code lane}: summary.json's {@code facts.mlops}, or a missing node. */
        public static Recorded of(JsonNode lane) {
            return new Recorded(Json.read(lane, Server.class), Json.read(lane, Validation.class),
                    Json.read(lane, Training.class), Json.read(lane, Lineage.class), Json.read(lane, Gate.class),
                    Json.read(lane, Registration.class), Json.read(lane, Release.class),
                    Json.read(lane, Serving.class), Json.read(lane, Monitoring.class));
        }
    }
}
