package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Step;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT) the moment each step of the demo starts, every step in turn (the list comes from the lanes
 * themselves), all in one workspace: each run exits 130, says where it stopped and leaves nothing running, and the
 * run after all of them succeeds. At the steps that start a long-running process the signal waits until that
 * process exists, and the output must name it among what was stopped; one of them gets SIGTERM (what CI and
 * {@code kill} send), which exits 143.
 */
@EndToEnd
class InterruptEveryStepTest {

    /** Under a loaded machine (a parallel test JVM) the last step starts two to three minutes in. */
    private static final Duration TO_REACH_STEP = Duration.ofSeconds(240);
    /** The shutdown hook waits at most 20 s for the run to stop; it takes a few. */
    private static final Duration TO_STOP = Duration.ofSeconds(25);

    /**
     * A process to catch running at a step: where the signal may land (a step that ends as soon as its process is
     * up is followed by the next), the process's command line, the name the output gives it when stopped, and
     * whether to check meanwhile that a second run is refused the workspace.
     */
    private record InTheAct(String signal, String during, String running, String stoppedName,
                            boolean alsoTrySecondRun) {
    }

    private static final Map<String, InTheAct> IN_THE_ACT = Map.of(
            // Maven is building sample-app, while the MLOps lane starts its server or trains.
            "devops.build", new InTheAct("INT", "devops.build", "classworlds.launcher.Launcher", "mvn",
                    true),
            // The MLflow server process is up but not yet ready.
            "mlops.server", new InTheAct("INT", "mlops.server", "mlflow server", "mlflow server", false),
            // `mlflow run` and its Python child are training.
            "mlops.train", new InTheAct("INT", "mlops.train", "mlflow run", "mlflow run", false),
            "devops.deploy", new InTheAct("TERM", "devops.(deploy|monitor)", "sample-app.jar",
                    "java -jar sample-app.jar", false),
            // The model server is serving the champion.
            "mlops.serve", new InTheAct("INT", "mlops.(serve|monitor)", "models serve", "mlflow models",
                    false));

    @TempDir
    Path workspace;

    /** Only to build the lanes for their step list; nothing runs there. */
    @TempDir
    Path scratch;

    @Test
    void aSignalAtEveryStepStopsEverythingItStartedAndTheNextRunSucceeds() throws Exception {
        List<Step> steps = demoSteps(scratch);
        assertTrue(steps.stream().map(Step::id).toList().containsAll(IN_THE_ACT.keySet()), steps.toString());
        for (Step step : steps) {
            InTheAct act = IN_THE_ACT.get(step.id());
            try (HarnessProcess harness = demo()) {
                harness.awaitLine("▶ \\[\\d+/\\d+\\] " + Pattern.quote(step.id()) + " · ", TO_REACH_STEP);
                if (act == null) {
                    interruptAtStart(harness, step);
                } else {
                    interruptInTheAct(harness, step, act);
                }
                NothingLeft.assertFor(harness, workspace);
            }
        }
        try (HarnessProcess next = demo()) {
            assertEquals(0, next.awaitExit(Duration.ofMinutes(8)), "the run after the interrupted ones:\n"
                    + next.output());
            NothingLeft.assertFor(next, workspace);
        }
        assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
    }

    private void interruptAtStart(HarnessProcess harness, Step step) throws Exception {
        harness.signal("INT");
        int exit = harness.awaitExit(TO_STOP);
        String out = harness.output();
        assertEquals(130, exit, "exit code after Ctrl-C at " + step.id() + ":\n" + out);
        // During a step, or between two when the signal fell in the gap after a step that ends at once.
        assertTrue(out.matches("(?s).*interrupted (during|between|before) [a-z]+\\.[a-z]+.*"),
                "says where it stopped:\n" + out);
        JsonNode summary = HarnessRun.summary(workspace);
        assertEquals(130, summary.get("exitCode").asInt(), step.id());
        assertEquals("interrupted", summary.get("status").asText(), step.id());
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

    private HarnessProcess demo() {
        return HarnessProcess.start("demo", "--non-interactive", "--mlflow", "local", "--workspace",
                workspace.toString());
    }

    private static List<Step> demoSteps(Path dir) {
        RepoLayout repo = new RepoLayout(MlflowWitness.repoRoot());
        Workspace scratch = Workspace.open(dir, repo);
        MlopsSettings settings = new MlopsSettings(MlflowTarget.parse("local"), MlflowContainer.DEFAULT_IMAGE,
                MlopsSettings.DEFAULT_MIN_ACCURACY, Map.of(), MlopsSettings.DEFAULT_EXPERIMENT,
                MlopsSettings.DEFAULT_MODEL, MlopsSettings.DEFAULT_DATA, MlopsSettings.DEFAULT_PRODUCTION_DATA,
                Map.of(), MlopsSettings.DEFAULT_PROMOTE_MARGIN, repo.venv());
        List<Lane> lanes = List.of(new DevopsLane(repo, scratch).lane(), new MlopsLane(repo, scratch, settings).lane());
        return Schedule.interleave(lanes);
    }
}
