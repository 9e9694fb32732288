package dev.opsdemo.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where to look at the MLOps lane's records in the MLflow UI. Uses the URLs the lane recorded; composes them from
 * the tracking URI when it did not ({@code #/runs/ID} is the UI's own redirect to the run's experiment page).
 */
final class MlflowLinks {

    private MlflowLinks() {
    }

    /** Link text to URL, in reading order; empty when the MLOps lane recorded nothing to link to. */
    static Map<String, String> of(JsonNode mlopsFacts) {
        Map<String, String> links = new LinkedHashMap<>();
        String ui = text(mlopsFacts, "trackingUri").replaceAll("/+$", "");
        String runId = text(mlopsFacts, "runId");
        String model = text(mlopsFacts, "modelName");
        String version = text(mlopsFacts, "modelVersion");
        String run = text(mlopsFacts, "runUrl");
        if (run.isEmpty() && !ui.isEmpty() && !runId.isEmpty()) {
            run = ui + "/#/runs/" + runId;
        }
        String modelVersion = text(mlopsFacts, "modelVersionUrl");
        if (modelVersion.isEmpty() && !ui.isEmpty() && !model.isEmpty() && !version.isEmpty()) {
            modelVersion = ui + "/#/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/versions/" + version;
        }
        put(links, runId.isEmpty() ? "MLflow run" : "MLflow run " + runId, run);
        String modelSource = text(mlopsFacts, "modelSource");
        put(links, "MLflow logged model " + modelSource.replaceFirst("^models:/", ""),
                text(mlopsFacts, "loggedModelUrl"));
        put(links, model.isEmpty() ? "MLflow model version" : "MLflow model " + model + " v" + version, modelVersion);
        put(links, "MLflow experiments", ui.isEmpty() ? "" : ui + "/#/experiments");
        return links;
    }

    /** Only web addresses: a report is opened in a browser, where another scheme could run something. */
    private static void put(Map<String, String> links, String text, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            links.put(text, url);
        }
    }

    private static String text(JsonNode facts, String key) {
        JsonNode value = facts.path(key);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
