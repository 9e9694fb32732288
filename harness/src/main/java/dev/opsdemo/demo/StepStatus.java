package dev.opsdemo.demo;

public enum StepStatus {
    PASSED, FAILED, SKIPPED, INTERRUPTED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
