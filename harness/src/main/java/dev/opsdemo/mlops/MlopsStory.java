package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.Picture;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.text.CommitIds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MLOps lane's part in the reports, read from its facts: code, data and parameters versioned together, a run,
 * a metric gate, a registered version, a served prediction, and what monitoring made of the model. It closes on
 * the lesson's key concept and the mistakes this run avoided, each backed by what it did.
 */
public final class MlopsStory implements LaneStory {

    static final String KEY_CONCEPT = "Key concept: MLOps manages machine learning models and their data; DevOps "
            + "manages application code and infrastructure.";

    /** The project's parameters only: what a learner can change; the run also logs derived values (row counts). */
    private static final List<String> TRAINING_PARAMS = List.of("data", "n_estimators", "max_depth", "test_size",
            "seed");

    @Override
    public String label() {
        return "MLOps";
    }

    @Override
    public String versioned() {
        return "code + data + params + model";
    }

    @Override
    public String plan() {
        return "starts an MLflow server, validates the data, trains and tracks a model, registers it, serves it, "
                + "watches production data for drift, retrains, and promotes the challenger only if it scores "
                + "better.";
    }

    /** The key concept (KEY_CONCEPT, the run's closing lesson) asked as a question before the run. */
    @Override
    public String watchFor() {
        return "Watch for: what does each lane have to keep under control to reproduce what it ships, code alone "
                + "or code, data and a model? And why does the MLOps lane's work not end once the model is served?";
    }

    @Override
    public String headline(JsonNode recorded) {
        String mode = MlopsFacts.Recorded.of(recorded).server().mlflowMode();
        return mode == null ? "" : "MLflow mode: " + mode;
    }

    @Override
    public List<String> produced(Stage stage, JsonNode recorded) {
        MlopsFacts.Recorded facts = MlopsFacts.Recorded.of(recorded);
        List<String> items = new ArrayList<>();
        switch (stage) {
            case VERSION -> {
                if (facts.lineage().gitCommit() != null) {
                    items.add("code: commit " + CommitIds.shortForm(facts.lineage().gitCommit()));
                }
                if (facts.lineage().datasetDigest() != null) {
                    items.add("data: digest " + facts.lineage().datasetDigest());
                }
                if (facts.lineage().params() != null && !facts.lineage().params().isEmpty()) {
                    items.add("params: " + pairs(facts.lineage().params()));
                }
            }
            case BUILD -> {
                if (facts.training().runId() != null) {
                    items.add("run " + facts.training().runId());
                }
            }
            case EVALUATE -> {
                Double threshold = facts.gate().minAccuracy();
                if (facts.lineage().accuracy() != null) {
                    items.add(String.format(Locale.ROOT, "accuracy %.4f", facts.lineage().accuracy())
                            + (threshold == null ? "" : " (threshold " + threshold + ")"));
                }
            }
            case RELEASE -> {
                MlopsFacts.Registration registration = facts.registration();
                if (registration.modelName() != null) {
                    items.add("model " + registration.modelName()
                            + (registration.modelVersion() == null ? "" : " v" + registration.modelVersion())
                            + (facts.release().alias() == null ? "" : " @" + facts.release().alias()));
                }
            }
            case DEPLOY -> {
                JsonNode prediction = facts.serving().prediction();
                if (prediction != null && !prediction.isNull()) {
                    String label = facts.serving().predictionLabel() == null ? null
                            : String.valueOf(facts.serving().predictionLabel());
                    items.add("prediction " + (prediction.isValueNode() ? prediction.asText() : prediction)
                            + (label == null ? "" : ", label " + label + " ("
                            + (label.equals(prediction.asText()) ? "right" : "wrong") + ")"));
                }
            }
            case MONITOR -> {
                if (facts.monitoring().monitoring() != null) {
                    monitoring(facts.monitoring().monitoring(), items);
                }
            }
        }
        return items;
    }

    /** Drift, decay and what became of the model: a stage DevOps needs no counterpart for, as code does not decay. */
    private static void monitoring(MonitoringReport monitoring, List<String> items) {
        if (monitoring.accuracyBefore() != null && monitoring.accuracyAfter() != null) {
            items.add(String.format(Locale.ROOT, "accuracy %.4f → %.4f on new data", monitoring.accuracyBefore(),
                    monitoring.accuracyAfter()));
        }
        if (monitoring.drift() != null) {
            List<String> drifted = monitoring.drift().entrySet().stream()
                    .filter(feature -> feature.getValue() != null && feature.getValue().drifted())
                    .map(Map.Entry::getKey).toList();
            items.add(drifted.isEmpty() ? "no drift" : "drift in " + String.join(", ", drifted));
        }
        if (monitoring.challengerVersion() != null) {
            items.add("challenger v" + monitoring.challengerVersion());
        }
        if (monitoring.decision() != null) {
            items.add("decision: " + monitoring.decision()
                    + (monitoring.championVersion() == null ? "" : ", champion v" + monitoring.championVersion()));
        }
    }

    /** Beside the monitor step's drift table: the plots its run logged, the drift plots before the accuracy plot. */
    @Override
    public List<Picture> pictures(String stepId, JsonNode recorded) {
        MonitoringReport monitoring = MlopsFacts.Recorded.of(recorded).monitoring().monitoring();
        if (!stepId.equals(MlopsLane.MONITOR_STEP) || monitoring == null || monitoring.plots() == null) {
            return List.of();
        }
        return monitoring.plots().stream()
                .sorted(Comparator.comparing(plot -> driftedFeature(plot) == null))
                .map(plot -> new Picture(plot.file(), alt(plot, monitoring))).toList();
    }

    /** The feature of a drift plot, named {@code drift_<feature>.png} by the ML project (plots.py); else null. */
    private static String driftedFeature(MonitoringReport.Plot plot) {
        String name = plot.artifact().substring(plot.artifact().lastIndexOf('/') + 1);
        return name.startsWith("drift_") && name.endsWith(".png")
                ? name.substring("drift_".length(), name.length() - ".png".length()) : null;
    }

    private static String alt(MonitoringReport.Plot plot, MonitoringReport monitoring) {
        String feature = driftedFeature(plot);
        MonitoringReport.Drift drift = feature == null || monitoring.drift() == null ? null
                : monitoring.drift().get(feature);
        if (drift != null) {
            return String.format(Locale.ROOT, "Distribution of %s in the training data and in the production batch, "
                    + "share of rows per bin: PSI %.4f, KS D %.4f, %s", feature, drift.psi(), drift.ks(),
                    drift.drifted() ? "drifted" : "no drift");
        }
        if (plot.artifact().endsWith("/accuracy.png") && monitoring.accuracyBefore() != null
                && monitoring.accuracyAfter() != null) {
            return String.format(Locale.ROOT, "Accuracy at training %.4f against %.4f on the production batch, with "
                    + "the decay threshold", monitoring.accuracyBefore(), monitoring.accuracyAfter());
        }
        return "Plot " + plot.artifact() + " of monitoring run " + monitoring.monitoringRunId();
    }

    /** The key concept and the mistakes this run avoided, or what stopped it before a model was released. */
    @Override
    public List<String> lessons(JsonNode recorded) {
        if (!recorded.isObject() || recorded.isEmpty()) {
            return List.of();
        }
        MlopsFacts.Recorded facts = MlopsFacts.Recorded.of(recorded);
        List<String> lines = new ArrayList<>();
        lines.add(KEY_CONCEPT);
        if (facts.registration().modelVersion() == null) {
            lines.add(withoutAModel(facts));
            return lines;
        }
        List<String> evidence = new ArrayList<>();
        if (facts.lineage().gitCommit() != null) {
            evidence.add("commit " + CommitIds.shortForm(facts.lineage().gitCommit()));
        }
        if (facts.lineage().datasetDigest() != null) {
            evidence.add("dataset digest " + facts.lineage().datasetDigest());
        }
        evidence.add("model " + facts.registration().modelName() + " v" + facts.registration().modelVersion());
        lines.add("Mistake avoided: treating an ML pipeline like a plain code pipeline. The model was versioned with "
                + "its data and parameters, not just its code (" + String.join(", ", evidence) + ").");
        MonitoringReport monitoring = facts.monitoring().monitoring();
        if (monitoring != null && monitoring.accuracyAfter() != null) {
            String outcome = monitoring.retrainNeeded()
                    ? "retrained on the new data with the same code, decision: " + monitoring.decision()
                    : "no drift or decay, so no retraining was needed";
            lines.add(String.format(Locale.ROOT, "Mistake avoided: ignoring the model after deployment. Monitoring "
                            + "measured accuracy %.2f -> %.2f on production data; %s.",
                    monitoring.accuracyBefore() == null ? 0.0 : monitoring.accuracyBefore(),
                    monitoring.accuracyAfter(), outcome));
        }
        return lines;
    }

    /** What a run that released no model shows, and only that: it claims nothing about a model it does not have. */
    private static String withoutAModel(MlopsFacts.Recorded facts) {
        if (Boolean.FALSE.equals(facts.validation().validationPassed())) {
            return "Mistake avoided: training on data nobody checked. The data contract stopped the pipeline before "
                    + "training (" + facts.validation().validationViolations() + "); without that check the model "
                    + "would have trained on it without any error. Nothing was trained or registered.";
        }
        Double accuracy = facts.lineage().accuracy();
        Double threshold = facts.gate().minAccuracy();
        if (accuracy != null && threshold != null && !MlopsPolicy.passesGate(accuracy, threshold)) {
            return String.format(Locale.ROOT, "Mistake avoided: releasing a model because its code passed. The "
                            + "accuracy gate held back run %s (accuracy %.4f, threshold %.4f): in ML the gate is a "
                            + "metric on held-out data. Nothing was registered.", facts.training().runId(), accuracy,
                    threshold);
        }
        return "The MLOps lane stopped before a model was released (the step above says what stopped it), so this run "
                + "shows no model to contrast with the code.";
    }

    /**
     * Where to look at the lane's records in the MLflow UI: the training run, a retraining run, the logged model,
     * and the registry's champion as the run left it (after the decision, the version the alias points to, not
     * the first one registered). Uses the URLs the lane recorded; composes them from the tracking URI when it did
     * not ({@code #/runs/ID} is the UI's own redirect to the run's experiment page).
     */
    @Override
    public Map<String, String> links(JsonNode recorded) {
        MlopsFacts.Recorded facts = MlopsFacts.Recorded.of(recorded);
        Map<String, String> links = new LinkedHashMap<>();
        String ui = orEmpty(facts.server().trackingUri()).replaceAll("/+$", "");
        String runId = orEmpty(facts.training().runId());
        String model = orEmpty(facts.registration().modelName());
        String registered = orEmpty(facts.registration().modelVersion());
        MonitoringReport monitoring = facts.monitoring().monitoring();
        String champion = monitoring != null && monitoring.championVersion() != null ? monitoring.championVersion()
                : registered;
        String retrainRun = monitoring == null ? "" : orEmpty(monitoring.challengerRunId());
        String run = orEmpty(facts.lineage().runUrl());
        if (run.isEmpty() && !ui.isEmpty() && !runId.isEmpty()) {
            run = ui + "/#/runs/" + runId;
        }
        // The URL the register step recorded is the first version's; a later champion's is composed.
        String modelVersion = champion.equals(registered) ? orEmpty(facts.registration().modelVersionUrl()) : "";
        if (modelVersion.isEmpty() && !ui.isEmpty() && !model.isEmpty() && !champion.isEmpty()) {
            modelVersion = ui + "/#/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/versions/" + champion;
        }
        put(links, runId.isEmpty() ? "MLflow run" : "MLflow run " + runId, run);
        if (!retrainRun.isEmpty() && !ui.isEmpty()) {
            put(links, "MLflow run " + retrainRun + " (retraining, v" + orEmpty(monitoring.challengerVersion())
                    + ")", ui + "/#/runs/" + retrainRun);
        }
        put(links, "MLflow logged model " + orEmpty(facts.lineage().modelSource()).replaceFirst("^models:/", ""),
                orEmpty(facts.lineage().loggedModelUrl()));
        put(links, model.isEmpty() ? "MLflow model version" : "MLflow model " + model + " v" + champion
                + (facts.release().alias() == null ? "" : " @" + facts.release().alias()), modelVersion);
        put(links, "MLflow experiments", ui.isEmpty() ? "" : ui + "/#/experiments");
        return links;
    }

    /** Only web addresses: a report is opened in a browser, where another scheme could run something. */
    private static void put(Map<String, String> links, String text, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            links.put(text, url);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String pairs(Map<String, String> params) {
        return String.join(", ", params.entrySet().stream().filter(entry -> TRAINING_PARAMS.contains(entry.getKey()))
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    }
}
