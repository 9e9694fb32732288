package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * How a step ended: status, duration, its output lines (masked), the facts it read back from the real system,
 * and for a failure the message that says what, why and what to do.
 */
public record StepResult(Step step, StepStatus status, long durationMs, List<String> output, ObjectNode facts,
                         ObjectNode summaryFields, String failure) {

    public StepResult {
        output = List.copyOf(output);
    }
}
