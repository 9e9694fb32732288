package dev.opsdemo.mlops;

import dev.opsdemo.json.Jq;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.MlflowCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The tracking server's REST API as a learner's {@code curl} reaches it: the lines the steps show for the calls the
 * harness makes through the Java client, signed in as the client is ({@link MlflowCredentials#curlOptions}, which
 * names the variables and never their values). {@code trackingUri} may be a command's {@code ${MLFLOW_TRACKING_URI}}.
 */
public record RestApi(String trackingUri, MlflowCredentials credentials) {

    private static final String ROOT = "/api/2.0/mlflow/";

    /** A server that asks nobody who they are: the local and container modes, the exported script's own server. */
    public static RestApi open(String trackingUri) {
        return new RestApi(trackingUri, MlflowCredentials.NONE);
    }

    /** The URL of {@code path} under the REST API. */
    public String url(String path) {
        return trackingUri + ROOT + path;
    }

    /** The curl line for a GET of {@code path}. */
    public String curlGet(String path) {
        return curl() + " \"" + url(path) + "\"";
    }

    /** The curl line for a GET of {@code path} piped through {@code jq}, as it is shown. */
    public String curlGet(String path, Jq jq) {
        return curlGet(path) + " " + jq.pipe();
    }

    /** The curl line for a POST of {@code request} (JSON, fields in its order) to {@code path}, as it is shown. */
    public String curlPost(String path, Map<String, String> request) {
        return curlPostAt(url(path), request);
    }

    /** As {@link #curlPost}, to a whole {@code url} (an API of another version: {@code /api/3.0/...}). */
    public String curlPostAt(String url, Map<String, String> request) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // --json (curl 7.82+): a POST of that body with the JSON content type, as the REST API asks.
        return curl() + " " + url + " --json '" + json.replace("'", "'\\''") + "'";
    }

    /** The curl line for a POST, its answer piped through {@code jq}, as it is shown. */
    public String curlPost(String path, Map<String, String> request, Jq jq) {
        return curlPost(path, request) + " " + jq.pipe();
    }

    /** curl with the credentials' options, as every shown call begins. */
    public String curl() {
        return "curl -sS" + credentials.curlOptions();
    }
}
