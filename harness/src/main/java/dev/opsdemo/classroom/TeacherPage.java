package dev.opsdemo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.opsdemo.demo.PracticeReading;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.exec.Http;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlops.RestApi;
import dev.opsdemo.text.Resources;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teacher's view as a page the class's tracking server serves: an artifact of a run of the experiment
 * {@value #EXPERIMENT}, which the MLflow UI shows (everyone signed in may read it, as they may read the class's
 * work). The run is open while the classroom is, each new reading uploaded over it, and finished when the classroom
 * stops. Uploaded through the server's artifact API ({@code mlflow-artifacts}), so only on a server that serves its
 * artifacts, as the stack does.
 */
final class TeacherPage implements AutoCloseable {

    static final String EXPERIMENT = "classroom";
    static final String FILE = "teacher-view.html";
    private static final String SERVED = "mlflow-artifacts:/";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Template PAGE = Mustache.compiler().compile(Resources.text(TeacherPage.class,
            "teacher-view.html.mustache").orElseThrow(() -> new IllegalStateException("teacher-view.html.mustache "
            + "is missing from the harness's resources (harness/src/main/resources/dev/opsdemo/classroom/)")));

    private final RestApi api;
    private final String runId;
    /** Where the page is uploaded to; null on a server that keeps its artifacts elsewhere. */
    private final String uploadUrl;
    private final String link;

    private TeacherPage(RestApi api, String runId, String uploadUrl, String link) {
        this.api = api;
        this.runId = runId;
        this.uploadUrl = uploadUrl;
        this.link = link;
    }

    /** The experiment (made if missing) and a new run of it, each call shown with its answer. */
    static TeacherPage open(StepContext context, RestApi api) throws Exception {
        HttpResponse<String> found = ClassAccounts.call(api, "GET", api.url("experiments/get-by-name?experiment_name="
                + EXPERIMENT), null, 404);
        String experimentId;
        if (found.statusCode() == 200) {
            experimentId = Json.MAPPER.readTree(found.body()).at("/experiment/experiment_id").asText();
        } else {
            Map<String, String> request = Map.of("name", EXPERIMENT);
            context.command(api.curlPost("experiments/create", request));
            String answer = ClassAccounts.call(api, "POST", api.url("experiments/create"),
                    Json.MAPPER.writeValueAsString(request)).body();
            ClassAccounts.say(context, answer);
            experimentId = Json.MAPPER.readTree(answer).path("experiment_id").asText();
        }
        Map<String, String> request = new LinkedHashMap<>();
        request.put("experiment_id", experimentId);
        request.put("run_name", "teacher-view");
        request.put("start_time", String.valueOf(System.currentTimeMillis()));
        context.command(api.curlPost("runs/create", request));
        String answer = ClassAccounts.call(api, "POST", api.url("runs/create"),
                Json.MAPPER.writeValueAsString(request)).body();
        ClassAccounts.say(context, answer);
        JsonNode info = Json.MAPPER.readTree(answer).at("/run/info");
        String runId = info.path("run_id").asText();
        String artifacts = info.path("artifact_uri").asText();
        String link = api.trackingUri() + "/#/experiments/" + experimentId + "/runs/" + runId + "/artifacts/" + FILE;
        if (!artifacts.startsWith(SERVED)) {
            context.note("the server keeps its artifacts at " + artifacts + ", not through its own API: the view is "
                    + "on the terminal and in classroom/view.json only");
            return new TeacherPage(api, runId, null, null);
        }
        String upload = api.trackingUri() + "/api/2.0/mlflow-artifacts/artifacts/"
                + artifacts.substring(SERVED.length()).replaceFirst("^/+", "") + "/" + FILE;
        return new TeacherPage(api, runId, upload, link);
    }

    /** The MLflow UI's page of the view; null when the server cannot serve it. */
    String link() {
        return link;
    }

    /** The page of {@code reading}, over the one before. */
    void publish(ClassView.Reading reading, String refresh) throws IOException, InterruptedException {
        if (uploadUrl == null) {
            return;
        }
        HttpResponse<String> answer = Http.put(uploadUrl, html(reading, refresh).getBytes(StandardCharsets.UTF_8),
                "text/html", TIMEOUT, api.credentials().headers());
        if (answer.statusCode() != 200) {
            throw new IOException("the tracking server answered " + answer.statusCode() + " to the page's upload: "
                    + answer.body().strip());
        }
    }

    static String html(ClassView.Reading reading, String refresh) {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<PracticeReading.StepState> first = reading.learners().isEmpty() ? List.of()
                : reading.learners().get(0).steps();
        for (int i = 0; i < first.size(); i++) {
            steps.add(Map.of("n", i + 1, "name", ClassView.shortId(first.get(i).id()), "title", first.get(i).title()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ClassView.Row row : reading.learners()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (PracticeReading.StepState step : row.steps()) {
                cells.add(Map.of("state", step.state().name(), "symbol", ClassView.symbol(step.state()),
                        "title", step.title() + (step.detail() == null ? "" : ": " + step.detail())));
            }
            rows.add(Map.of("learner", row.learner(), "cells", cells, "done", row.done(), "readable",
                    row.readable(), "where", row.where()));
        }
        return PAGE.execute(Map.of("time", reading.time(), "trackingUri", reading.trackingUri(), "refresh", refresh,
                "steps", steps, "rows", rows));
    }

    /** Finishes the view's run: the classroom is over. */
    @Override
    public void close() throws Exception {
        Map<String, String> request = Map.of("run_id", runId, "status", "FINISHED", "end_time",
                String.valueOf(System.currentTimeMillis()));
        ClassAccounts.call(api, "POST", api.url("runs/update"), Json.MAPPER.writeValueAsString(request));
    }

}
