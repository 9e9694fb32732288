package dev.opsdemo.demo;

/** What a step really does. It reports through the context; a failure is thrown. */
@FunctionalInterface
public interface StepAction {
    void run(StepContext context) throws Exception;
}
