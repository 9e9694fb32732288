package dev.opsdemo.mlops;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lane's rules, without MLflow: each is a decision a learner can check by hand. */
class MlopsPolicyTest {

    @Test
    void retrainsOnlyWhenTheMonitoringRunSaysSo() {
        assertTrue(MlopsPolicy.retrainNeeded(Map.of("retrain.needed", "true")));
        assertFalse(MlopsPolicy.retrainNeeded(Map.of("retrain.needed", "false")));
        assertFalse(MlopsPolicy.retrainNeeded(Map.of()), "a run without a verdict asks for nothing");
    }

    @Test
    void splitsTheBatchThreeFifthsToRetrainingTheRestHeldOut() {
        assertEquals(300, MlopsPolicy.freshRows(500));
        assertEquals(200, MlopsPolicy.heldOutRows(500));
        assertEquals(4, MlopsPolicy.freshRows(7));
        assertEquals(3, MlopsPolicy.heldOutRows(7), "every row is used once: 4 + 3 = 7");
        assertEquals(0, MlopsPolicy.freshRows(1));
        assertEquals(1, MlopsPolicy.heldOutRows(1));
    }

    @Test
    void promotesOnlyAChallengerBetterByTheMargin() {
        assertTrue(MlopsPolicy.promotes(0.70, 0.75, 0.02));
        assertTrue(MlopsPolicy.promotes(0.70, 0.72, 0.02), "exactly the margin is enough");
        assertFalse(MlopsPolicy.promotes(0.70, 0.71, 0.02));
        assertFalse(MlopsPolicy.promotes(0.80, 0.75, 0.0), "a worse challenger never replaces the champion");
        assertTrue(MlopsPolicy.promotes(0.80, 0.80, 0.0), "with no margin a tie promotes");
    }
}
