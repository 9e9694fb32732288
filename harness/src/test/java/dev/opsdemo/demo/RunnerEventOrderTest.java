package dev.opsdemo.demo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lanes run in parallel, yet every listener hears the run in one order: the transcript and the cast are written by
 * different listeners and must hold the same lines in the same order (CastReplay compares them).
 */
class RunnerEventOrderTest {

    /** Writes down every event it hears, in the order it hears them. */
    private static final class Recorder implements RunListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public synchronized void stepStarted(Step step, List<String> command) {
            heard.add("start " + step.id());
        }

        @Override
        public synchronized void output(Step step, String line) {
            heard.add(step.id() + ": " + line);
        }

        @Override
        public synchronized void stepFinished(StepResult result) {
            heard.add("end " + result.step().id());
        }
    }

    private static Lane lane(String name) {
        return new Lane(name, IntStream.range(0, 2000).mapToObj(i -> new Step(name + "." + i, name, Stage.BUILD,
                "step " + i, "caption", "true", context -> context.out("ran"))).toList());
    }

    @Test
    void everyListenerHearsTheParallelLanesInTheSameOrder() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        RunSummary summary = new Runner(List.of(first, second), new Secrets(), null)
                .run(List.of(lane("a"), lane("b")), Schedule.PARALLEL, (step, command) -> StepGate.Decision.RUN);

        assertEquals(ExitCode.OK.code(), summary.exitCode());
        assertEquals(2 * 2000 * 3, first.heard.size());
        int differs = IntStream.range(0, first.heard.size())
                .filter(i -> !first.heard.get(i).equals(second.heard.get(i))).findFirst().orElse(-1);
        assertEquals(-1, differs, () -> "event " + differs + ": the first listener heard " + first.heard.get(differs)
                + ", the second " + second.heard.get(differs));
    }
}
