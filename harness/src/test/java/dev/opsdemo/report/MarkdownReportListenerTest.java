package dev.opsdemo.report;

import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportListenerTest {

    @TempDir
    Path dir;

    @Test
    void linksTheServersLogsInTheWorkspace() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/mlops.serve.log"), "INFO: Started server process\n");
        String md = write(SyntheticRun.bothLanes());

        assertTrue(md.contains("The servers' own output: [logs/mlops.serve.log](<logs/mlops.serve.log>)\n"), md);
    }

    @Test
    void startsWithTheStatusAndTheContrastTable() throws Exception {
        String md = write(SyntheticRun.bothLanes());

        assertTrue(md.startsWith("# DevOps vs MLOps: run report\n\n"
                + "**Status: passed (exit code 0) · 12/12 steps passed"),
                md);
        assertTrue(md.contains("MLflow mode: local"), md);
        assertTrue(md.contains("| stage | DevOps (22.3s) | MLOps (60.6s) |\n|---|---|---|\n| version | "), md);
        assertTrue(md.contains("| version | Start the Git remote<br>Commit the code<br>→ commit 9c1b2d3<br>"
                + "_0.7s_ |"), md);
        assertTrue(md.contains("| monitor | — | — |"), md);
        assertTrue(md.contains("| **versioned** | **code** | **code + data + params + model** |"), md);
    }

    @Test
    void describesEveryStepWithItsCommandAndOutput() throws Exception {
        List<StepResult> results = SyntheticRun.bothLanes();
        String md = write(results);

        assertTrue(md.contains("### 5. `devops.push`: Push to the remote\n\n- lane: devops · stage: release · "
                + "status: **passed** · duration: 0.9s\n\n> Releasing code means pushing the tested commit.\n\n"
                + "```sh\ngit push origin main\n```\n"), md);
        assertTrue(md.contains("Output (61 lines):\n\n```text\n"
                + "2025/01/01 12:00:00 INFO mlflow.projects: training (line 1)"),
                md);
        assertTrue(md.contains("… 36 lines omitted"), md);
        assertTrue(md.contains("(line 60)\n```\n"), "ends with the output's last line:\n" + md);
        for (StepResult result : results) {
            assertTrue(md.contains("`" + result.step().id() + "`"), result.step().id());
        }
    }

    @Test
    void masksSecretsAndKeepsOutputInsideItsCodeBlock() throws Exception {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        StepResult tests = results.get(3);
        results.set(3, new StepResult(tests.step(), tests.status(), tests.durationMs(),
                List.of("```", "not markdown"), tests.facts(), tests.summaryFields(), null));

        String md = write(results);

        assertFalse(md.contains(SyntheticRun.SECRET), md);
        assertTrue(md.contains(Secrets.MASK), md);
        assertTrue(md.contains("````text\n```\nnot markdown\n````\n"), "a longer fence than the output's:\n" + md);
        assertTrue(md.contains("[MLflow run " + SyntheticRun.RUN_ID + "](<http://127.0.0.1:5123/#/runs/"), md);
    }

    @Test
    void saysHowToReopenTheRunAndLinksTheChampionAfterTheDecision() throws Exception {
        String md = write(SyntheticRun.promoted(SyntheticRun.bothLanes(), "4"));

        assertTrue(md.contains("## Where to look\n\n"), md);
        assertTrue(md.contains("- [MLflow model churn-classifier v4 @champion]"
                + "(<http://127.0.0.1:5123/#/models/churn-classifier/versions/4>)\n"), md);
        assertFalse(md.contains("versions/3>"), "version 3 is no longer the champion:\n" + md);
        assertTrue(md.contains("The servers stopped with the run; to look again, this reopens them on its workspace "
                + "(on new ports, which it prints):\n\n```sh\n./scripts/harness.sh ui --workspace " + dir
                + "\n```\n"), md);
    }

    private String write(List<StepResult> results) throws Exception {
        Path file = dir.resolve("report.md");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.replay(new MarkdownReportListener(file, secrets), results, new SyntheticRun.Clock());
        return Files.readString(file);
    }
}
