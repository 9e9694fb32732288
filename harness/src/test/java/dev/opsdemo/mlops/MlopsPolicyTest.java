package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.RuleCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The lane's rules, without MLflow: each is a decision a learner can check by hand. The gate, the promotion rule and
 * the reading of monitoring's verdict run on the cases every copy of them is tested on (RuleCases); the exported
 * script's copies on the same ones in ScriptRulesTest.
 */
class MlopsPolicyTest {

    static List<JsonNode> gate() {
        return RuleCases.of("gate");
    }

    static List<JsonNode> promote() {
        return RuleCases.of("promote");
    }

    static List<JsonNode> retrain() {
        return RuleCases.of("retrain");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void gate(JsonNode c) {
        assertEquals(c.get("passes").asBoolean(),
                MlopsPolicy.passesGate(c.get("accuracy").asDouble(), c.get("min_accuracy").asDouble()),
                c.get("case").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void promote(JsonNode c) {
        assertEquals(c.get("promotes").asBoolean(), MlopsPolicy.promotes(c.get("champion").asDouble(),
                c.get("challenger").asDouble(), c.get("margin").asDouble()), c.get("case").asText());
    }

    /** The verdict is the ML project's (monitor.py, tested on these cases by pytest); the harness reads its tag. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void retrain(JsonNode c) {
        boolean verdict = c.get("retrain").asBoolean();
        assertEquals(verdict, MlopsPolicy.retrainNeeded(Map.of("retrain.needed", String.valueOf(verdict))),
                c.get("case").asText());
    }

    @Test
    void aMonitoringRunWithoutAVerdictAsksForNothing() {
        assertFalse(MlopsPolicy.retrainNeeded(Map.of()));
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
}
