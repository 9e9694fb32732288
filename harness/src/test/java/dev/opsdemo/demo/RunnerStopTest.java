package dev.opsdemo.demo;

import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Style;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stop that falls between two steps still says where the lane stopped (the gap is made here, not waited for). */
class RunnerStopTest {

    private static Step step(String id) {
        return new Step(id, "lane", Stage.BUILD, id, "caption", "true", context -> context.out(id + " ran"));
    }

    @Test
    void aSignalBetweenTwoStepsIsNamedOnTheFirstStepNotStarted() {
        AtomicReference<Runner> runner = new AtomicReference<>();
        runner.set(new Runner(List.of(), new Secrets(), null));
        StepGate signalBeforeSecond = (step, command) -> {
            if (step.id().equals("lane.second")) {
                runner.get().interrupt();  // as the Ctrl-C hook does, after lane.first returned
            }
            return StepGate.Decision.RUN;
        };
        RunSummary summary = runner.get().run(List.of(new Lane("lane", List.of(step("lane.first"),
                step("lane.second"), step("lane.third")))), Schedule.INTERLEAVED, signalBeforeSecond);

        assertEquals(ExitCode.INTERRUPTED.code(), summary.exitCode());
        List<StepResult> results = summary.results();
        assertEquals(StepStatus.PASSED, results.get(0).status());
        assertEquals(StepStatus.SKIPPED, results.get(1).status());
        assertEquals(List.of(), results.get(1).output(), "lane.second never ran");
        assertEquals("interrupted between lane.first and lane.second; nothing was running", results.get(1).failure());
        assertNull(results.get(2).failure(), "said once");
    }

    @Test
    void aSignalBeforeTheFirstStepIsNamedToo() {
        AtomicReference<Runner> runner = new AtomicReference<>();
        runner.set(new Runner(List.of(), new Secrets(), null));
        RunSummary summary = runner.get().run(List.of(new Lane("lane", List.of(step("lane.first")))),
                Schedule.INTERLEAVED, (step, command) -> {
                    runner.get().interrupt("terminated by SIGTERM", ExitCode.TERMINATED);
                    return StepGate.Decision.RUN;
                });
        assertEquals(ExitCode.TERMINATED.code(), summary.exitCode());
        assertEquals("terminated by SIGTERM before lane.first; nothing was running", summary.results().get(0).failure());
    }

    @Test
    void aProcessStartedJustAfterTheSignalIsStoppedAndNamed() {
        AtomicReference<Runner> runner = new AtomicReference<>();
        runner.set(new Runner(List.of(), new Secrets(), null));
        AtomicReference<Boolean> closed = new AtomicReference<>(false);
        Step starting = new Step("lane.server", "lane", Stage.VERSION, "server", "caption", "true", context -> {
            runner.get().interrupt();  // Ctrl-C lands after the process was spawned, before the step registered it
            context.cleanup().register("mlflow server (pid 1)", () -> closed.set(true));
        });
        RunSummary summary = runner.get().run(List.of(new Lane("lane", List.of(starting))), Schedule.INTERLEAVED,
                (step, command) -> StepGate.Decision.RUN);

        assertEquals(ExitCode.INTERRUPTED.code(), summary.exitCode());
        assertEquals(true, closed.get(), "stopped as soon as it was registered");
        assertEquals("interrupted during lane.server; stopped: mlflow server (pid 1)",
                summary.results().get(0).failure());
    }

    @Test
    void whatCannotBeStoppedAtTheEndIsSaidInTheSummaryAndOnScreen() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Runner runner = new Runner(List.of(new ConsoleListener(new PrintStream(screen, true, StandardCharsets.UTF_8),
                new Style(false), true)), new Secrets(), null);
        Step starting = new Step("lane.server", "lane", Stage.DEPLOY, "server", "caption", "true",
                context -> context.cleanup().register("model server (pid 7)", () -> {
                    throw new IllegalStateException("no such process");
                }));
        RunSummary summary = runner.run(List.of(new Lane("lane", List.of(starting))), Schedule.INTERLEAVED,
                (step, command) -> StepGate.Decision.RUN);

        assertEquals(List.of("could not stop model server (pid 7): no such process"), summary.cleanupProblems());
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("✘ could not stop model server (pid 7): no such "
                + "process; it may still be running: stop it yourself"), screen.toString(StandardCharsets.UTF_8));
    }
}
