package dev.opsdemo.demo;

/** Asked before each step; a live presenter pauses here for the instructor. CI's gate always says RUN. */
@FunctionalInterface
public interface StepGate {

    enum Decision { RUN, QUIT }

    StepGate ALWAYS_RUN = (step, command) -> Decision.RUN;

    /** {@code command}: the lines the step will run, with this run's values. */
    Decision beforeStep(Step step, java.util.List<String> command) throws InterruptedException;
}
