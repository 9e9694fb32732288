package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.json.Json;

import java.util.List;

/** Merges what steps recorded: lane facts under {@code facts.<lane>}, and top-level summary fields. */
public final class Facts {


    private Facts() {
    }

    public static ObjectNode byLane(List<StepResult> results) {
        ObjectNode facts = Json.MAPPER.createObjectNode();
        for (StepResult result : results) {
            ObjectNode lane = facts.has(result.step().lane())
                    ? (ObjectNode) facts.get(result.step().lane())
                    : facts.putObject(result.step().lane());
            lane.setAll(result.facts());
        }
        return facts;
    }

    public static ObjectNode summaryFields(List<StepResult> results) {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        results.forEach(result -> fields.setAll(result.summaryFields()));
        return fields;
    }
}
