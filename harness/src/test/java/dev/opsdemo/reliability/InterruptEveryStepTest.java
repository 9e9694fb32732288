package dev.opsdemo.reliability;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C the moment each step of the demo starts, every step in turn (the list comes from the lanes themselves),
 * all in one workspace: each run exits 130, says where it stopped and leaves nothing running, and the run after
 * all of them succeeds. {@link InterruptTest} looks closer at a few steps with long-running processes.
 */
class InterruptEveryStepTest {

    @TempDir
    Path workspace;

    /** Only to build the lanes for their step list; nothing runs there. */
    @TempDir
    Path scratch;

    @Test
    void ctrlCAtEveryStepStopsCleanlyAndTheNextRunSucceeds() throws Exception {
        for (Step step : demoSteps(scratch)) {
            try (HarnessProcess harness = demo()) {
                harness.awaitLine("▶ \\[\\d+/\\d+\\] " + step.id().replace(".", "\\.") + " · ",
                        Duration.ofSeconds(150));
                harness.signal("INT");
                int exit = harness.awaitExit(Duration.ofSeconds(25));
                String out = harness.output();
                assertEquals(130, exit, "exit code after Ctrl-C at " + step.id() + ":\n" + out);
                // During a step, or between two when the signal fell in the gap after a step that ends at once.
                assertTrue(out.matches("(?s).*interrupted (during|between|before) [a-z]+\\.[a-z]+.*"),
                        "says where it stopped:\n" + out);
                NothingLeft.assertFor(harness, workspace);
                JsonNode summary = HarnessRun.summary(workspace);
                assertEquals(130, summary.get("exitCode").asInt(), step.id());
            }
        }
        try (HarnessProcess next = demo()) {
            assertEquals(0, next.awaitExit(Duration.ofMinutes(5)), next.output());
            NothingLeft.assertFor(next, workspace);
        }
        assertEquals("passed", HarnessRun.summary(workspace).get("status").asText());
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
