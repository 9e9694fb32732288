package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * How a step ended: the command lines it showed (with this run's values; the template for a step that never
 * started), status, duration, its output lines (masked), the facts it read back from the real system, and for a
 * failure the message that says what, why and what to do.
 */
public record StepResult(Step step, List<String> command, StepStatus status, long durationMs, List<String> output,
                         ObjectNode facts, ObjectNode summaryFields, String failure) {

    public StepResult {
        command = List.copyOf(command);
        output = List.copyOf(output);
    }

    /** A result whose command is the step's template, as records show a step that never started. */
    public StepResult(Step step, StepStatus status, long durationMs, List<String> output, ObjectNode facts,
                      ObjectNode summaryFields, String failure) {
        this(step, step.command().get().template(), status, durationMs, output, facts, summaryFields, failure);
    }
}
