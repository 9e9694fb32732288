package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsdemo.exec.Readiness;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MLflow Model Registry through its REST API. The Java client has no registry write calls, so this uses its
 * {@code sendGet}/{@code sendPost} with the documented endpoints, exactly what {@code curl} would send.
 */
public final class ModelRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MlflowClient client;

    public ModelRegistry(MlflowClient client) {
        this.client = client;
    }

    /** Creates the registered model unless it exists; true if it was created now. */
    public boolean ensureRegisteredModel(String name) throws Exception {
        try {
            client.sendGet("registered-models/get?name=" + encode(name));
            return false;
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
        }
        client.sendPost("registered-models/create", JSON.writeValueAsString(Map.of("name", name)));
        return true;
    }

    /** Creates a version of the model a run logged; returns its version number. */
    public String createVersion(String name, ModelSource source, String runId) throws Exception {
        Map<String, String> request = new LinkedHashMap<>(Map.of("name", name, "source", source.uri(),
                "run_id", runId));
        if (source.isLoggedModel()) {
            request.put("model_id", source.modelId());  // links the version to the logged model (MLflow 3)
        }
        JsonNode created = JSON.readTree(client.sendPost("model-versions/create", JSON.writeValueAsString(request)));
        return created.at("/model_version/version").asText();
    }

    /** Where the model a run logged is, read from the run's REST answer (see {@link ModelSource}). */
    public ModelSource modelOf(String runId) throws Exception {
        return ModelSource.of(JSON.readTree(client.sendGet("runs/get?run_id=" + encode(runId))));
    }

    public JsonNode version(String name, String version) throws Exception {
        return JSON.readTree(client.sendGet("model-versions/get?name=" + encode(name) + "&version=" + version))
                .get("model_version");
    }

    /** Waits until the registry has finished creating the version ({@code status} READY). */
    public void awaitReady(String name, String version) {
        Readiness.await("model version " + name + "/" + version + " READY", Duration.ofSeconds(60),
                () -> "READY".equals(version(name, version).path("status").asText()));
    }

    public void setAlias(String name, String alias, String version) throws Exception {
        client.sendPost("registered-models/alias",
                JSON.writeValueAsString(Map.of("name", name, "alias", alias, "version", version)));
    }

    public JsonNode versionByAlias(String name, String alias) throws Exception {
        return JSON.readTree(client.sendGet("registered-models/alias?name=" + encode(name) + "&alias="
                + encode(alias))).get("model_version");
    }

    public void setVersionTag(String name, String version, String key, String value) throws Exception {
        client.sendPost("model-versions/set-tag",
                JSON.writeValueAsString(Map.of("name", name, "version", version, "key", key, "value", value)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
