package dev.opsdemo.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each stage left behind, read from the facts the steps recorded against the real systems. Each fact is
 * shown at the stage whose question it answers (the accuracy at evaluate, even though the read-back step that
 * fetched it is a version step), so the two lanes line up row by row. A fact that is missing is simply left out.
 */
final class Produced {

    private static final int SHORT_SHA = 7;

    private Produced() {
    }

    static List<String> of(String lane, Stage stage, JsonNode facts) {
        List<String> items = new ArrayList<>();
        switch (lane) {
            case LaneLabels.DEVOPS -> devops(stage, facts, items);
            case LaneLabels.MLOPS -> mlops(stage, facts, items);
            default -> { }
        }
        return items;
    }

    private static void devops(Stage stage, JsonNode facts, List<String> items) {
        switch (stage) {
            case VERSION -> text(facts, "commitSha").ifPresent(sha -> items.add("commit " + shortSha(sha)));
            case BUILD -> text(facts, "artifact").ifPresent(jar -> items.add("artifact " + artifact(jar)));
            case EVALUATE -> text(facts, "testsRun").ifPresent(run -> items.add(run + " tests run"
                    + text(facts, "testsFailed").map(failed -> ", " + failed + " failed").orElse("")));
            case RELEASE -> text(facts, "pushedSha").ifPresent(sha -> items.add("pushed " + shortSha(sha)
                    + text(facts, "branch").map(branch -> " to " + branch).orElse("")));
            case DEPLOY -> text(facts, "appUrl").ifPresent(url -> items.add("app at " + url));
            case MONITOR -> {
                JsonNode monitoring = facts.path("monitoring");
                if (monitoring.path("checks").isNumber()) {
                    items.add((monitoring.path("checks").asInt() - monitoring.path("failures").asInt()) + "/"
                            + monitoring.path("checks").asInt() + " health checks, p50 "
                            + monitoring.path("p50Ms").asText() + " ms");
                }
            }
        }
    }

    private static void mlops(Stage stage, JsonNode facts, List<String> items) {
        switch (stage) {
            case VERSION -> {
                text(facts, "gitCommit").ifPresent(sha -> items.add("code: commit " + shortSha(sha)));
                text(facts, "datasetDigest").ifPresent(digest -> items.add("data: digest " + digest));
                if (facts.path("params").isObject() && !facts.path("params").isEmpty()) {
                    items.add("params: " + pairs(facts.path("params")));
                }
            }
            case BUILD -> text(facts, "runId").ifPresent(run -> items.add("run " + run));
            case EVALUATE -> {
                JsonNode accuracy = facts.path("metrics").path("accuracy");
                if (accuracy.isNumber()) {
                    items.add(String.format(Locale.ROOT, "accuracy %.4f", accuracy.asDouble())
                            + text(facts, "minAccuracy").map(min -> " (threshold " + min + ")").orElse(""));
                }
            }
            case RELEASE -> text(facts, "modelName").ifPresent(name -> items.add("model " + name
                    + text(facts, "modelVersion").map(version -> " v" + version).orElse("")
                    + text(facts, "alias").map(alias -> " @" + alias).orElse("")));
            case DEPLOY -> {
                JsonNode prediction = facts.path("prediction");
                if (!prediction.isMissingNode() && !prediction.isNull()) {
                    JsonNode label = facts.path("predictionLabel");
                    items.add("prediction " + (prediction.isValueNode() ? prediction.asText() : prediction)
                            + (label.isValueNode() && !label.isNull() ? ", label " + label.asText() + " ("
                            + (label.asText().equals(prediction.asText()) ? "right" : "wrong") + ")" : ""));
                }
            }
            case MONITOR -> monitoring(facts.path("monitoring"), items);
        }
    }

    /** Drift, decay and what became of the model: a stage DevOps needs no counterpart for, as code does not decay. */
    private static void monitoring(JsonNode monitoring, List<String> items) {
        JsonNode before = monitoring.path("accuracyBefore");
        JsonNode after = monitoring.path("accuracyAfter");
        if (before.isNumber() && after.isNumber()) {
            items.add(String.format(Locale.ROOT, "accuracy %.4f → %.4f on new data", before.asDouble(),
                    after.asDouble()));
        }
        if (monitoring.path("drift").isObject()) {
            List<String> drifted = new ArrayList<>();
            monitoring.path("drift").fields().forEachRemaining(feature -> {
                if (feature.getValue().path("drifted").asBoolean(false)) {
                    drifted.add(feature.getKey());
                }
            });
            items.add(drifted.isEmpty() ? "no drift" : "drift in " + String.join(", ", drifted));
        }
        text(monitoring, "challengerVersion").ifPresent(version -> items.add("challenger v" + version));
        text(monitoring, "decision").ifPresent(decision -> items.add("decision: " + decision
                + text(monitoring, "championVersion").map(version -> ", champion v" + version).orElse("")));
    }

    private static Optional<String> text(JsonNode facts, String key) {
        JsonNode value = facts.path(key);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText())
                : Optional.empty();
    }

    private static String shortSha(String sha) {
        return sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) : sha;
    }

    /** The jar's place in the project, not the workspace's absolute path, which says nothing to a reader. */
    private static String artifact(String jar) {
        Path path = Path.of(jar);
        int names = path.getNameCount();
        return names >= 2 ? path.subpath(names - 2, names).toString() : jar;
    }

    /** The project's parameters only: what a learner can change; the run also logs derived values (row counts). */
    private static final List<String> TRAINING_PARAMS = List.of("data", "n_estimators", "max_depth", "test_size",
            "seed");

    private static String pairs(JsonNode object) {
        List<String> pairs = new ArrayList<>();
        object.fields().forEachRemaining(entry -> {
            if (TRAINING_PARAMS.contains(entry.getKey())) {
                pairs.add(entry.getKey() + "=" + entry.getValue().asText());
            }
        });
        return String.join(", ", pairs);
    }
}
