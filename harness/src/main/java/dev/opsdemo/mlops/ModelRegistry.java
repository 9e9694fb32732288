package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.Readiness;
import dev.opsdemo.json.Jq;
import dev.opsdemo.json.Json;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MLflow Model Registry through its REST API. The Java client has no registry write calls, so this uses its
 * {@code sendGet}/{@code sendPost} with the documented endpoints. Every call is shown as the {@code curl} that sends
 * the same request, followed by the server's answer, so a learner can replay it. Where the answer is long, the curl
 * pipes it through a jq filter that keeps what the step is about, and the step shows what that filter prints of the
 * same answer (the harness reads the whole answer).
 */
public final class ModelRegistry {

    private final MlflowClient client;
    private final RestApi api;

    /** {@code api}: the server the client calls, signed in as the client is, for the curl lines shown. */
    public ModelRegistry(MlflowClient client, RestApi api) {
        this.client = client;
        this.api = api;
    }

    /** What a run ties together (the inspect step): its code's commit, its data, parameters, metrics and model. */
    public static final Jq RUN_LINEAGE = Jq.indented(".run | {run_id: .info.run_id, status: .info.status, "
            + "git_commit: (.data.tags | from_entries | .[\"mlflow.source.git.commit\"]), "
            + "datasets: [.inputs.dataset_inputs[]?.dataset | {name, digest}], params: (.data.params | from_entries), "
            + "metrics: (.data.metrics | from_entries), model: .outputs.model_outputs[0].model_id}");
    /** A metric's logged values (the gate). */
    public static final Jq METRIC_VALUES = Jq.compact(".metrics[] | {key, value, step}");
    /** Whether a registered model exists: its name, or the error saying it does not. */
    public static final Jq MODEL_OR_ERROR = Jq.compact("{name: .registered_model.name, error_code}");
    /** A registered model as created: its name (the rest is timestamps). */
    public static final Jq CREATED_MODEL = Jq.compact(".registered_model | {name}");
    /** A model version: which, its state, and the run it comes from (its model is the request's source). */
    public static final Jq VERSION = Jq.compact(".model_version | {version, status, run_id}");
    /** A model version's aliases: what the registry says it is now (champion, challenger). */
    public static final Jq VERSION_ALIASES = Jq.compact(".model_version | {version, aliases}");

    /**
     * A GET whose {@link RestApi#curlGet} line (through {@code jq}) is the step's own command, shown already: prints
     * what the filter makes of the server's answer and returns the whole answer, or null when the server answers 404.
     */
    public JsonNode read(StepContext context, String path, Jq jq) throws Exception {
        return get(context, path, true, jq);
    }

    /**
     * A GET shown nowhere, for a practice check that reads what the learner's own curl changed: the whole answer,
     * or null when the server answers 404.
     */
    public JsonNode answer(String path) throws Exception {
        try {
            return Json.MAPPER.readTree(client.sendGet(path));
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            return null;
        }
    }

    /** The newest version of {@code name} made from run {@code runId}, as the Java client searches them; null: none. */
    public org.mlflow.api.proto.ModelRegistry.ModelVersion newestVersionOf(String name, String runId) {
        return client.searchModelVersions("name='" + name + "' and run_id='" + runId + "'").getItems().stream()
                .max(java.util.Comparator.comparingLong(version -> Long.parseLong(version.getVersion())))
                .orElse(null);
    }

    /** Whether the registered model exists, read as {@link #answer} does (its GET shown nowhere). */
    public boolean registered(String name) throws Exception {
        return answer(registeredModelPath(name)) != null;
    }

    /** The version {@code alias} points at, read as {@link #answer} does; null when no version has it. */
    public String aliasTarget(String name, String alias) throws Exception {
        try {
            JsonNode answer = answer(aliasPath(name, alias));
            return answer == null ? null : answer.at("/model_version/version").asText();
        } catch (MlflowHttpException e) {
            // An alias no version has is a 400 ("Registered model alias champion not found"), not a 404.
            if (e.getStatusCode() != 400) {
                throw e;
            }
            return null;
        }
    }

    /** The line that creates the registered model, as {@link #createRegisteredModel} shows it. */
    public static String createModelLine(RestApi api, String name) {
        return api.curlPost(CREATE_MODEL, modelRequest(name), CREATED_MODEL);
    }

    /** Whether the registered model exists, its GET being the step's own command (see {@link #read}). */
    public boolean exists(StepContext context, String name) throws Exception {
        return read(context, registeredModelPath(name), MODEL_OR_ERROR) != null;
    }

    public static String registeredModelPath(String name) {
        return "registered-models/get?name=" + encode(name);
    }

    /** A run, as {@code runs/get} answers; {@code runId} may be a command's {@code ${RUN_ID}} (ids are hex). */
    public static String runPath(String runId) {
        return "runs/get?run_id=" + runId;
    }

    /** A run's accuracy metric, as {@code metrics/get-history} answers; {@code runId} as in {@link #runPath}. */
    public static String accuracyPath(String runId) {
        return "metrics/get-history?run_id=" + runId + "&metric_key=accuracy";
    }

    /** The registry's write calls, under the REST API. */
    public static final String CREATE_MODEL = "registered-models/create";
    public static final String CREATE_VERSION = "model-versions/create";
    public static final String SET_ALIAS = "registered-models/alias";

    public static Map<String, String> modelRequest(String name) {
        return Map.of("name", name);
    }

    /** {@code modelId}: the logged model the version comes from (MLflow 3), null for a run artifact (MLflow 2). */
    public static Map<String, String> versionRequest(String name, String source, String runId, String modelId) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("source", source);
        request.put("run_id", runId);
        if (modelId != null) {
            request.put("model_id", modelId);  // links the version to the logged model
        }
        return request;
    }

    public static Map<String, String> aliasRequest(String name, String alias, String version) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("alias", alias);
        request.put("version", version);
        return request;
    }


    /** The version an alias points at, as {@code registered-models/alias} answers. */
    public static String aliasPath(String name, String alias) {
        return "registered-models/alias?name=" + encode(name) + "&alias=" + encode(alias);
    }

    public void createRegisteredModel(StepContext context, String name) throws Exception {
        post(context, CREATE_MODEL, modelRequest(name), CREATED_MODEL, false);
    }

    /** Creates a version of the model a run logged; returns the version as the server answered it. */
    public JsonNode createVersion(StepContext context, String name, ModelSource source, String runId)
            throws Exception {
        return createVersion(context, name, source, runId, false);
    }

    /** {@code commandShown}: its {@link #createVersionLine} is the step's own command, shown already. */
    public JsonNode createVersion(StepContext context, String name, ModelSource source, String runId,
                                  boolean commandShown) throws Exception {
        return post(context, CREATE_VERSION, versionRequest(name, source, runId), VERSION, commandShown)
                .get("model_version");
    }

    /** The curl line that creates a version of {@code source} (the model run {@code runId} logged), as shown. */
    public static String createVersionLine(RestApi api, String name, ModelSource source, String runId) {
        return api.curlPost(CREATE_VERSION, versionRequest(name, source, runId), VERSION);
    }

    private static Map<String, String> versionRequest(String name, ModelSource source, String runId) {
        return versionRequest(name, source.uri(), runId, source.isLoggedModel() ? source.modelId() : null);
    }

    /** Where the model a run logged is, read from the run's REST answer (see {@link ModelSource}). */
    public ModelSource modelOf(String runId) throws Exception {
        return ModelSource.of(Json.MAPPER.readTree(client.sendGet(runPath(runId))));
    }

    /**
     * Waits until the registry has finished creating the version ({@code status} READY). A version created READY (a
     * local artifact store) needs no wait, and nothing is shown; otherwise the last answer of the polled GET is.
     */
    public void awaitReady(StepContext context, JsonNode created) throws Exception {
        if ("READY".equals(created.path("status").asText())) {
            return;
        }
        String path = "model-versions/get?name=" + encode(created.path("name").asText()) + "&version="
                + created.path("version").asText();
        Readiness.await("model version " + created.path("name").asText() + "/" + created.path("version").asText()
                        + " READY", Duration.ofSeconds(60),
                () -> "READY".equals(Json.MAPPER.readTree(client.sendGet(path)).at("/model_version/status").asText()));
        get(context, path, false, VERSION);
    }

    public void setAlias(StepContext context, String name, String alias, String version) throws Exception {
        setAlias(context, name, alias, version, false);
    }

    /** {@code commandShown}: its {@link #setAliasLine} is the step's own command, shown already. */
    public void setAlias(StepContext context, String name, String alias, String version, boolean commandShown)
            throws Exception {
        post(context, SET_ALIAS, aliasRequest(name, alias, version), null, commandShown);
    }

    /** The curl line that points {@code alias} at {@code version} (which may be a command's {@code ${NAME}}). */
    public static String setAliasLine(RestApi api, String name, String alias, String version) {
        return api.curlPost(SET_ALIAS, aliasRequest(name, alias, version));
    }

    /** The version an alias points at, as the server answers (shown: its aliases and tags). */
    public JsonNode versionByAlias(StepContext context, String name, String alias) throws Exception {
        return get(context, aliasPath(name, alias), false, VERSION_ALIASES).get("model_version");
    }


    /**
     * A shown GET, its answer through {@code jq}; null when the server answers 404 (what jq makes of its answer is
     * shown all the same, as the curl would show it).
     */
    private JsonNode get(StepContext context, String path, boolean shown, Jq jq) throws Exception {
        if (!shown) {
            context.command(api.curlGet(path, jq));
        }
        String body;
        try {
            body = client.sendGet(path);
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            jq.apply(e.getBodyMessage()).forEach(context::out);
            return null;
        }
        jq.apply(body).forEach(context::out);
        return Json.MAPPER.readTree(body);
    }

    /**
     * {@code request}: in the order its fields are to be shown (and sent); {@code jq}: what of the answer is shown,
     * or null for all of it (the registry's short answers, such as {@code {}}); {@code commandShown}: the curl line
     * is the step's own command, typed already.
     */
    private JsonNode post(StepContext context, String path, Map<String, String> request, Jq jq, boolean commandShown)
            throws Exception {
        if (!commandShown) {
            context.command(jq == null ? api.curlPost(path, request) : api.curlPost(path, request, jq));
        }
        String body = client.sendPost(path, Json.MAPPER.writeValueAsString(request));
        (jq == null ? body.lines().toList() : jq.apply(body)).forEach(context::out);
        return Json.MAPPER.readTree(body);
    }

    /** A value in a query string of the REST API. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
