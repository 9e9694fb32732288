package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.text.Durations;

import java.util.List;

/**
 * The headline every report starts with: how the run ended, how much of it ran, and what each lane adds to it
 * (its story's headline, e.g. "MLflow mode: local").
 */
record RunOverview(String status, int exitCode, long passedSteps, int steps, long stepsMs, List<String> lanes) {

    static RunOverview of(RunSummary summary) {
        long passed = summary.results().stream().filter(result -> result.status() == StepStatus.PASSED).count();
        long millis = summary.results().stream().mapToLong(result -> result.durationMs()).sum();
        List<String> lanes = summary.lanes().stream()
                .map(lane -> summary.story(lane).headline(summary.facts().path(lane)))
                .filter(headline -> !headline.isEmpty()).toList();
        return new RunOverview(summary.status(), summary.exitCode(), passed, summary.results().size(), millis, lanes);
    }

    /** What the lanes add, each after a separator; empty when they add nothing. */
    String lanesSuffix() {
        return lanes.stream().map(headline -> " · " + headline).reduce("", String::concat);
    }

    String line() {
        return status + " (exit code " + exitCode + ") · " + passedSteps + "/" + steps + " steps passed · "
                + Durations.seconds(stepsMs) + " in steps" + lanesSuffix();
    }
}
