package dev.opsdemo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Step;
import dev.opsdemo.support.DemoLanes;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real signals to the real harness, started as a user starts it, at every step that starts a process (the build, the
 * MLflow server, training, the app, the model server) and at {@code mlops.evaluate} (two evaluation runs side by side,
 * then the promotion), all in one workspace (the steps come from the lanes themselves): the signal waits until the
 * step's process exists, and each run exits 130 (Ctrl-C) or 143 (SIGTERM, what CI and {@code kill} send), says where
 * it stopped and names that process among what it stopped, and leaves nothing running; the run after all of them
 * succeeds. A step runs under {@code demo --only} its lane, which reaches it sooner, except the build: it runs beside
 * the MLOps lane, so that one signal stops both lanes' processes. Every other step boundary (as a step starts, while
 * it runs, between two) is {@link InterruptEveryBoundaryTest}'s, over the same step list with stand-in actions.
 */
@EndToEnd
class InterruptEveryStepTest {

    /** Under a loaded machine (a parallel test JVM) the last step starts two to three minutes in. */
    private static final Duration TO_REACH_STEP = Duration.ofSeconds(240);
    /** The shutdown hook waits at most 20 s for the run to stop; it takes a few. */
    private static final Duration TO_STOP = Duration.ofSeconds(25);

    /**
     * A process to catch running at a step: the lane to run alone ({@code demo --only}; null: both), where the signal
     * may land (a step that ends as soon as its process is up is followed by the next), the process's command line,
     * the name the output gives it when stopped, and whether to check meanwhile that a second run is refused the
     * workspace.
     */
    private record InTheAct(String only, String signal, String during, String running, String stoppedName,
                            boolean alsoTrySecondRun) {
    }

    private static final Map<String, InTheAct> IN_THE_ACT = Map.of(
            // Maven is building sample-app, while the MLOps lane starts its server or trains.
            "devops.build", new InTheAct(null, "INT", "devops.build", "classworlds.launcher.Launcher", "mvn",
                    true),
            // The MLflow server process is up but not yet ready.
            "mlops.server", new InTheAct("mlops", "INT", "mlops.server", "mlflow server", "mlflow server", false),
            // `mlflow run` and its Python child are training. mlops.validate, mlops.monitor and mlops.retrain run
            // their entry points the same way (MlflowProjectRun.run), each a short `mlflow run`.
            "mlops.train", new InTheAct("mlops", "INT", "mlops.train", "mlflow run", "mlflow run", false),
            "devops.deploy", new InTheAct("devops", "TERM", "devops.(deploy|monitor)", "sample-app.jar",
                    "java -jar sample-app.jar", false),
            // The model server is serving the champion.
            "mlops.serve", new InTheAct("mlops", "INT", "mlops.(serve|monitor)", "models serve", "mlflow models",
                    false),
            // Champion and challenger are being evaluated, each by its own `mlflow run -e evaluate`.
            "mlops.evaluate", new InTheAct("mlops", "INT", "mlops.evaluate", "-e evaluate", "mlflow run", false));

    @TempDir
    Path workspace;

    /** Only to build the lanes for their step list; nothing runs there. */
    @TempDir
    Path scratch;

    @Test
    void aSignalAtEveryStepThatStartsAProcessStopsEverythingAndTheNextRunSucceeds() throws Exception {
        List<Step> steps = Schedule.interleave(DemoLanes.in(scratch));
        assertTrue(steps.stream().map(Step::id).toList().containsAll(IN_THE_ACT.keySet()), steps.toString());
        for (Step step : steps) {
            InTheAct act = IN_THE_ACT.get(step.id());
            if (act == null) {
                continue;  // starts no process of its own: InterruptEveryBoundaryTest
            }
            try (HarnessProcess harness = demo(act.only())) {
                harness.awaitLine("▶ \\[\\d+/\\d+\\] " + Pattern.quote(step.id()) + " · ", TO_REACH_STEP);
                interruptInTheAct(harness, step, act);
                NothingLeft.assertFor(harness, workspace);
            }
        }
        // Both lanes again in the same workspace, on a batch that does not drift: the retraining and evaluation a
        // drifting batch adds (which the interrupted runs reached) are a demo's longest part and add nothing here.
        try (HarnessProcess next = demo(null, "--production-data", "data/production_reference.csv")) {
            assertEquals(0, next.awaitExit(Duration.ofMinutes(8)), "the run after the interrupted ones:\n"
                    + next.output());
            NothingLeft.assertFor(next, workspace);
        }
        assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
    }

    private void interruptInTheAct(HarnessProcess harness, Step step, InTheAct act) throws Exception {
        harness.awaitProcess(act.running(), TO_REACH_STEP);
        if (act.alsoTrySecondRun()) {
            // While a run holds the workspace, a second one is refused before it starts anything.
            HarnessRun second = HarnessRun.of("devops", "--non-interactive", "--workspace", workspace.toString());
            assertEquals(2, second.exitCode(), second.all());
            assertTrue(second.err().contains("another harness run is using the workspace " + workspace
                    + " (pid " + harness.pid() + ")"), second.all());
        }
        long sent = System.nanoTime();
        harness.signal(act.signal());
        int exit = harness.awaitExit(TO_STOP);
        long tookMs = (System.nanoTime() - sent) / 1_000_000;
        String out = harness.output();
        int expected = act.signal().equals("TERM") ? 143 : 130;
        assertEquals(expected, exit, "exit code after SIG" + act.signal() + " at " + step.id() + ":\n" + out);
        String cause = act.signal().equals("TERM") ? "terminated by SIGTERM" : "interrupted";
        assertTrue(Pattern.compile(Pattern.quote(cause) + " during " + act.during() + "; stopped: .*"
                + Pattern.quote(act.stoppedName()) + " \\(pid \\d+\\)").matcher(out).find(),
                "says where it stopped and what it stopped:\n" + out);
        assertTrue(out.contains("(exit code " + expected + ")"), out);
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals(expected, summary.get("exitCode").asInt(), "summary.json says how the run ended");
        assertEquals("interrupted", summary.get("status").asText(), summary.toString());
        assertTrue(tookMs < TO_STOP.toMillis(), "stopped in " + tookMs + " ms");
    }

    /** {@code only}: the lane to run alone, or null for both; {@code extra}: more options. */
    private HarnessProcess demo(String only, String... extra) {
        List<String> args = new ArrayList<>(List.of("demo", "--non-interactive", "--mlflow", "local", "--workspace",
                workspace.toString()));
        if (only != null) {
            args.addAll(List.of("--only", only));
        }
        args.addAll(List.of(extra));
        return HarnessProcess.start(args.toArray(String[]::new));
    }
}
