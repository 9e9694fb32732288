package dev.opsdemo.demo;

/** A step failed for a reason a person can act on: what failed, why, and what to do next. Exit code 1. */
public class StepFailedException extends RuntimeException {

    public StepFailedException(String what, String why, String next) {
        super(what + "\n  why: " + why + "\n  next: " + next);
    }

    public StepFailedException(String what, String why, String next, Throwable cause) {
        super(what + "\n  why: " + why + "\n  next: " + next, cause);
    }
}
