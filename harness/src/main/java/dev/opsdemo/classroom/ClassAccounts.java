package dev.opsdemo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.Http;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.mlops.RestApi;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account a learner on the class's MLflow server, made as its admin, with the least permissions that let the
 * lane run in the learner's namespace: what the server gives everyone signed in (READ: the class browses one
 * another's work) and EDIT on the learner's own experiments and registered model. The admin makes those first, so
 * that no one else can take their names (MLflow gives whoever makes a resource MANAGE on it); EDIT logs runs,
 * registers versions and moves aliases, and neither deletes nor grants. Each learner's password is in a file of
 * their own that only its owner reads ({@link #file}), never on screen: the shown call reads it from there.
 * A rerun keeps the accounts and passwords as they are and makes only what is missing.
 */
final class ClassAccounts {

    static final String PERMISSION = "EDIT";
    private static final String USER_PASSWORD = MlflowCredentials.PASSWORD;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Roster roster;
    private final Path dir;
    private final MlopsSettings settings;

    /** {@code dir}: where the learners' files go; {@code settings}: the lesson's, whose names each learner's prefix. */
    ClassAccounts(Roster roster, Path dir, MlopsSettings settings) {
        this.roster = roster;
        this.dir = dir;
        this.settings = settings;
    }

    /** The learner's file: MLflow's client settings that sign in as them, as shell assignments. */
    Path file(String learner) {
        return dir.resolve(learner + ".env");
    }

    /** Every learner's account, and what it may change, made where missing; each said, the password never. */
    void make(StepContext context, String trackingUri, MlflowCredentials admin) throws Exception {
        RestApi api = new RestApi(trackingUri, admin);
        Files.createDirectories(dir);
        for (String learner : roster.learners()) {
            MlopsSettings own = settings.forLearner(learner);
            boolean madeNow = account(context, api, learner);
            List<String> granted = new ArrayList<>();
            for (String experiment : List.of(own.validationExperiment(), own.experiment(),
                    own.monitoringExperiment())) {
                String[] made = experiment(context, api, experiment);
                if (made[1] != null || madeNow) {
                    grant(context, api, learner, "experiment", made[0]);
                }
                granted.add(experiment);
            }
            if (model(context, api, own.modelName()) || madeNow) {
                grant(context, api, learner, "registered_model", own.modelName());
            }
            granted.add(own.modelName());
            context.note(learner + ": " + PERMISSION + " on " + String.join(", ", granted) + ", READ on the rest "
                    + "(the server's default); the password is in " + file(learner));
        }
    }

    /** The learner's account, made (true) or found; a found one without a file gets a new password in one. */
    private boolean account(StepContext context, RestApi api, String learner)
            throws Exception {
        Path file = file(learner);
        String kept = Files.isRegularFile(file) ? passwordIn(file) : null;
        String password = kept != null ? kept : MlflowCredentials.newPassword();
        context.secret(password);
        boolean exists = call(api, "GET", api.url("users/get?username=" + encode(learner)), null, 404)
                .statusCode() == 200;
        if (exists && kept != null) {
            writeFile(file, api.trackingUri(), learner, password);
            return false;
        }
        // The file first: the shown call reads the password from it.
        writeFile(file, api.trackingUri(), learner, password);
        String path = exists ? "users/update-password" : "users/create";
        context.command(passwordLine(api, path, exists, learner, file));
        String answer = call(api, exists ? "PATCH" : "POST", api.url(path),
                Json.MAPPER.writeValueAsString(Map.of("username", learner, "password", password))).body();
        say(context, answer);
        if (exists) {
            context.note(learner + " had an account but no file here: a new password, in " + file);
        }
        return !exists;
    }

    /**
     * The shown call that sets a learner's password: the password read from their file in a subshell, so that it is
     * on no screen and the line still does what the harness did.
     */
    static String passwordLine(RestApi api, String path, boolean patch, String learner, Path file) {
        return api.curl() + (patch ? " -X PATCH " : " ") + api.url(path) + " --json \"{\\\"username\\\": \\\""
                + learner + "\\\", \\\"password\\\": \\\"$(. " + Command.quote(file.toString()) + " && echo \"$"
                + USER_PASSWORD + "\")\\\"}\"";
    }

    /** The experiment's id, and "made" when it was made now ({@code [id, made]}). */
    private String[] experiment(StepContext context, RestApi api, String name) throws Exception {
        HttpResponse<String> found = call(api, "GET", api.url("experiments/get-by-name?experiment_name="
                + encode(name)), null, 404);
        if (found.statusCode() == 200) {
            return new String[] {Json.MAPPER.readTree(found.body()).at("/experiment/experiment_id").asText(), null};
        }
        Map<String, String> request = Map.of("name", name);
        context.command(api.curlPost("experiments/create", request));
        String answer = call(api, "POST", api.url("experiments/create"), Json.MAPPER.writeValueAsString(request))
                .body();
        say(context, answer);
        return new String[] {Json.MAPPER.readTree(answer).path("experiment_id").asText(), "made"};
    }

    /** True when the registered model was made now. */
    private boolean model(StepContext context, RestApi api, String name) throws Exception {
        if (call(api, "GET", api.url("registered-models/get?name=" + encode(name)), null, 404)
                .statusCode() == 200) {
            return false;
        }
        Map<String, String> request = Map.of("name", name);
        context.command(api.curlPost("registered-models/create", request));
        say(context, call(api, "POST", api.url("registered-models/create"), Json.MAPPER.writeValueAsString(request))
                .body());
        return true;
    }

    private void grant(StepContext context, RestApi api, String learner, String type, String id)
            throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("username", learner);
        request.put("resource_type", type);
        request.put("resource_id", id);
        request.put("permission", PERMISSION);
        String url = grantUrl(api.trackingUri());
        context.command(api.curlPostAt(url, request));
        say(context, call(api, "POST", url, Json.MAPPER.writeValueAsString(request)).body());
    }

    /** Grants are MLflow 3's API (the 2.x per-experiment endpoints are gone). */
    static String grantUrl(String trackingUri) {
        return trackingUri + "/api/3.0/mlflow/users/permissions/grant";
    }

    /** An answer's body as curl prints it, line by line. */
    static void say(StepContext context, String body) {
        body.strip().lines().forEach(context::out);
    }

    /** A call as the admin; an answer other than 200 (or one of {@code allowed}) fails the step with it. */
    static HttpResponse<String> call(RestApi api, String method, String url, String json,
                                             int... allowed) throws Exception {
        HttpResponse<String> answer = Http.send(method, url, json, TIMEOUT, api.credentials().headers());
        if (answer.statusCode() == 200 || java.util.Arrays.stream(allowed).anyMatch(s -> s == answer.statusCode())) {
            return answer;
        }
        throw new StepFailedException("the MLflow server answered " + answer.statusCode() + " to " + method + " "
                + url.substring(api.trackingUri().length()), answer.body().strip(),
                "the classroom makes accounts as the server's admin: check that "
                        + MlflowCredentials.VARIABLES + " sign in as one");
    }

    private void writeFile(Path file, String trackingUri, String learner, String password) throws IOException {
        AtomicFile.writePrivate(file, "# " + learner + "'s account on the class's MLflow server, made by "
                + "./scripts/harness.sh classroom.\n# Load it in your shell: set -a && . " + file + " && set +a\n"
                + "MLFLOW_TRACKING_URI=" + trackingUri + "\n"
                + MlflowCredentials.USERNAME + "=" + learner + "\n"
                + USER_PASSWORD + "=" + password + "\n");
    }

    private static String passwordIn(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(USER_PASSWORD + "="))
                .map(line -> line.substring(USER_PASSWORD.length() + 1)).filter(value -> !value.isBlank())
                .findFirst().orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
