package dev.opsdemo.practice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MLOps lane practised on a real terminal (tmux, the practice above a learner's bash that types what the screen
 * shows) against a real local MLflow server: every step that changes the tracking server or starts a process is
 * checked before its commands are typed and after; the lesson's mistakes are made on the way and each gets its own
 * explanation (training without the experiment name lands in Default, training on the corrupted data, registering
 * without moving the alias, serving without monitoring); the challenger's alias command comes from its check, once
 * the version's number exists; the champion moves to the better challenger. What the
 * checks recorded is read back against the store through MLflow's REST API, and nothing is left running.
 */
@EndToEnd
class PracticeMlopsTest {

    private static final Duration STEP = PracticeTerminals.STEP;

    @TempDir
    Path dir;

    @Test
    void theLearnerTypesTheMlopsLaneMakesTheLessonsMistakesOnTheWayAndEachIsExplained() throws Exception {
        Path workspace = dir.resolve("ws");
        String trackingUri;
        String trainedRun = null;
        try (PracticeTerminals session = PracticeTerminals.open(dir, workspace, "--only", "mlops", "--mlflow",
                "local")) {
            Matcher server = Pattern.compile("MLflow local server ready at (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(session.practice.screen());
            assertTrue(server.find(), session.practice.screen());
            trackingUri = server.group(1);
            session.notYetThenPassed("mlops.validate", "no run of the validate entry point in experiment "
                    + "'data-validation' since this step began");

            session.awaitStep("mlops.train");
            session.practice.send("Enter");
            session.await("→ ✗ no training run in experiment 'churn-training' since this step began");
            List<String> train = PracticeTerminals.shownCommands(session.practice.screen(), "mlops.train");
            String shown = String.join(" ", train);
            session.type(List.of(shown.replace(" --experiment-name churn-training", "")));
            session.practice.send("Enter");
            session.await("is in the experiment 'Default', not 'churn-training'");
            session.await("→ common mistake: training without --experiment-name puts the run in Default");
            session.type(List.of(shown.replace("data=data/train.csv", "data=data/corrupted.csv")));
            session.practice.send("Enter");
            session.await("trained on data=data/corrupted.csv");
            session.await("→ common mistake: that data breaks the contract mlops.validate checks");
            session.type(train);
            Matcher printed = Pattern.compile("=== Run \\(ID '([0-9a-f]{32})'\\) succeeded ===").matcher(
                    session.learner.screen());
            while (printed.find()) {
                trainedRun = printed.group(1);
            }
            session.practice.send("Enter");
            session.await("✔ mlops.train passed");

            // The two steps that only read: what their commands print is asked back, and checked on the store.
            session.answeredOnceTyped("mlops.inspect", "", "no answer: the commands above print it",
                    lineage -> PracticeTerminals.found(lineage, "\"digest\": \"([0-9a-f]+)\""));
            session.answeredOnceTyped("mlops.gate", "0.8", "run " + trainedRun + "'s accuracy is not 0.8",
                    history -> PracticeTerminals.found(history, "\"value\":([0-9.]+)"));
            session.notYetThenPassed("mlops.register", "the registry has no model 'churn-classifier' yet");
            session.mistakeThenPassed("mlops.alias", "no version of 'churn-classifier' has the alias 'champion', "
                    + "not version 1", "registering is not releasing");
            session.notYetThenPassed("mlops.serve", "nothing answers at http://127.0.0.1:");
            session.mistakeThenPassed("mlops.monitor", "no monitoring run in experiment 'monitoring' since the "
                    + "champion was served", "a deployed model is not done");

            session.notYetThenPassed("mlops.retrain", "no run in experiment 'churn-training' since this step began "
                    + "trained on data=data/train.csv,data/production_shifted.csv:head=");
            // The new version's number is known once it exists: the check then gives the alias's command.
            session.awaitStep("mlops.challenger");
            session.practice.send("Enter");
            session.await("→ ✗ 'churn-classifier' has no version made from run ");
            session.typeShownCommands("mlops.challenger");
            session.practice.send("Enter");
            session.await("is registered but not 'challenger' yet; point the alias at it:");
            session.type(PracticeTerminals.lastShownCommands(session.practice.screen()));
            session.practice.send("Enter");
            session.await("✔ mlops.challenger passed");
            session.notYetThenPassed("mlops.evaluate", "no finished evaluation of models:/churn-classifier/1 on "
                    + "data/production_shifted.csv:tail=");
            session.notYetThenPassed("mlops.promote", "'champion' still points at version 1; the challenger, "
                    + "version 2, is better by the margin");
            session.answerQuiz("B", "A", "D", "C", "A");
            assertEquals(0, session.practice.awaitExit(STEP), session.practice.screen());
            session.learner.typeLine("kill %1; wait; echo \"model server $((1+1)) stopped\"");
            session.learner.await("model server 2 stopped", STEP);
        }
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals("passed", summary.path("status").asText(), summary.toString());
        JsonNode mlops = summary.path("facts").path("mlops");
        // What the checks recorded is what the store holds, as MLflow's own Python client reads it.
        JsonNode store = MlflowWitness.read(workspace.resolve("mlops/mlflow/mlflow.db"), "churn-classifier",
                "churn-training");
        assertEquals(mlops.path("runId").asText(), store.at("/versions/0/run_id").asText(), store.toString());
        assertEquals(trainedRun, mlops.path("runId").asText(), "the run the learner's mlflow run printed");
        assertEquals(mlops.at("/monitoring/championVersion").asText(),
                store.at("/aliases/champion").asText(), store + "\n" + mlops);
        JsonNode progress = Json.MAPPER.readTree(workspace.resolve("practice/progress.json").toFile());
        // Before anything was typed, the run in Default, the run on the corrupted data, the run that passed.
        assertEquals(4, progress.path("mlops.train").path("checks").asInt(), progress.toString());
        for (String step : List.of("mlops.validate", "mlops.train", "mlops.register", "mlops.alias", "mlops.serve",
                "mlops.monitor", "mlops.retrain", "mlops.challenger", "mlops.evaluate", "mlops.promote")) {
            assertEquals("passed", progress.path(step).path("outcome").asText(), step + ": " + progress);
        }
        Leftovers.assertNotListening(trackingUri);
        Leftovers.assertNotListening(mlops.path("modelServerUrl").asText());
    }
}
