package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.StepStatus;

/** The headline every report starts with: how the run ended and how much of it ran. */
record RunOverview(String status, int exitCode, long passedSteps, int steps, long stepsMs, String mlflowMode) {

    static RunOverview of(RunSummary summary) {
        String status = summary.passed() ? "passed"
                : summary.stopped() ? "interrupted" : "failed";
        long passed = summary.results().stream().filter(result -> result.status() == StepStatus.PASSED).count();
        long millis = summary.results().stream().mapToLong(result -> result.durationMs()).sum();
        String mode = summary.summaryFields() == null ? "" : summary.summaryFields().path("mlflowMode").asText("");
        return new RunOverview(status, summary.exitCode(), passed, summary.results().size(), millis, mode);
    }

    String line() {
        return status + " (exit code " + exitCode + ") · " + passedSteps + "/" + steps + " steps passed · "
                + ConsoleListener.seconds(stepsMs) + " in steps" + (mlflowMode.isEmpty() ? "" : " · MLflow mode: "
                + mlflowMode);
    }
}
