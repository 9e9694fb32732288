package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.RuleCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lane's rules, without MLflow: each is a decision a learner can check by hand. The gate and the promotion rule
 * run on the cases every copy of them is tested on (RuleCases); the exported script's copies on the same ones in
 * ScriptRulesTest. Monitoring's verdict is the ML project's own (monitor.py), read from its monitoring.json
 * (VerdictsTest).
 */
class MlopsPolicyTest {

    static List<JsonNode> gate() {
        return RuleCases.of("gate");
    }

    static List<JsonNode> promote() {
        return RuleCases.of("promote");
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
