package dev.opsdemo.commands;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.Step;
import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.mlops.MlopsLane;
import dev.opsdemo.support.CiTool;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.Shell;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `harness commands` prints, without running it (ExportedScriptTest runs it). */
class PlainScriptTest {

    private static final Pattern STEP_COMMENT = Pattern.compile("(?m)^# \\[([a-z]+\\.[a-z]+)\\] (.*)$");

    @TempDir
    Path dir;

    private List<Step> steps(String laneName) {
        RepoLayout repo = new RepoLayout(MlflowWitness.repoRoot());
        Workspace workspace = Workspace.open(dir.resolve("lanes"), repo);
        Lane lane = laneName.equals(DevopsLane.NAME) ? new DevopsLane(repo, workspace).lane()
                : new MlopsLane(repo, workspace, PlainScript.defaultSettings(repo)).lane();
        return lane.steps();
    }

    private static List<String> stepIdsInOrder(String script) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = STEP_COMMENT.matcher(script);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The comment lines between a step's id line and its echo, joined back into one paragraph. */
    private static String caption(String script, String stepId) {
        List<String> lines = script.lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("# [" + stepId + "] ")).findFirst()
                .orElseThrow());
        StringBuilder caption = new StringBuilder();
        for (int i = at + 1; lines.get(i).startsWith("# "); i++) {
            caption.append(caption.isEmpty() ? "" : " ").append(lines.get(i).substring(2));
        }
        return caption.toString();
    }

    private void assertValidBash(String script) throws Exception {
        Path file = dir.resolve("plain.sh");
        Files.writeString(file, script);
        Shell.Output syntax = Shell.run(dir, "bash", "-n", file.toString());
        assertEquals(0, syntax.exitCode(), "bash -n:\n" + syntax.text());
        // Last: where shellcheck is missing outside CI this skips the test, after every other check of it ran.
        CiTool.require(Executables.onPath("shellcheck").isPresent(), "shellcheck is missing: install it "
                + "(apt-get install -y shellcheck) to lint the exported script");
        Shell.Output lint = Shell.run(dir, "shellcheck", file.toString());
        assertEquals(0, lint.exitCode(), "shellcheck:\n" + lint.text());
    }

    @Test
    void devopsLanePrintsOnlyDevopsStepsEachUnderItsIdTitleAndCaption() throws Exception {
        HarnessRun run = HarnessRun.of("commands", "--lane", "devops");
        assertEquals(0, run.exitCode(), run.all());
        String script = run.out();
        List<Step> devops = steps(DevopsLane.NAME);
        assertEquals(devops.stream().map(Step::id).toList(), stepIdsInOrder(script));
        for (Step step : devops) {
            assertTrue(script.contains("# [" + step.id() + "] " + step.title() + "\n"), step.id());
            assertEquals(step.caption(), caption(script, step.id()), step.id());
        }
        for (Step step : devops) {
            // The step's own lines, as the demo shows them but with shell variables for this run's values.
            for (String line : step.command().get().asScript()) {
                // A server's line gets a log of its own unless it names one already.
                String started = line.endsWith(" &") && !line.endsWith(" 2>&1 &")
                        ? line.substring(0, line.length() - 2) + " >" : line;
                assertTrue(script.contains("\n" + started), step.id() + " runs its own line " + line + ":\n" + script);
            }
        }
        assertFalse(script.contains("mlops."), "no MLOps step in a DevOps-only script");
        assertEquals(List.of(), script.lines().filter(line -> !line.strip().startsWith("#"))
                .filter(line -> line.contains("mlflow")).toList(), "no MLOps command in a DevOps-only script");
        assertValidBash(script);
    }

    @Test
    void byDefaultBothLanesDevopsFirstEveryStepIdAsAComment() throws Exception {
        HarnessRun run = HarnessRun.of("commands");
        assertEquals(0, run.exitCode(), run.all());
        String script = run.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"), script);
        assertTrue(script.contains("\nset -euo pipefail\n"), script);
        assertFalse(script.contains(MlflowWitness.repoRoot().toString()), "no path of this checkout: " + script);
        assertTrue(script.contains("\nREPO=\"${OPSDEMO_REPO:-$(git -C \"$script_dir\" rev-parse --show-toplevel"),
                "the checkout is where the script is saved, or OPSDEMO_REPO");
        assertTrue(script.contains("\ntrap stop_all_servers EXIT\n"), "servers are stopped on exit");
        List<String> expected = new ArrayList<>();
        steps(DevopsLane.NAME).forEach(step -> expected.add(step.id()));
        steps(MlopsLane.NAME).forEach(step -> expected.add(step.id()));
        assertEquals(expected, stepIdsInOrder(script));
        for (Step step : steps(MlopsLane.NAME)) {
            assertEquals(step.caption(), caption(script, step.id()), step.id());
            ScriptGlue glue = step.script().get();
            // The step's own lines, or (for a step that picks its lines when it starts) every one it picks from.
            for (String line : glue.instead() != null ? glue.instead() : step.command().get().asScript()) {
                // A server's line gets a log of its own unless it names one already.
                String started = line.endsWith(" &") && !line.endsWith(" 2>&1 &")
                        ? line.substring(0, line.length() - 2) + " >" : line;
                assertTrue(script.contains("\n" + started), step.id() + " runs its own line " + line);
            }
        }
        assertValidBash(script);
    }

    @Test
    void mlopsLaneAloneDeclaresOnlyWhatItUses() throws Exception {
        HarnessRun run = HarnessRun.of("commands", "--lane", "mlops");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(steps(MlopsLane.NAME).stream().map(Step::id).toList(), stepIdsInOrder(run.out()));
        assertTrue(run.out().contains("\nMODEL=churn-classifier\n"), run.out());

        String devops = HarnessRun.of("commands", "--lane", "devops").out();
        assertFalse(devops.contains("\nMODEL="), "the DevOps lane has no model to name");
        assertValidBash(run.out());
    }

    @Test
    void anUnknownLaneIsAUsageError() {
        HarnessRun run = HarnessRun.of("commands", "--lane", "qa");
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--lane"), run.all());
    }
}
