package dev.opsdemo.demo;

import java.util.List;

/** Everything a person or CI sees is one of these, fed by the {@link Runner}. Lines arrive already masked. */
public interface RunListener {

    default void runStarted(List<Lane> lanes) {
    }

    default void stepStarted(Step step) {
    }

    default void output(Step step, String line) {
    }

    default void stepFinished(StepResult result) {
    }

    default void runFinished(RunSummary summary) {
    }
}
