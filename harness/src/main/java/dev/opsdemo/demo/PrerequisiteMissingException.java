package dev.opsdemo.demo;

/** Something the demo needs is not installed or not running. Exit code 3, with what to install. */
public class PrerequisiteMissingException extends StepFailedException {

    public PrerequisiteMissingException(String what, String why, String next) {
        super(what, why, next);
    }
}
