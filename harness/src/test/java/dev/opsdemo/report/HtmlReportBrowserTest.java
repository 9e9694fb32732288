package dev.opsdemo.report;

import dev.opsdemo.support.Chromium;
import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.support.CiTool;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.Shell;
import dev.opsdemo.text.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens report.html in a real browser (Debian's headless Chromium): it must render, show the contrast table, and
 * log nothing to the console; on a phone's 390 px, no text may overlap other text, no word in the contrast table may
 * be broken across lines, and only a box of its own may scroll sideways. The screenshots stay in
 * {@code target/report-browser/} to be looked at.
 */
@EndToEnd
class HtmlReportBrowserTest {

    private static final Path KEPT = Path.of("target", "report-browser").toAbsolutePath();
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;
    /** A phone's width in CSS pixels (an iPhone 12 to 15's). */
    private static final int PHONE = 390;
    /** What the monitor step prints: a table in columns of text, which a wrapped line would scramble. */
    private static final List<String> DRIFT_TABLE = List.of(
            "Production batch: data/production_shifted.csv (500 labelled rows) scored by "
                    + "http://127.0.0.1:36975/invocations",
            "feature          PSI             KS D    drift",
            "tenure_months    0.0423  stable  0.0350  no",
            "monthly_charges  1.5700  drift   0.4940  DRIFT",
            "usage_hours      1.4692  drift   0.3960  DRIFT",
            "drift: yes in monthly_charges, usage_hours (PSI >= 0.2)");

    /**
     * With --enable-logging=stderr Chromium logs every console message of the page, whatever its level, as
     * {@code [pid:tid:time:INFO:CONSOLE:line] "text", source: url (line)} (older builds: {@code CONSOLE(line)}).
     * console.error and uncaught exceptions look the same, and the report has no script, so any such line is one
     * too many.
     */
    private static final Pattern CONSOLE_MESSAGE = Pattern.compile(":CONSOLE[(:]\\d+");

    private static final int PLOT_WIDTH = 640;
    private static final int PLOT_HEIGHT = 360;
    /** A colour the report itself never uses, so that its pixels on the screenshot can only be the plots'. */
    private static final Color PLOT_COLOUR = new Color(0x12, 0xE0, 0x7A);

    @TempDir
    Path temp;

    @Test
    void aPassedRunRendersWithItsTableAndNoConsoleMessages() throws Exception {
        check("passed", SyntheticRun.bothLanes());
    }

    @Test
    void aFailedRunRendersWithItsTableAndNoConsoleMessages() throws Exception {
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        results.set(9, SyntheticRun.with(results.get(9), StepStatus.FAILED,
                "the model's accuracy 0.7400 is below the threshold 0.8000\n  why: a model that does not reach the "
                        + "threshold is not released; nothing was registered\n  next: improve the data or "
                        + "parameters (--param), or lower --min-accuracy, and run again"));
        results.set(10, SyntheticRun.with(results.get(10), StepStatus.SKIPPED, null));
        results.set(11, SyntheticRun.with(results.get(11), StepStatus.SKIPPED, null));
        check("failed", results);
    }

    /**
     * The monitoring run's plots load in the browser from their relative links, after the workspace folder was moved
     * away from where the run wrote it: each image decoded at its own size (what a script reads as naturalWidth, 0 for
     * a file that is missing or no image), and their pixels drawn on the screenshot of the whole page.
     */
    @Test
    void theMonitoringPlotsLoadFromTheWorkspaceWhereverItIsMoved() throws Exception {
        Chromium.require("that the report's plots load in a real browser");
        Path written = Files.createDirectories(temp.resolve("written"));
        Secrets secrets = new Secrets();
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        List<StepResult> results = SyntheticRun.monitored();
        SyntheticRun.replay(new HtmlReportListener(written.resolve("report.html"), secrets, clock), results, clock);
        for (String plot : SyntheticRun.PLOTS) {
            Files.createDirectories(written.resolve(plot).getParent());
            ImageIO.write(plot(), "png", written.resolve(plot).toFile());
        }
        Path workspace = Files.move(written, Files.createDirectories(temp.resolve("moved")).resolve("workspace"));

        // A copy of the page with a script of the test's own, beside it, so the same relative links resolve: once
        // the page has loaded (when --dump-dom dumps), it writes down what the browser made of each image, and how
        // tall the page is.
        String page = Files.readString(workspace.resolve("report.html"));
        Files.writeString(workspace.resolve("probe.html"), page.replace("</body>", "<script>window.addEventListener("
                + "'load', () => { for (const img of document.images) img.setAttribute('data-loaded', img.complete "
                + "+ ' ' + img.naturalWidth + 'x' + img.naturalHeight); document.body.setAttribute('data-height', "
                + "document.documentElement.scrollHeight); });</script></body>"));
        String probed = Chromium.dumpDom(temp, workspace.resolve("probe.dom.html"),
                workspace.resolve("probe.html").toUri().toString());
        Matcher image = Pattern.compile("<img src=\"([^\"]+)\" alt=\"[^\"]+\" data-loaded=\"([^\"]+)\">")
                .matcher(probed);
        List<String> loaded = new ArrayList<>();
        while (image.find()) {
            loaded.add(image.group(1) + " " + image.group(2));
        }
        assertEquals(SyntheticRun.PLOTS.stream().map(plot -> plot + " true " + PLOT_WIDTH + "x" + PLOT_HEIGHT).toList(),
                loaded, "every plot loaded, decoded at its size");

        // The whole page in one window (headless Chromium's screenshot of a #fragment comes out blank).
        Matcher height = Pattern.compile("<body data-height=\"(\\d+)\"").matcher(probed);
        assertTrue(height.find(), probed);
        Path dir = Files.createDirectories(KEPT.resolve("monitored"));
        Path screenshot = dir.resolve("screenshot.png");
        Files.deleteIfExists(screenshot);
        Shell.Output shot = Shell.run(workspace, Chromium.command(temp, "--enable-logging=stderr", "--v=0",
                "--screenshot=" + screenshot, "--window-size=" + WIDTH + "," + height.group(1),
                workspace.resolve("report.html").toUri().toString()));
        assertEquals(0, shot.exitCode(), shot.text());
        assertEquals(List.of(), shot.lines().stream().filter(line -> CONSOLE_MESSAGE.matcher(line).find()).toList(),
                "the page logged to the console");
        assertTrue(pixelsOf(ImageIO.read(screenshot.toFile()), PLOT_COLOUR) > 10_000,
                "the plots are drawn on the page (kept: " + screenshot + ")");
    }

    private static BufferedImage plot() {
        BufferedImage image = new BufferedImage(PLOT_WIDTH, PLOT_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(PLOT_COLOUR);
        graphics.fillRect(0, 0, PLOT_WIDTH, PLOT_HEIGHT);
        graphics.dispose();
        return image;
    }

    /** Pixels within a few levels of {@code colour} on each channel (the browser may round a colour it scales). */
    private static int pixelsOf(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - colour.getRed()) <= 3 && Math.abs(pixel.getGreen() - colour.getGreen())
                        <= 3 && Math.abs(pixel.getBlue() - colour.getBlue()) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void onAPhoneNoTextOverlapsNoCellBreaksAWordAndOnlyItsOwnBoxScrollsSideways() throws Exception {
        Chromium.require("that report.html lays out on a phone");
        Path dir = Files.createDirectories(KEPT.resolve("phone"));
        List<StepResult> results = new ArrayList<>(SyntheticRun.bothLanes());
        int last = results.size() - 1;
        results.set(last, SyntheticRun.withOutput(results.get(last), DRIFT_TABLE));
        String page = Files.readString(render(dir, results)).replace("</body>", "<script>\n"
                + Resources.text(HtmlReportBrowserTest.class, "layout-check.js").orElseThrow() + "\n</script>\n</body>");
        // Headless Chromium lays a page out at least 500 px wide whatever --window-size says, so the report is laid
        // out in a frame a phone's width: its copy with the check is the frame's srcdoc, of the page's own origin, so
        // the check can write what it found into the page that --dump-dom hands back.
        Path phone = dir.resolve("phone.html");
        Files.writeString(phone, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>report.html "
                + "at " + PHONE + " px</title><style>body { margin: 0; } iframe { display: block; border: 0; width: "
                + PHONE + "px; height: " + HEIGHT + "px; }</style></head><body><iframe title=\"report.html\" srcdoc=\""
                + HtmlReport.ESCAPER.escape(page) + "\"></iframe></body></html>\n");

        screenshot(dir, phone, 500, HEIGHT);
        String dom = dumpDom(dir, phone, 500);

        Matcher found = Pattern.compile("<pre id=\"layout-check\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(found.find(), "the layout check wrote nothing (did it fail? see the console above):\n" + dom);
        JsonNode check = Json.MAPPER.readTree(found.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&"));
        assertEquals(PHONE, check.path("viewport").asInt(), "laid out at a phone's width: " + check);
        assertTrue(check.path("checkedTexts").asInt() > 100, "the report's texts were measured: " + check);
        assertEquals("[]", check.path("problems").toString(), "at " + PHONE + " px (" + dir.resolve("screenshot.png")
                + "): " + check.path("problems").toPrettyString());
    }

    private void check(String name, List<StepResult> results) throws Exception {
        Chromium.require("that report.html renders in a real browser");
        Path dir = Files.createDirectories(KEPT.resolve(name));
        Path report = render(dir, results);

        screenshot(dir, report, WIDTH, HEIGHT);
        String html = dumpDom(dir, report, WIDTH);
        assertTrue(html.contains("<table class=\"contrast\">"), html);
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertEquals(6, body.split("<tr>", -1).length - 1, "a row per stage:\n" + body);
        assertFalse(html.contains("<script"), "the output's markup stayed text");
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertFalse(html.contains(SyntheticRun.SECRET));
    }

    private static Path render(Path dir, List<StepResult> results) {
        Path report = dir.resolve("report.html");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new HtmlReportListener(report, secrets, clock), results, clock);
        return report;
    }

    /** Takes {@code screenshot.png} of the page; it must render and log nothing to the console. */
    private void screenshot(Path dir, Path page, int width, int height) throws Exception {
        Path screenshot = dir.resolve("screenshot.png");
        Files.deleteIfExists(screenshot);

        // No scrollbars: the page is then laid out as wide as the layout check measures it.
        Shell.Output shot = Shell.run(dir, Chromium.command(temp, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                "--screenshot=" + screenshot, "--window-size=" + width + "," + height, page.toUri().toString()));

        assertEquals(0, shot.exitCode(), shot.text());
        assertTrue(Files.isRegularFile(screenshot), "no screenshot:\n" + shot.text());
        assertTrue(Files.size(screenshot) > 50_000, "a rendered page, not a blank one: " + Files.size(screenshot));
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        assertTrue(colours(image) > 50, "text, colours and bars were drawn");
        List<String> console = shot.lines().stream().filter(line -> CONSOLE_MESSAGE.matcher(line).find()).toList();
        assertEquals(List.of(), console, "the page logged to the console");
    }

    /** The page's DOM once it has loaded (its scripts run), as Chromium's --dump-dom gives it. */
    private String dumpDom(Path dir, Path page, int width) throws Exception {
        return Chromium.dumpDom(temp, dir.resolve("dom.html"), page.toUri().toString(), "--hide-scrollbars",
                "--window-size=" + width + "," + HEIGHT);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
