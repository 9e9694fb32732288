package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.exec.Http;
import dev.opsdemo.json.Json;
import org.mlflow.tracking.MlflowClient;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's artifacts as the tracking server lists and serves them. Through the REST API and not the Java client's
 * {@code listArtifacts}/{@code downloadArtifacts}: those start a Python process of their own, outside the harness's
 * process runner.
 */
final class RunArtifacts {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    private RunArtifacts() {
    }

    /** The files in the run's artifact folder {@code folder} (not in its subfolders), as {@code artifacts/list} lists. */
    static List<String> files(MlflowClient client, String runId, String folder) throws IOException {
        JsonNode answer = Json.MAPPER.readTree(client.sendGet("artifacts/list?run_id=" + runId + "&path="
                + ModelRegistry.encode(folder)));
        List<String> files = new ArrayList<>();
        answer.path("files").forEach(file -> {
            if (!file.path("is_dir").asBoolean()) {
                files.add(file.path("path").asText());
            }
        });
        return files;
    }

    /**
     * A JSON artifact read as {@code type}, fetched as {@link #download} fetches it; null when the run has no such
     * artifact (the entry point stopped before it logged it).
     */
    static <T> T readJson(RestApi api, String runId, String artifact, Class<T> type)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = fetch(api, runId, artifact);
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("the tracking server answered " + response.statusCode() + " for " + artifact
                    + " of run " + runId);
        }
        return Json.MAPPER.readValue(response.body(), type);
    }

    /**
     * Saves one artifact as {@code file}, fetched as the MLflow UI fetches it ({@code get-artifact}, which serves a
     * run's artifacts wherever the server keeps them). Returns the server's status; the file is written only on 200.
     */
    static int download(RestApi api, String runId, String artifact, Path file)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = fetch(api, runId, artifact);
        if (response.statusCode() == 200) {
            Files.createDirectories(file.getParent());
            Files.write(file, response.body());
        }
        return response.statusCode();
    }

    private static HttpResponse<byte[]> fetch(RestApi api, String runId, String artifact)
            throws IOException, InterruptedException {
        return Http.getBytes(api.trackingUri() + "/get-artifact?path=" + ModelRegistry.encode(artifact)
                + "&run_uuid=" + runId, DOWNLOAD_TIMEOUT, api.credentials().headers());
    }
}
