package dev.opsdemo.demo;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The run's listeners as one. Each event goes to every listener, one event at a time, so every listener hears the
 * parallel lanes in the same order (the transcript and the cast agree line for line). A listener that throws does
 * not keep the others from hearing the event; its error is kept, and the runner starts no new step once there is one.
 */
final class Broadcast implements RunListener {

    private final List<RunListener> listeners;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Broadcast(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** The first error a listener threw, or null. */
    RuntimeException failure() {
        return failure.get();
    }

    @Override
    public void runStarted(List<Lane> lanes) {
        tell(listener -> listener.runStarted(lanes));
    }

    @Override
    public void stepStarted(Step step, List<String> command) {
        tell(listener -> listener.stepStarted(step, command));
    }

    @Override
    public void output(Step step, String line) {
        tell(listener -> listener.output(step, line));
    }

    @Override
    public void stepFinished(StepResult result) {
        tell(listener -> listener.stepFinished(result));
    }

    @Override
    public void runFinished(RunSummary summary) {
        tell(listener -> listener.runFinished(summary));
    }

    private synchronized void tell(Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
