package dev.opsdemo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.Chromium;
import dev.opsdemo.support.Docker;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code harness ui} on a finished run's workspace, started as users start it (./scripts/harness.sh, a background job
 * of a non-interactive shell): the MLflow server on the run's store and the Git remote answer at the addresses it
 * prints, with what the run recorded, and the MLflow UI shows the run; Ctrl-C stops it all, nothing left.
 */
@EndToEnd
class UiTest {

    /** Where the MLflow UI's screenshot stays, to be looked at. */
    private static final Path KEPT = Path.of("target", "ui-browser").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void reopensTheSharedDemosStoreAndRemoteWithWhatTheRunRecordedUntilCtrlC() throws Exception {
        Path workspace = SharedDemo.passed().copyWithStoreTo(temp.resolve("workspace"));
        JsonNode summary = HarnessRun.summary(workspace);
        JsonNode mlops = summary.at("/facts/mlops");
        String runId = mlops.get("runId").asText();
        String champion = mlops.at("/monitoring/championVersion").asText();
        String records = Files.readString(workspace.resolve("summary.json")) + Files.readString(
                workspace.resolve("report.md"));

        try (HarnessProcess shell = HarnessProcess.inBackgroundOfScript("ui", "--workspace", workspace.toString())) {
            long harness = shell.backgroundPid();
            shell.awaitLine("^→ the run of .* \\(passed\\) reopened from " + Pattern.quote(workspace.toString()),
                    Duration.ofMinutes(3));
            String mlflow = shown(shell, "mlops", "trackingUri");

            JsonNode run = curl(mlflow + "/api/2.0/mlflow/runs/get?run_id=" + runId);
            assertEquals(runId, run.at("/run/info/run_id").asText(), run.toString());
            assertEquals(mlops.at("/metrics/accuracy").asDouble(), metric(run, "accuracy"), 1e-9, run.toString());
            JsonNode alias = curl(mlflow + "/api/2.0/mlflow/registered-models/alias?name="
                    + MlopsSettings.DEFAULT_MODEL + "&alias=" + MlopsSettings.ALIAS);
            assertEquals(champion, alias.at("/model_version/version").asText(), alias.toString());
            assertTrue(shell.output().contains("MLflow model " + MlopsSettings.DEFAULT_MODEL + " v" + champion + " @"
                    + MlopsSettings.ALIAS), "the screen links the champion:\n" + shell.output());

            // The remote serves the pushed commit, to the credentials the workspace keeps for it.
            Shell.Output lsRemote = Shell.run(workspace, "git", "-c", "credential.helper=store --file="
                    + workspace.resolve("devops/git-credentials"), "ls-remote", shown(shell, "devops", "remoteUrl"),
                    "refs/heads/main");
            assertEquals(0, lsRemote.exitCode(), lsRemote.text());
            assertTrue(lsRemote.firstLine().startsWith(summary.at("/facts/devops/pushedSha").asText()),
                    lsRemote.text());

            String runPage = linkAfter(shell, "MLflow run " + runId);
            assertTrue(runPage.startsWith(mlflow + "/#/"), runPage);
            assertTrue(theUiShows(runPage, run.at("/run/info/run_name").asText()), runPage);

            Shell.ok(MlflowWitness.repoRoot(), "kill", "-INT", String.valueOf(harness));
            assertEquals(130, shell.awaitExit(Duration.ofSeconds(60)), shell.output());
            NothingLeft.assertFor(shell, workspace);
        }
        assertEquals(records, Files.readString(workspace.resolve("summary.json")) + Files.readString(
                workspace.resolve("report.md")), "the run's records stay as the run wrote them");
    }

    /**
     * A run whose MLflow ran in a container (one that stopped at the data contract, which is all it takes to leave a
     * store): the MLflow server comes back from the same image, and goes with Ctrl-C.
     */
    @Test
    void aContainerModeRunComesBackInAContainerFromTheSameImage() throws Exception {
        Docker.require();
        Path workspace = temp.resolve("workspace");
        HarnessRun failed = HarnessRun.of("mlops", "--non-interactive", "--workspace", workspace.toString(),
                "--mlflow", "container", "--data", "data/corrupted.csv");
        assertEquals(1, failed.exitCode(), failed.all());
        JsonNode mlops = HarnessRun.summary(workspace).at("/facts/mlops");
        String image = mlops.get("mlflowImage").asText();

        try (HarnessProcess shell = HarnessProcess.inBackgroundOfScript("ui", "--workspace", workspace.toString())) {
            long harness = shell.backgroundPid();
            shell.awaitLine("^→ the run of .* \\(failed\\) reopened from ", Duration.ofMinutes(3));
            JsonNode validation = curl(shown(shell, "mlops", "trackingUri") + "/api/2.0/mlflow/runs/get?run_id="
                    + mlops.get("validationRunId").asText());
            assertEquals("false", tag(validation, "validation.passed"), validation.toString());
            List<String> containers = NothingLeft.containersOf(workspace);
            assertEquals(1, containers.size(), containers.toString());
            assertTrue(containers.get(0).contains(" " + image + " running"), containers + " runs " + image);

            Shell.ok(MlflowWitness.repoRoot(), "kill", "-INT", String.valueOf(harness));
            assertEquals(130, shell.awaitExit(Duration.ofSeconds(60)), shell.output());
            NothingLeft.assertFor(shell, workspace);
        }
    }

    /** The address the screen shows for a lane's fact: {@code →   LANE   NAME   URL}. */
    private static String shown(HarnessProcess shell, String lane, String name) throws InterruptedException {
        String line = shell.awaitLine("^→ {3}" + lane + " +" + name + " +http", Duration.ofSeconds(5));
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    /** The address under a link's text on the screen. */
    private static String linkAfter(HarnessProcess shell, String text) {
        List<String> lines = shell.output().lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).endsWith(" " + text)) {
                return lines.get(i + 1).substring(lines.get(i + 1).lastIndexOf(' ') + 1);
            }
        }
        return fail("no link '" + text + "' on the screen:\n" + shell.output());
    }

    /** What {@code curl -sS URL} answers, as JSON (failing on a refused or an HTTP error). */
    private static JsonNode curl(String url) throws Exception {
        Shell.Output answer = Shell.run(MlflowWitness.repoRoot(), "curl", "-sS", "--fail-with-body", url);
        assertEquals(0, answer.exitCode(), "curl " + url + "\n" + answer.text());
        return Json.MAPPER.readTree(answer.text());
    }

    private static double metric(JsonNode run, String key) {
        for (JsonNode metric : run.at("/run/data/metrics")) {
            if (key.equals(metric.path("key").asText())) {
                return metric.path("value").asDouble();
            }
        }
        return fail("no metric " + key + " in " + run);
    }

    private static String tag(JsonNode run, String key) {
        for (JsonNode tag : run.at("/run/data/tags")) {
            if (key.equals(tag.path("key").asText())) {
                return tag.path("value").asText();
            }
        }
        return fail("no tag " + key + " in " + run);
    }

    /**
     * Whether the MLflow UI (a React app, which fetches the run after it loads) renders {@code runName} as an element's
     * text on {@code page}: headless Chromium runs its scripts for a virtual-time budget, then serialises the DOM; a
     * slow machine gets a longer budget, up to three tries. The screenshot of the same page is kept in target/.
     */
    private boolean theUiShows(String page, String runName) throws Exception {
        Chromium.require("that the MLflow UI shows the reopened run");
        Path dir = Files.createDirectories(KEPT);
        for (int budget : new int[] {10_000, 20_000, 40_000}) {
            String dom = Chromium.dumpDom(temp, dir.resolve("run-page.html"), page, "--virtual-time-budget=" + budget);
            if (dom.contains(">" + runName + "<")) {
                Path screenshot = dir.resolve("run-page.png");
                Files.deleteIfExists(screenshot);
                Shell.run(temp, Chromium.command(temp, "--virtual-time-budget=" + budget, "--window-size=1280,900",
                        "--screenshot=" + screenshot, page));
                assertTrue(Files.isRegularFile(screenshot), "Chromium took no screenshot of " + page);
                return true;
            }
        }
        return false;
    }
}
