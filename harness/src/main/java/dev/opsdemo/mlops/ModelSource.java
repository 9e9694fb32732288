package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a training run's model is, as the registry needs it. MLflow 3 keeps a logged model apart from the run's
 * artifacts ({@code models:/m-...}, listed in the run's {@code outputs}); MLflow 2 saved it as an artifact of the
 * run. The Java client (2.17.2) predates {@code outputs} and drops it when it parses a run, so the run is read here
 * from the REST answer itself.
 *
 * @param uri     the version's source: {@code models:/MODEL_ID} (MLflow 3) or {@code ARTIFACT_URI/model} (MLflow 2)
 * @param modelId the logged model's id (MLflow 3), or null
 */
public record ModelSource(String uri, String modelId) {

    static final String ARTIFACT_PATH = "model";

    /** From the JSON of {@code GET runs/get}: its last logged model, else the run's {@code model} artifact. */
    static ModelSource of(JsonNode getRunResponse) {
        JsonNode run = getRunResponse.path("run");
        JsonNode outputs = run.path("outputs").path("model_outputs");
        if (outputs.isArray() && !outputs.isEmpty()) {
            String modelId = outputs.get(outputs.size() - 1).path("model_id").asText();
            return new ModelSource("models:/" + modelId, modelId);
        }
        return new ModelSource(run.path("info").path("artifact_uri").asText() + "/" + ARTIFACT_PATH, null);
    }

    public boolean isLoggedModel() {
        return modelId != null;
    }
}
