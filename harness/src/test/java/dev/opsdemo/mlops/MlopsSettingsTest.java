package dev.opsdemo.mlops;

import dev.opsdemo.mlflow.MlflowTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A learner's namespace: every name the lane gives MLflow begins with the learner's. */
class MlopsSettingsTest {

    private static MlopsSettings of(String learner) {
        return MlopsSettings.defaults(MlflowTarget.parse("local"), Path.of(".venv")).forLearner(learner);
    }

    @Test
    void withoutALearnerTheNamesAreTheLessonsOwn() {
        MlopsSettings settings = of(null);
        assertEquals("churn-training", settings.experiment());
        assertEquals("churn-classifier", settings.modelName());
        assertEquals("data-validation", settings.validationExperiment());
        assertEquals("monitoring", settings.monitoringExperiment());
    }

    @Test
    void aLearnersNamesAllBeginWithTheirName() {
        MlopsSettings settings = of("ada");
        assertEquals("ada-churn-training", settings.experiment());
        assertEquals("ada-churn-classifier", settings.modelName());
        assertEquals("ada-data-validation", settings.validationExperiment());
        assertEquals("ada-monitoring", settings.monitoringExperiment());
        assertEquals("ada", settings.learner());
    }
}
