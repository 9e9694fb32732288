package dev.opsdemo.mlops;

import dev.opsdemo.mlflow.MlflowTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A learner's namespace: every name the lane gives MLflow begins with the learner's. */
class MlopsSettingsTest {

    private static MlopsSettings of(String learner) {
        MlopsSettings defaults = MlopsSettings.defaults(MlflowTarget.parse("local"), Path.of(".venv"));
        return new MlopsSettings(defaults.target(), defaults.image(), defaults.minAccuracy(), Map.of(),
                MlopsSettings.namespaced(learner, defaults.experiment()),
                MlopsSettings.namespaced(learner, defaults.modelName()), defaults.data(), defaults.productionData(),
                Map.of(), defaults.promoteMargin(), defaults.venv(), learner);
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
    }
}
