package dev.opsdemo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.exec.Http;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlflow.StackSecrets;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowAdmin;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.TlsProxy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class on one server, as an instructor runs it: {@code --mlflow stack} (PostgreSQL and MLflow's authentication
 * app in containers, started by the harness) kept up with {@code --keep-running}; {@code harness classroom} on it,
 * as its admin, making the roster's accounts and showing the teacher's view; then learners, each with their account
 * and a namespace of their own ({@code --learner}), all at once on it. Read back with the real MLflow Python client
 * over the server's API; afterwards {@code harness classroom} starts the stack again on the same data, and nothing
 * of any run is left. While the instructor's servers stay up, the lines its steps showed that query them, typed into
 * bash, answer what the steps showed ({@link ShownQueries}).
 */
@EndToEnd
class ClassOnOneStackTest {

    private static final String MODEL = MlopsSettings.DEFAULT_MODEL;
    private static final String EXPERIMENT = MlopsSettings.DEFAULT_EXPERIMENT;

    /** The instructor's workspace, where the stack keeps its data. */
    @TempDir
    Path instructor;

    @TempDir
    Path learners;

    /** The class's roster, as the instructor writes it. */
    private Path roster() {
        return learners.resolve("roster.txt");
    }

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    /**
     * Without credentials, and with a wrong password, a learner's lane stops at the server step (exit 3, naming
     * MLflow's variables) before anything is trained. Then four learners at once, signed in as themselves: ada with a
     * retraining too weak to win (the challenger is registered and loses), bob as the lesson runs (the drifted batch
     * retrains), carol on a batch that does not drift (nothing retrained), dan with a threshold no model reaches (the
     * gate holds it back: a run, no version). Each learner's champion is where their own run put it, and the
     * instructor's model stays as the stack's own lane left it. No password is in any file a learner's run left.
     */
    @Test
    void aStackTheHarnessStartsServesLearnersAtOnceEachInTheirOwnNamespaceAndKeepsTheirWork() throws Exception {
        Docker.require();
        String url;
        MlflowAdmin admin;
        // Both lanes, started as a wrapper script starts them (in the background), on a batch that does not drift,
        // which leaves the same servers up: the promotion's read asks after a champion that stayed.
        try (HarnessProcess stack = HarnessProcess.inBackgroundOfScript("demo", "--non-interactive", "--mlflow",
                "stack", "--keep-running", "--workspace", instructor.toString(), "--production-data",
                "data/production_reference.csv")) {
            long harness = stack.backgroundPid();
            stack.awaitLine("^→ still up, as the steps left them", Duration.ofMinutes(8));
            assertTrue(stack.output().contains("PASSED 20/20 steps passed"), stack.output());
            JsonNode summary = HarnessRun.summary(instructor);
            assertEquals("stack", summary.get("mlflowMode").asText(), summary.toString());
            url = summary.at("/facts/mlops/trackingUri").asText();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            assertEquals(instructor.resolve("mlops/stack/postgres").toString(),
                    summary.at("/facts/mlops/backendStore").asText());
            assertTrue(stack.output().contains("→ the server lets in user admin"), stack.output());
            // The shown registry calls sign in as the lane does, with the variables the stack's file sets.
            assertTrue(stack.output().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\" "
                    + url + "/api/2.0/mlflow/registered-models/alias --json"), stack.output());
            admin = new MlflowAdmin(url, StackSecrets.ADMIN, secret(StackSecrets.ADMIN_PASSWORD));
            assertSecretsOnlyInTheirFile(instructor);
            ShownQueries.assertReplayed(instructor, stackEnvironment());

            // The instructor's classroom on that server, as its admin: the roster's accounts, then the teacher's view.
            Files.writeString(roster(), "# the Tuesday class\nada\nbob\ncarol\ndan\n");
            Path room = learners.resolve("classroom");
            try (HarnessProcess classroom = HarnessProcess.start(admin.credentials(), "classroom", "--roster",
                    roster().toString(), "--mlflow", url, "--workspace", room.toString(), "--refresh", "5")) {
                // The view's last row: nobody has begun.
                classroom.awaitLine("^  dan +▸  ·  ·", Duration.ofMinutes(2));
                String shown = classroom.output();
                assertTrue(shown.contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\" "
                        + url + "/api/3.0/mlflow/users/permissions/grant --json '{\"username\":\"ada\",\"resource_type\":"
                        + "\"registered_model\",\"resource_id\":\"ada-churn-classifier\",\"permission\":\"EDIT\"}'"),
                        shown);
                Map<String, Map<String, String>> accounts = new LinkedHashMap<>();
                for (String learner : List.of("ada", "bob", "carol", "dan")) {
                    Path file = room.resolve("classroom/learners/" + learner + ".env");
                    assertTrue(shown.contains("→   " + learner + ": set -a && . " + file + " && set +a && "
                            + "./scripts/harness.sh practice --mlflow " + url + " --learner " + learner), shown);
                    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(file)));
                    Map<String, String> account = envFile(file);
                    assertFalse(shown.contains(account.get(MlflowCredentials.PASSWORD)), "a password on screen");
                    accounts.put(learner, Map.of(MlflowCredentials.USERNAME, learner, MlflowCredentials.PASSWORD,
                            account.get(MlflowCredentials.PASSWORD)));
                }
                assertTrue(shown.contains("  ada       ▸  ·  ·"), "nobody has begun:\n" + shown);
                refused(admin, Map.of(), "a call without credentials");
                Map<String, String> wrong = new HashMap<>(accounts.get("ada"));
                wrong.put(MlflowCredentials.PASSWORD, "not-" + wrong.get(MlflowCredentials.PASSWORD));
                refused(admin, wrong, "user ada (" + MlflowCredentials.USERNAME + ", " + MlflowCredentials.PASSWORD
                        + ")");

                Map<String, List<String>> options = Map.of(
                        "ada", List.of("--retrain-param", "n_estimators=1", "--retrain-param", "max_depth=1"),
                        "bob", List.of(),
                        "carol", List.of("--production-data", "data/production_reference.csv"),
                        "dan", List.of("--min-accuracy", "0.999"));
                // Carol reaches the server through an https front whose certificate no CA signed: refused (exit 3,
                // naming the setting) until MLFLOW_TRACKING_SERVER_CERT_PATH names its PEM file; bob through it
                // with MLFLOW_TRACKING_INSECURE_TLS.
                try (TlsProxy tls = TlsProxy.start(learners.resolve("tls"), url)) {
                    HarnessRun untrusted = HarnessRun.launched(accounts.get("carol"), "mlops", "--non-interactive",
                            "--workspace", workspace("carol").toString(), "--mlflow", tls.url(), "--learner",
                            "carol");
                    assertEquals(3, untrusted.exitCode(), untrusted.all());
                    assertTrue(untrusted.out().contains("the MLflow server at " + tls.url() + " presents a certificate "
                            + "this machine does not trust"), untrusted.all());
                    assertTrue(untrusted.out().contains("next: export MLFLOW_TRACKING_SERVER_CERT_PATH=FILE"),
                            untrusted.all());
                    Map<String, String> carol = new HashMap<>(accounts.get("carol"));
                    carol.put(MlflowCredentials.SERVER_CERT_PATH, tls.certificate().toString());
                    accounts.put("carol", carol);
                    // Bob through the same front, asking for no check at all.
                    Map<String, String> bob = new HashMap<>(accounts.get("bob"));
                    bob.put(MlflowCredentials.INSECURE_TLS, "true");
                    accounts.put("bob", bob);
                    Map<String, HarnessRun> runs = atOnce(learner -> learner.equals("carol") || learner.equals("bob")
                            ? tls.url() : url, accounts, options);
                    learnersWork(url, admin, runs, accounts);
                    HarnessRun overTls = runs.get("carol");
                    assertTrue(overTls.out().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:"
                            + "$MLFLOW_TRACKING_PASSWORD\" --cacert \"$MLFLOW_TRACKING_SERVER_CERT_PATH\" \"" + tls.url()
                            + "/api/2.0/mlflow/runs/get?run_id="), overTls.all());
                    assertEquals(tls.url(), HarnessRun.summary(workspace("carol")).at("/facts/mlops/trackingUri")
                            .asText());
                    assertTrue(runs.get("bob").out().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:"
                            + "$MLFLOW_TRACKING_PASSWORD\" -k \"" + tls.url() + "/api/2.0/mlflow/runs/get?run_id="),
                            runs.get("bob").all());
                }
                leastPrivilege(url, accounts);
                teachersView(url, admin, classroom, room);
                classroom.signal("INT");
                classroom.awaitExit(Duration.ofSeconds(60));
                // The class's server is the instructor's, still up: none of its ports is the classroom's to stop.
                NothingLeft.assertFor(classroom, room, java.util.Set.of());
            }

            Shell.ok(MlflowWitness.repoRoot(), "kill", "-INT", String.valueOf(harness));
            assertEquals(130, stack.awaitExit(Duration.ofSeconds(60)), stack.output());
            NothingLeft.assertFor(stack, instructor);
        }

        // Its data survive: the classroom starts the stack again on them (as harness ui would), where the learners'
        // accounts are (new passwords: their files are in the other workspace) and their work is as they left it.
        try (HarnessProcess again = HarnessProcess.start("classroom", "--roster", roster().toString(), "--workspace",
                instructor.toString(), "--refresh", "60")) {
            again.awaitLine("^  dan +✓  ✓  ✓  ✓  ▸ ", Duration.ofMinutes(3));
            String shown = again.output();
            assertTrue(shown.contains("/api/2.0/mlflow/users/update-password --json"), shown);
            assertTrue(shown.contains("→ ada had an account but no file here: a new password, in "), shown);
            assertFalse(shown.contains("/api/2.0/mlflow/users/create"), "the accounts were kept:\n" + shown);
            java.util.regex.Matcher line = Pattern.compile("--mlflow (http://127\\.0\\.0\\.1:\\d+) --learner ada")
                    .matcher(shown);
            assertTrue(line.find(), shown);
            JsonNode ada = MlflowWitness.readServer(line.group(1), admin.credentials(), "ada-" + MODEL,
                    "ada-" + EXPERIMENT);
            assertEquals("1", ada.at("/aliases/champion").asText(), ada.toString());
            assertEquals(2, ada.get("versions").size(), ada.toString());
            assertTrue(shown.matches("(?s).*\n  ada  +✓  ✓  ✓  ✓  ✓  ✓  –  ✓  ✓  ✓  ✓  ✓  11/11  all done\n.*"), shown);
            again.signal("INT");
            again.awaitExit(Duration.ofSeconds(60));
            NothingLeft.assertFor(again, instructor);
            assertTrue(Files.isRegularFile(instructor.resolve("mlops/stack/postgres/PG_VERSION")), "data kept");
        }
    }

    /** Each learner's lane and their namespace as the store shows it; the instructor's model untouched. */
    private void learnersWork(String url, MlflowAdmin admin, Map<String, HarnessRun> runs,
                              Map<String, Map<String, String>> accounts) throws Exception {
        for (String learner : List.of("ada", "bob", "carol")) {
            HarnessRun run = runs.get(learner);
            assertEquals(0, run.exitCode(), learner + ":\n" + run.all());
            assertTrue(run.out().contains("→ the server lets in user " + learner), run.all());
            JsonNode facts = HarnessRun.summary(workspace(learner)).at("/facts/mlops");
            JsonNode monitoring = facts.get("monitoring");
            JsonNode registry = MlflowWitness.readServer(url, admin.credentials(), learner + "-" + MODEL,
                    learner + "-" + EXPERIMENT);
            String champion = "promoted".equals(monitoring.path("decision").asText())
                    ? monitoring.get("challengerVersion").asText() : "1";
            assertEquals(champion, registry.at("/aliases/champion").asText(), learner + ": " + registry);
            assertEquals(facts.get("runId").asText(), registry.at("/versions/0/run_id").asText(), learner);
            switch (learner) {
                case "ada" -> adasRun(url, run, registry);
                case "bob" -> assertTrue(monitoring.get("retrainNeeded").asBoolean(), monitoring.toString());
                case "carol" -> {
                    assertFalse(monitoring.get("retrainNeeded").asBoolean(), monitoring.toString());
                    assertEquals(1, registry.get("versions").size(), registry.toString());
                }
                default -> throw new IllegalStateException(learner);
            }
        }
        HarnessRun dan = runs.get("dan");
        assertEquals(1, dan.exitCode(), dan.all());
        assertTrue(dan.out().contains("is below the threshold 0.9990"), dan.all());
        assertTrue(dan.out().contains("- mlops.register skipped"), dan.all());
        String closing = dan.closing();
        assertTrue(closing.contains("Mistake avoided: releasing a model because its code passed. The accuracy "
                + "gate held back run "), closing);
        assertTrue(closing.contains("threshold 0.9990): in ML the gate is a metric on held-out data. Nothing was "
                + "registered."), closing);
        assertFalse(closing.contains("The model was versioned"), closing);
        JsonNode dans = MlflowWitness.readServer(url, admin.credentials(), "dan-" + MODEL, "dan-" + EXPERIMENT);
        assertEquals(0, dans.get("versions").size(), "no model version: " + dans);
        assertEquals(1, dans.get("experiment_runs").asInt(), "the run itself is recorded: " + dans);

        JsonNode own = MlflowWitness.readServer(url, admin.credentials(), MODEL, EXPERIMENT);
        assertEquals("1", own.at("/aliases/champion").asText(), "the instructor's champion stays: " + own);
        assertEquals(1, own.get("versions").size(), own.toString());
        for (String learner : accounts.keySet()) {
            assertNotIn(workspace(learner), accounts.get(learner).get(MlflowCredentials.PASSWORD));
        }
    }

    /**
     * Ada's lane in detail, as the records and the store agree on it: her namespace, the shown calls signed in, the
     * drifted batch retrained with one shallow tree into a worse challenger (version 2) that the champion keeps out.
     */
    private void adasRun(String url, HarnessRun run, JsonNode registry) throws Exception {
        assertTrue(run.out().matches("(?s).*=== Run \\(ID '[0-9a-f]{32}'\\) succeeded ===.*"), run.all());
        assertTrue(run.out().contains("→ learner ada: the experiments ada-churn-training, ada-data-validation and "
                + "ada-monitoring and the model ada-churn-classifier"), run.all());
        assertTrue(run.out().contains("$ curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\" "
                + "\"" + url + "/api/2.0/mlflow/runs/get?run_id="), "the shown REST calls sign in too:\n" + run.all());
        JsonNode summary = HarnessRun.summary(workspace("ada"));
        assertEquals("external", summary.get("mlflowMode").asText());
        assertEquals("ada", summary.get("learner").asText());
        JsonNode facts = summary.at("/facts/mlops");
        assertEquals("1", facts.get("modelVersion").asText());
        assertEquals("champion", facts.get("alias").asText());
        assertFalse(facts.hasNonNull("backendStore"), "the class's server keeps its store: " + facts);
        assertEquals(url, facts.get("trackingUri").asText());
        JsonNode monitoring = facts.get("monitoring");
        assertTrue(monitoring.get("retrainNeeded").asBoolean(), monitoring.toString());
        assertEquals("2", monitoring.get("challengerVersion").asText(), monitoring.toString());
        assertEquals("kept", monitoring.get("decision").asText(), run.all());
        assertTrue(monitoring.get("challengerScore").asDouble() < monitoring.get("championScore").asDouble(),
                monitoring.toString());
        assertTrue(run.out().contains("→ kept: 'champion' stays on version 1"), run.all());

        assertEquals("2", registry.at("/aliases/challenger").asText(), registry.toString());
        assertEquals(2, registry.get("versions").size(), registry.toString());
        assertEquals("READY", registry.at("/versions/0/status").asText());
        JsonNode trained = registry.at("/runs/" + facts.get("runId").asText());
        assertEquals(facts.at("/metrics/accuracy").asDouble(), trained.at("/metrics/accuracy").asDouble(), 1e-9);
        assertEquals(facts.get("datasetDigest").asText(), trained.at("/dataset_digests/0").asText());
        assertEquals(facts.at("/params/n_estimators").asText(), trained.at("/params/n_estimators").asText());
        assertEquals(4, registry.get("experiment_runs").asInt(),
                "each ran once: the training, the retraining, the two evaluations of the decision");
        assertTrue(facts.get("prediction").isNumber(), "the served model answered: " + facts);
        Leftovers.assertNotListening(facts.get("modelServerUrl").asText());
    }

    private Path workspace(String learner) {
        return learners.resolve(learner);
    }

    /** The learners' lanes, all started at once, each in a workspace of its own, signed in as its learner. */
    private Map<String, HarnessRun> atOnce(java.util.function.Function<String, String> url,
                                           Map<String, Map<String, String>> accounts,
                                           Map<String, List<String>> options) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            Map<String, Future<HarnessRun>> started = new LinkedHashMap<>();
            for (String learner : accounts.keySet()) {
                List<String> args = new ArrayList<>(List.of("mlops", "--non-interactive", "--workspace",
                        workspace(learner).toString(), "--mlflow", url.apply(learner), "--learner", learner));
                args.addAll(options.get(learner));
                started.put(learner, pool.submit(() -> HarnessRun.launched(accounts.get(learner),
                        args.toArray(String[]::new))));
            }
            Map<String, HarnessRun> runs = new LinkedHashMap<>();
            for (Map.Entry<String, Future<HarnessRun>> run : started.entrySet()) {
                runs.put(run.getKey(), run.getValue().get());
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    private void refused(MlflowAdmin admin, Map<String, String> credentials, String how) throws Exception {
        String url = admin.url();
        HarnessRun run = HarnessRun.launched(credentials, "mlops", "--non-interactive", "--workspace",
                workspace("ada").toString(), "--mlflow", url, "--learner", "ada");
        assertEquals(3, run.exitCode(), run.all());
        assertTrue(run.out().contains("the MLflow server at " + url + " answers 401 Unauthorized to " + how),
                run.all());
        assertTrue(run.out().matches("(?s).*next: [^\n]*export [^\n]*" + Pattern.quote(MlflowCredentials.VARIABLES)
                + ".*"), run.all());
        assertTrue(run.out().contains("- mlops.train skipped"), run.all());
        assertEquals(0, MlflowWitness.readServer(url, admin.credentials(), "ada-" + MODEL, "ada-" + EXPERIMENT)
                .get("experiment_runs").asInt(), "nothing was trained");
    }

    /** MLflow's client settings a learner's file sets, as {@code set -a && . FILE && set +a} gives them. */
    private static Map<String, String> envFile(Path file) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static int status(String method, String url, String json, Map<String, String> account)
            throws Exception {
        return Http.send(method, url, json, Duration.ofSeconds(30), Map.of("Authorization", Http.basicAuthorization(
                account.get(MlflowCredentials.USERNAME), account.get(MlflowCredentials.PASSWORD)))).statusCode();
    }

    /**
     * What the classroom's accounts may do, asked of the server: read anyone's work, change none of anyone else's,
     * and not delete even their own (EDIT, not MANAGE).
     */
    private static void leastPrivilege(String url, Map<String, Map<String, String>> accounts) throws Exception {
        String api = url + "/api/2.0/mlflow/";
        Map<String, String> ada = accounts.get("ada");
        Map<String, String> bob = accounts.get("bob");
        assertEquals(200, status("GET", api + "registered-models/get?name=bob-" + MODEL, null, ada),
                "ada reads bob's model");
        assertEquals(403, status("POST", api + "registered-models/alias", "{\"name\":\"ada-" + MODEL + "\","
                + "\"alias\":\"champion\",\"version\":\"2\"}", bob), "bob cannot move ada's champion");
        String experiment = Json.MAPPER.readTree(Http.send("GET", api + "experiments/get-by-name?experiment_name=ada-"
                        + EXPERIMENT, null, Duration.ofSeconds(30), Map.of("Authorization", Http.basicAuthorization("ada",
                        ada.get(MlflowCredentials.PASSWORD)))).body()).at("/experiment/experiment_id").asText();
        assertEquals(403, status("POST", api + "experiments/delete", "{\"experiment_id\":\"" + experiment + "\"}",
                ada), "ada cannot delete even her own experiment");
    }

    /**
     * The teacher's view once every lane has ended: ada, bob and carol done, dan at the registration his gate held
     * back; the same reading in view.json and in the page the server serves, which a learner may open too.
     */
    private static void teachersView(String url, MlflowAdmin admin, HarnessProcess classroom, Path room)
            throws Exception {
        Path view = room.resolve("classroom/view.json");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode read = Files.isRegularFile(view) ? Json.MAPPER.readTree(view.toFile()) : null;
            return read != null && "mlops.register".equals(current(read, "dan"))
                    && current(read, "ada") == null && current(read, "bob") == null && current(read, "carol") == null;
        });
        String shown = classroom.awaitLine("^  dan +✓  ✓  ✓  ✓  ▸ ", Duration.ofSeconds(30));
        assertTrue(shown.contains("register: 'dan-" + MODEL + "' has no version made from run "), shown);
        classroom.awaitLine("^  ada +✓  ✓  ✓  ✓  ✓  ✓  –  ✓  ✓  ✓  ✓  ✓  11/11  all done$", Duration.ofSeconds(30));
        java.util.regex.Matcher page = Pattern.compile("→ the page: " + Pattern.quote(url)
                + "/#/experiments/\\d+/runs/([0-9a-f]{32})/artifacts/teacher-view.html").matcher(classroom.output());
        assertTrue(page.find(), classroom.output());
        String artifact = url + "/get-artifact?path=teacher-view.html&run_uuid=" + page.group(1);
        java.net.http.HttpResponse<String> served = Http.send("GET", artifact, null, Duration.ofSeconds(30),
                Map.of("Authorization", Http.basicAuthorization(admin.username(), admin.password())));
        assertEquals(200, served.statusCode(), served.body());
        assertTrue(served.body().contains("<td class=\"learner\">dan</td>"), served.body());
        assertTrue(served.body().contains("register: &#39;dan-" + MODEL + "&#39; has no version made from run")
                || served.body().contains("register: 'dan-" + MODEL + "' has no version"), served.body());
    }

    /** The step the view finds a learner at, null when they are done. */
    private static String current(JsonNode view, String learner) {
        for (JsonNode row : view.get("learners")) {
            if (row.get("learner").asText().equals(learner)) {
                for (JsonNode step : row.get("steps")) {
                    if (step.get("state").asText().equals("current")) {
                        return step.get("id").asText();
                    }
                }
            }
        }
        return null;
    }

    /** What {@code set -a && . mlops/stack/stack.env && set +a} gives a learner's shell. */
    private Map<String, String> stackEnvironment() throws Exception {
        return envFile(instructor.resolve("mlops/stack/" + StackSecrets.FILE_NAME));
    }

    /** A value of the stack's secrets file. */
    private String secret(String variable) throws Exception {
        return stackEnvironment().get(variable);
    }

    /** The stack's secrets are in its own file, readable by its owner only, and in no other file of the run. */
    private void assertSecretsOnlyInTheirFile(Path workspace) throws Exception {
        Path file = workspace.resolve("mlops/stack/" + StackSecrets.FILE_NAME);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        for (String variable : List.of(StackSecrets.ADMIN_PASSWORD, "POSTGRES_PASSWORD",
                "MLFLOW_FLASK_SERVER_SECRET_KEY")) {
            String value = secret(variable);
            try (Stream<Path> files = Files.walk(workspace)) {
                for (Path other : files.filter(Files::isRegularFile).filter(f -> !f.equals(file))
                        // PostgreSQL's own files hold the database (a password's hash, never the password).
                        .filter(f -> !f.startsWith(workspace.resolve("mlops/stack/postgres"))).toList()) {
                    assertFalse(new String(Files.readAllBytes(other), StandardCharsets.ISO_8859_1).contains(value),
                            variable + "'s value is in " + other);
                }
            }
        }
    }

    private static void assertNotIn(Path workspace, String password) throws Exception {
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(password),
                        "the password is in " + file);
            }
        }
    }
}
