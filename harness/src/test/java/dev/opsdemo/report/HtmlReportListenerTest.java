package dev.opsdemo.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
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

class HtmlReportListenerTest {

    @TempDir
    Path dir;

    @Test
    void linksTheServersLogsInTheWorkspaceRelatively() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs/mlops.server.log"), "Uvicorn running\n");
        Files.writeString(dir.resolve("logs/devops.deploy.log"), "listening\n");
        String html = write(SyntheticRun.bothLanes());

        assertTrue(html.contains("The servers&#39; own output: <a href=\"logs/devops.deploy.log\">logs/devops.deploy.log"
                + "</a> · <a href=\"logs/mlops.server.log\">logs/mlops.server.log</a>"), html);
    }

    @Test
    void showsOutputAsTextNeverAsMarkup() throws Exception {
        String html = write(SyntheticRun.bothLanes());

        assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
        assertTrue(html.contains("model card: &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; more"), html);
    }

    @Test
    void masksARegisteredSecret() throws Exception {
        String html = write(SyntheticRun.bothLanes());

        assertFalse(html.contains(SyntheticRun.SECRET));
        assertTrue(html.contains("http://git:" + Secrets.MASK + "@127.0.0.1:40123"), html);
    }

    @Test
    void isSelfContainedButForPicturesInTheWorkspaceLinkedRelatively() throws Exception {
        String html = write(SyntheticRun.monitored());

        for (String external : List.of("<link", "@import", "url(")) {
            assertFalse(html.contains(external), external);
        }
        assertTrue(html.contains("<style>"));
        Matcher src = Pattern.compile(" src=\"([^\"]*)\"").matcher(html);
        List<String> sources = new ArrayList<>();
        while (src.find()) {
            sources.add(src.group(1));
        }
        assertEquals(SyntheticRun.PLOTS, sources, "only the pictures, by paths relative to the workspace");
    }

    @Test
    void showsTheMonitoringRunsPlotsInItsStepBesideTheDriftTableDriftFirst() throws Exception {
        String html = write(SyntheticRun.monitored());

        String monitor = html.substring(html.indexOf("<article class=\"step passed\" id=\"step-mlops-monitor\">"));
        monitor = monitor.substring(0, monitor.indexOf("</article>"));
        assertTrue(monitor.contains("<div class=\"step-body with-pictures\">"), monitor);
        assertTrue(monitor.indexOf("monthly_charges  1.5700  drift") < monitor.indexOf("<div class=\"pictures\">"),
                "the output first, the pictures beside it:\n" + monitor);
        assertTrue(monitor.contains("<figure><a href=\"mlops/plots/drift_monthly_charges.png\"><img "
                + "src=\"mlops/plots/drift_monthly_charges.png\" alt=\"Distribution of monthly_charges in the "
                + "training data and in the production batch, share of rows per bin: PSI 1.5700, KS D 0.4940, "
                + "drifted\"></a><figcaption>drift_monthly_charges.png</figcaption></figure>"), monitor);
        assertTrue(monitor.contains("alt=\"Accuracy at training 0.8800 against 0.6900 on the production batch, "
                + "with the decay threshold\""), monitor);
        assertEquals(3, count(monitor, "<img "), monitor);
        assertEquals(3, count(html, "<img "), "no other step shows them");
        assertEquals(1, count(html, "<div class=\"step-body with-pictures\">"),
                "only the step with pictures is laid out for them");
    }

    @Test
    void linksAPictureOnlyInsideTheWorkspace() {
        assertEquals("mlops/plots/drift_monthly_charges.png",
                HtmlReport.relativeLink("mlops/plots/drift_monthly_charges.png"));
        assertEquals("mlops/plots/a%20b%23c.png", HtmlReport.relativeLink("mlops/plots/a b#c.png"));
        for (String outside : List.of("", "/etc/plot.png", "../plot.png", "mlops/../../plot.png", "./plot.png",
                "mlops//plot.png", "http://127.0.0.1:5123/plot.png", "javascript:alert(1)", "mlops\\plot.png")) {
            assertEquals("", HtmlReport.relativeLink(outside), outside);
        }
        assertEquals("", HtmlReport.relativeLink(null));
    }

    @Test
    void hasTheContrastTableAndEveryStep() throws Exception {
        List<StepResult> results = SyntheticRun.bothLanes();
        String html = write(results);

        assertTrue(html.contains("<table class=\"contrast\">"), html);
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertEquals(6, count(body, "<tr><th class=\"stage\">"), "one row per stage");
        assertTrue(html.contains("code + data + params + model"));
        for (StepResult result : results) {
            assertTrue(html.contains("id=\"" + HtmlReport.anchor(result) + "\""), result.step().id());
            assertTrue(html.contains(HtmlReport.ESCAPER.escape(result.step().caption())), result.step().id());
        }
        assertTrue(html.contains("… 36 lines omitted"), "long output is cut to its head and tail");
        assertTrue(html.contains("(line 60)") && html.contains("(line 14)") && !html.contains("(line 30)"), html);
    }

    @Test
    void drawsTheLanesOneAfterTheOtherToScale() throws Exception {
        String html = write(SyntheticRun.bothLanes());

        // 12 steps of 82,910 ms plus 12 pauses of 5 ms; the MLOps lane starts after the DevOps lane's 22,315 ms.
        double total = 82_970;
        assertEquals(100 * 5 / total, segmentLeft(html, "devops-remote"), 0.001);
        assertEquals(100 * 22_315 / total, segmentLeft(html, "mlops-server"), 0.001);
        assertTrue(html.contains("83.0s wall-clock"), html);
    }

    @Test
    void linksToTheMlflowUi() throws Exception {
        String composed = write(SyntheticRun.bothLanes());
        assertTrue(composed.contains("href=\"http://127.0.0.1:5123/#/runs/" + SyntheticRun.RUN_ID + "\""), composed);
        assertTrue(composed.contains("href=\"http://127.0.0.1:5123/#/models/churn-classifier/versions/3\""));

        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        ObjectNode facts = results.get(10).facts().deepCopy()
                .put("runUrl", "http://127.0.0.1:5123/#/experiments/1/runs/" + SyntheticRun.RUN_ID)
                .put("modelVersionUrl", "http://127.0.0.1:5123/#/models/churn-classifier/versions/3?o=1");
        StepResult register = results.get(10);
        results.set(10, new StepResult(register.step(), register.status(), register.durationMs(), register.output(),
                facts, register.summaryFields(), null));
        String recorded = write(results);
        assertTrue(recorded.contains("href=\"http://127.0.0.1:5123/#/experiments/1/runs/"), recorded);
        assertTrue(recorded.contains("versions/3?o=1\""), recorded);
    }

    @Test
    void saysHowToReopenTheRunAndLinksTheChampionAfterTheDecision() throws Exception {
        String html = write(SyntheticRun.promoted(SyntheticRun.bothLanes(), "4"));

        assertTrue(html.contains("<a href=\"http://127.0.0.1:5123/#/models/churn-classifier/versions/4\">"
                + "MLflow model churn-classifier v4 @champion</a>"), html);
        assertFalse(html.contains("versions/3\""), "version 3 is no longer the champion");
        assertTrue(html.contains("<p class=\"reopen\">The servers stopped with the run; to look again, this reopens "
                + "them on its workspace (on new ports, which it prints): <code>./scripts/harness.sh ui --workspace "
                + dir + "</code></p>"), html);
    }

    @Test
    void showsAFailureAndWhatWasSkipped() throws Exception {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        results.set(9, SyntheticRun.with(results.get(9), StepStatus.FAILED,
                "the model's accuracy 0.7 is below the threshold 0.8"));
        results.set(10, SyntheticRun.with(results.get(10), StepStatus.SKIPPED, null));
        results.set(11, SyntheticRun.with(results.get(11), StepStatus.SKIPPED, null));

        String html = write(results);

        assertTrue(html.contains("<span class=\"pill big failed\">failed</span>"), html);
        assertTrue(html.contains("<pre class=\"failure\">the model&#39;s accuracy 0.7"), html);
        assertTrue(html.contains("skipped, never ran: "), html);
        assertFalse(html.contains("seg lane-mlops skipped"), "a skipped step takes no time on the axis");
    }

    private String write(List<StepResult> results) throws Exception {
        Path file = dir.resolve("report.html");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new HtmlReportListener(file, secrets, clock), results, clock);
        return Files.readString(file);
    }

    private static double segmentLeft(String html, String anchor) {
        Matcher left = Pattern.compile("href=\"#step-" + anchor + "\" style=\"left:([0-9.]+)%").matcher(html);
        assertTrue(left.find(), anchor);
        return Double.parseDouble(left.group(1));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
