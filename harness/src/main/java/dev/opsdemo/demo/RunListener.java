package dev.opsdemo.demo;

import java.util.List;

/** Everything a person or CI sees is one of these, fed by the {@link Runner}. Lines arrive already masked. */
public interface RunListener {

    default void runStarted(List<Lane> lanes) {
    }

    /** The step starts; {@code command} is what it runs, the lines of its {@link Command} with this run's values. */
    default void stepStarted(Step step, List<String> command) {
    }

    default void output(Step step, String line) {
    }

    default void stepFinished(StepResult result) {
    }

    default void runFinished(RunSummary summary) {
    }
}
