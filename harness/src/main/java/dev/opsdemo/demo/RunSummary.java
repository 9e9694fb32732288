package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The whole run: overall status, every step's result, and the facts merged per lane. */
public record RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                         ObjectNode summaryFields) {

    public RunSummary {
        results = List.copyOf(results);
    }
}
