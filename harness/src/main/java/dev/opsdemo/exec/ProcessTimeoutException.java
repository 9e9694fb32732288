package dev.opsdemo.exec;

import java.time.Duration;
import java.util.List;

/** A process ran past its time and was stopped with its children. */
public final class ProcessTimeoutException extends RuntimeException implements RecentOutput {

    private final List<String> recentOutput;

    public ProcessTimeoutException(ProcessCommand command, Duration timeout, List<String> recentOutput) {
        super(command.display() + " did not finish within " + timeout.toSeconds() + "s and was stopped");
        this.recentOutput = List.copyOf(recentOutput);
    }

    @Override
    public List<String> recentOutput() {
        return recentOutput;
    }
}
