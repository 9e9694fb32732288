package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The whole run: overall status, every step's result, and the facts merged per lane. */
public record RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                         ObjectNode summaryFields) {

    public RunSummary {
        results = List.copyOf(results);
    }

    /** Ended by Ctrl-C, q or SIGTERM rather than by a failing step. */
    public boolean stopped() {
        return exitCode == Runner.EXIT_INTERRUPTED || exitCode == Runner.EXIT_TERMINATED;
    }
}
