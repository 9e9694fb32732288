package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The whole run: overall status, every step's result, the facts merged per lane, and what the run could not stop
 * when it ended (each "could not stop NAME: why"; empty when everything stopped).
 */
public record RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                         ObjectNode summaryFields, List<String> cleanupProblems) {

    public RunSummary {
        results = List.copyOf(results);
        cleanupProblems = List.copyOf(cleanupProblems);
    }

    public RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                      ObjectNode summaryFields) {
        this(passed, exitCode, results, facts, summaryFields, List.of());
    }

    /** Ended by Ctrl-C, q or SIGTERM rather than by a failing step. */
    public boolean stopped() {
        return ExitCode.stopped(exitCode);
    }
}
