package dev.opsdemo.mlops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.RepoLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the MLOps lane asks of the ML project and the model server: each entry point's parameters and the command
 * lines the steps show, built once here so that what is shown and what runs cannot differ.
 */
final class ProjectRuns {

    static final String VALIDATE = "validate";
    static final String MONITOR = "monitor";
    static final String EVALUATE = "evaluate";
    /** The row the serve step scores: labelled, so the audience sees whether the prediction is right. */
    static final String SERVED_ROW_DATA = "data/production_reference.csv";
    /** How long the model server may take to load the model before it answers. */
    private static final int SERVE_WAIT_SECONDS = 180;

    private final MlopsSettings settings;
    private final RepoLayout repo;
    private Integer productionRows;

    ProjectRuns(MlopsSettings settings, RepoLayout repo) {
        this.settings = settings;
        this.repo = repo;
    }

    Map<String, String> validateParams() {
        return Map.of("data", settings.data());
    }

    Command validate() {
        return Command.of(MlflowProjectRun.commandLine(VALIDATE, settings.validationExperiment(), validateParams()));
    }

    Command train() {
        return Command.of(MlflowProjectRun.commandLine(MlflowProjectRun.MAIN, settings.experiment(),
                settings.trainingParams()));
    }

    String championUri() {
        return championUri(settings.modelName());
    }

    /** What the alias release is about: whatever loads this URI gets the version the alias points at. */
    static String championUri(String modelName) {
        return "models:/" + modelName + "@" + MlopsSettings.ALIAS;
    }

    LabelledRow servedRow() throws IOException {
        return LabelledRow.first(repo.sampleMlProject(), SERVED_ROW_DATA);
    }

    Command serve() {
        String request;
        try {
            request = Json.MAPPER.writeValueAsString(servedRow().request());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVED_ROW_DATA, e);
        }
        String url = "http://127.0.0.1:${SERVE_PORT}";
        return Command.of(String.join(" ", ModelServer.argv("mlflow", championUri(), "${SERVE_PORT}"))
                        + " > ${SERVE_LOG} 2>&1 &",
                // Until the model is loaded the server refuses; curl tries again silently, as the harness waits.
                "curl -s --retry " + SERVE_WAIT_SECONDS + " --retry-connrefused --retry-delay 1 " + url + "/ping",
                "curl -sS " + url + "/invocations --json '" + request + "'; echo");
    }

    Map<String, String> monitorParams(String scoringUrl) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model_uri", championUri());
        params.put("scoring_url", scoringUrl);
        params.put("data", settings.productionData());
        params.put("reference", settings.data());
        params.put("max_accuracy_drop", String.valueOf(MlopsSettings.MAX_ACCURACY_DROP));
        return params;
    }

    Command monitor() {
        return Command.of(MlflowProjectRun.commandLine(MONITOR, settings.monitoringExperiment(),
                monitorParams("http://127.0.0.1:${SERVE_PORT}/invocations")));
    }

    /** Retraining: the training data plus the first rows of the production batch (MlopsPolicy), same code. */
    Map<String, String> retrainParams() {
        Map<String, String> params = new LinkedHashMap<>(settings.params());
        params.putAll(settings.retrainParams());
        params.put("data", settings.data() + "," + settings.productionData() + ":head=" + freshRows());
        return params;
    }

    Command retrain() {
        return Command.of(MlflowProjectRun.commandLine(MlflowProjectRun.MAIN, settings.experiment(),
                retrainParams()));
    }

    /** When no monitoring run passed (a learner skipped mlops.monitor in practice): no verdict to act on. */
    static Command noVerdict() {
        return Command.of(": nothing to run, no monitoring run passed, so there is no verdict to act on");
    }

    static Command noRetrain() {
        return Command.of(": nothing to run, monitoring run ${MONITOR_RUN_ID} says retrain.needed=false");
    }

    /** The rows of the production batch retraining learns from; the others are held out. */
    int freshRows() {
        return MlopsPolicy.freshRows(productionRows());
    }

    /** The rows of the production batch both models are compared on: those retraining did not see. */
    String holdout() {
        return settings.productionData() + ":tail=" + MlopsPolicy.heldOutRows(productionRows());
    }

    /** Counted once, when first needed: the retrain and decide steps and their commands all split the same batch. */
    private int productionRows() {
        if (productionRows == null) {
            try {
                productionRows = LabelledRow.count(repo.sampleMlProject().resolve(settings.productionData()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + settings.productionData(), e);
            }
        }
        return productionRows;
    }

    Map<String, String> evaluateParams(String version, String data) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model_uri", "models:/" + settings.modelName() + "/" + version);
        params.put("data", data);
        return params;
    }

    /** Both versions on the same held-out rows; the champion first. */
    Command evaluateBoth() {
        return Command.of(evaluateLine("${VERSION}"), evaluateLine("${CHALLENGER_VERSION}"));
    }

    private String evaluateLine(String version) {
        return MlflowProjectRun.commandLine(EVALUATE, settings.experiment(), evaluateParams(version, "${HOLDOUT}"));
    }

    static Command noChallengerToRegister() {
        return Command.of(": nothing to register, monitoring run ${MONITOR_RUN_ID} asked for no retraining");
    }

    static Command noChallenger() {
        return Command.of(": nothing to run, there is no challenger, so version ${VERSION} stays '"
                + MlopsSettings.ALIAS + "'");
    }

    static Command keepChampion() {
        return Command.of(": nothing to move, no challenger beat version ${VERSION} by the margin, so '"
                + MlopsSettings.ALIAS + "' stays on it");
    }
}
