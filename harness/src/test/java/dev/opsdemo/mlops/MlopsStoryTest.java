package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Picture;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The MLOps lane's part in the reports, from facts as summary.json records them. */
class MlopsStoryTest {

    private final MlopsStory story = new MlopsStory();

    private static JsonNode facts(String json) throws Exception {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void closesOnTheKeyConceptAndTheMistakesThisRunAvoided() throws Exception {
        JsonNode facts = facts("{'gitCommit': '8a0532d0c0ffee', 'datasetDigest': 'ec51e379', "
                + "'modelName': 'churn-classifier', 'modelVersion': '1', 'monitoring': {'accuracyBefore': 0.8812, "
                + "'accuracyAfter': 0.6931, 'retrainNeeded': true, 'decision': 'promoted'}}");

        assertEquals(List.of(MlopsStory.KEY_CONCEPT,
                "Mistake avoided: treating an ML pipeline like a plain code pipeline. The model was versioned with "
                        + "its data and parameters, not just its code (commit 8a0532d, dataset digest ec51e379, "
                        + "model churn-classifier v1).",
                "Mistake avoided: ignoring the model after deployment. Monitoring measured accuracy 0.88 -> 0.69 on "
                        + "production data; retrained on the new data with the same code, decision: promoted."),
                story.lessons(facts));
    }

    @Test
    void aRunWithoutAModelClaimsNoModel() throws Exception {
        assertEquals("Mistake avoided: training on data nobody checked. The data contract stopped the pipeline "
                        + "before training (tenure: 3 values below 0); without that check the model would have "
                        + "trained on it without any error. Nothing was trained or registered.",
                story.lessons(facts("{'validationPassed': false, 'validationViolations': 'tenure: 3 values below 0'}"))
                        .get(1));
        assertEquals("Mistake avoided: releasing a model because its code passed. The accuracy gate held back run "
                        + "r1 (accuracy 0.6000, threshold 0.8000): in ML the gate is a metric on held-out data. "
                        + "Nothing was registered.",
                story.lessons(facts("{'runId': 'r1', 'metrics': {'accuracy': 0.6}, 'minAccuracy': 0.8}")).get(1));
        assertEquals(List.of(), story.lessons(Json.MAPPER.missingNode()), "the lane did not run");
    }

    @Test
    void linksComposedFromTheTrackingUriAndOnlyWebAddresses() throws Exception {
        String ui = "http://127.0.0.1:5000/#/";
        assertEquals(Map.of("MLflow run r1", ui + "runs/r1",
                        "MLflow model churn classifier v2", ui + "models/churn%20classifier/versions/2",
                        "MLflow experiments", ui + "experiments"),
                story.links(facts("{'trackingUri': 'http://127.0.0.1:5000/', 'runId': 'r1', "
                        + "'modelName': 'churn classifier', 'modelVersion': '2'}")));
        assertEquals(Map.of(), story.links(facts("{'trackingUri': 'file:///tmp/mlruns', 'runId': 'r1'}")));
    }

    /** As summary.json records a run whose retrained challenger took the alias: v1 was registered, v2 is champion. */
    @Test
    void linksNameTheChampionAfterTheDecisionAndTheRetrainingRun() throws Exception {
        String ui = "http://127.0.0.1:5000/#/";
        String recorded = "{'trackingUri': 'http://127.0.0.1:5000', 'runId': 'r1', "
                + "'runUrl': 'http://127.0.0.1:5000/#/experiments/2/runs/r1', 'modelName': 'churn-classifier', "
                + "'modelVersion': '1', 'modelVersionUrl': 'http://127.0.0.1:5000/#/models/churn-classifier/versions/1',"
                + " 'alias': 'champion', 'monitoring': {'decision': '%s', 'challengerVersion': '2', "
                + "'challengerRunId': 'r2', 'championVersion': '%s'}}";

        assertEquals(List.of(
                        Map.entry("MLflow run r1", ui + "experiments/2/runs/r1"),
                        Map.entry("MLflow run r2 (retraining, v2)", ui + "runs/r2"),
                        Map.entry("MLflow model churn-classifier v2 @champion", ui + "models/churn-classifier/versions/2"),
                        Map.entry("MLflow experiments", ui + "experiments")),
                List.copyOf(story.links(facts(String.format(recorded, "promoted", "2"))).entrySet()));
        assertEquals(ui + "models/churn-classifier/versions/1",
                story.links(facts(String.format(recorded, "kept", "1"))).get("MLflow model churn-classifier v1 @champion"),
                "a challenger that was not promoted leaves the registered version champion");
    }

    @Test
    void monitoringNamesDriftTheChallengerAndTheDecision() throws Exception {
        JsonNode facts = facts("{'monitoring': {'accuracyBefore': 0.9125, 'accuracyAfter': 0.74, "
                + "'drift': {'tenure': {'psi': 0.31, 'drifted': true}, 'age': {'psi': 0.01, 'drifted': false}}, "
                + "'challengerVersion': '4', 'decision': 'kept', 'championVersion': '3'}}");

        assertEquals(List.of("accuracy 0.9125 → 0.7400 on new data", "drift in tenure", "challenger v4",
                "decision: kept, champion v3"), story.produced(Stage.MONITOR, facts));
        assertEquals(List.of(), story.produced(Stage.DEPLOY, facts));
    }

    @Test
    void theMonitorStepShowsItsRunsPlotsDriftFirstEachSaidInWords() throws Exception {
        JsonNode facts = facts("{'monitoring': {'accuracyBefore': 0.88, 'accuracyAfter': 0.69, "
                + "'monitoringRunId': 'm1', 'drift': {'monthly_charges': {'psi': 1.57, 'ks': 0.494, 'drifted': true}}, "
                + "'plots': [{'artifact': 'plots/accuracy.png', 'file': 'mlops/plots/accuracy.png'}, "
                + "{'artifact': 'plots/drift_monthly_charges.png', 'file': 'mlops/plots/drift_monthly_charges.png'}, "
                + "{'artifact': 'plots/residuals.png', 'file': 'mlops/plots/residuals.png'}]}}");

        assertEquals(List.of(
                new Picture("mlops/plots/drift_monthly_charges.png", "Distribution of monthly_charges in the training "
                        + "data and in the production batch, share of rows per bin: PSI 1.5700, KS D 0.4940, drifted"),
                new Picture("mlops/plots/accuracy.png", "Accuracy at training 0.8800 against 0.6900 on the production "
                        + "batch, with the decay threshold"),
                new Picture("mlops/plots/residuals.png", "Plot plots/residuals.png of monitoring run m1")),
                story.pictures(MlopsLane.MONITOR_STEP, facts));
        assertEquals(List.of(), story.pictures("mlops.retrain", facts), "the plots are the monitor step's");
        assertEquals(List.of(), story.pictures(MlopsLane.MONITOR_STEP, facts("{'monitoring': {'retrainNeeded': "
                + "false}}")), "a run from before monitoring logged plots");
    }
}
