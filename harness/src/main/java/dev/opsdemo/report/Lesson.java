package dev.opsdemo.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's key concept and its two common mistakes, each backed by what this run really did, so the contrast
 * ends on the point the demo exists to make.
 */
final class Lesson {

    static final String KEY_CONCEPT = "Key concept: MLOps manages machine learning models and their data; DevOps "
            + "manages application code and infrastructure.";

    private Lesson() {
    }

    /** The closing paragraphs, or none when the run did not include the MLOps lane. */
    static List<String> of(JsonNode facts) {
        JsonNode mlops = facts.path("mlops");
        if (mlops.isMissingNode() || mlops.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(KEY_CONCEPT);
        if (!mlops.hasNonNull("modelVersion")) {
            lines.add(withoutAModel(mlops));
            return lines;
        }
        StringBuilder versioned = new StringBuilder("Mistake avoided: treating an ML pipeline like a plain code "
                + "pipeline. The model was versioned with its data and parameters, not just its code");
        List<String> evidence = new ArrayList<>();
        if (mlops.hasNonNull("gitCommit")) {
            evidence.add("commit " + mlops.get("gitCommit").asText().substring(0, 7));
        }
        if (mlops.hasNonNull("datasetDigest")) {
            evidence.add("dataset digest " + mlops.get("datasetDigest").asText());
        }
        if (mlops.hasNonNull("modelVersion")) {
            evidence.add("model " + mlops.path("modelName").asText() + " v" + mlops.get("modelVersion").asText());
        }
        lines.add(versioned.append(evidence.isEmpty() ? "." : " (" + String.join(", ", evidence) + ").").toString());
        JsonNode monitoring = mlops.path("monitoring");
        if (monitoring.path("accuracyAfter").isNumber()) {
            String outcome = monitoring.path("retrainNeeded").asBoolean()
                    ? "retrained on the new data with the same code, decision: " + monitoring.path("decision").asText()
                    : "no drift or decay, so no retraining was needed";
            lines.add(String.format(Locale.ROOT, "Mistake avoided: ignoring the model after deployment. Monitoring "
                            + "measured accuracy %.2f -> %.2f on production data; %s.",
                    monitoring.path("accuracyBefore").asDouble(), monitoring.path("accuracyAfter").asDouble(),
                    outcome));
        }
        return lines;
    }

    /** What a run that released no model shows, and only that: it claims nothing about a model it does not have. */
    private static String withoutAModel(JsonNode mlops) {
        if (mlops.path("validationPassed").isBoolean() && !mlops.get("validationPassed").asBoolean()) {
            return "Mistake avoided: training on data nobody checked. The data contract stopped the pipeline before "
                    + "training (" + mlops.path("validationViolations").asText() + "); without that check the "
                    + "model would have trained on it without any error. Nothing was trained or registered.";
        }
        JsonNode accuracy = mlops.path("metrics").path("accuracy");
        if (accuracy.isNumber() && mlops.path("minAccuracy").isNumber()
                && accuracy.asDouble() < mlops.get("minAccuracy").asDouble()) {
            return String.format(Locale.ROOT, "Mistake avoided: releasing a model because its code passed. The "
                            + "accuracy gate held back run %s (accuracy %.4f, threshold %.4f): in ML the gate is a "
                            + "metric on held-out data. Nothing was registered.", mlops.path("runId").asText(),
                    accuracy.asDouble(), mlops.get("minAccuracy").asDouble());
        }
        return "The MLOps lane stopped before a model was released (see the failed step above), so this run shows "
                + "no model to contrast with the code.";
    }
}
