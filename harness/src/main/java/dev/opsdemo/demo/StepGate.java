package dev.opsdemo.demo;

/** Asked before each step; a live presenter pauses here for the instructor. CI's gate always says RUN. */
@FunctionalInterface
public interface StepGate {

    enum Decision { RUN, QUIT }

    StepGate ALWAYS_RUN = step -> Decision.RUN;

    Decision beforeStep(Step step) throws InterruptedException;
}
