package dev.opsdemo.demo;

/**
 * Thrown by a step's action that the user chose not to do ({@code n} in practice): the step ends as skipped, with
 * {@code reason} as its message, and the run goes on.
 */
public final class StepSkippedException extends Exception {

    public StepSkippedException(String reason) {
        super(reason);
    }
}
