package dev.opsdemo.report;

import dev.opsdemo.support.Chromium;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens report.html in a real browser (Debian's headless Chromium): it must render, show the contrast table, and
 * log nothing to the console. The screenshots stay in {@code target/report-browser/} to be looked at.
 */
@EndToEnd
class HtmlReportBrowserTest {

    private static final Path KEPT = Path.of("target", "report-browser").toAbsolutePath();
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;

    /**
     * With --enable-logging=stderr Chromium logs every console message of the page, whatever its level, as
     * {@code [pid:tid:time:INFO:CONSOLE:line] "text", source: url (line)} (older builds: {@code CONSOLE(line)}).
     * console.error and uncaught exceptions look the same, and the report has no script, so any such line is one
     * too many.
     */
    private static final Pattern CONSOLE_MESSAGE = Pattern.compile(":CONSOLE[(:]\\d+");

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

    private void check(String name, List<StepResult> results) throws Exception {
        Chromium.require("that report.html renders in a real browser");
        Path dir = Files.createDirectories(KEPT.resolve(name));
        Path report = dir.resolve("report.html");
        Secrets secrets = new Secrets();
        secrets.add(SyntheticRun.SECRET);
        SyntheticRun.Clock clock = new SyntheticRun.Clock();
        SyntheticRun.replay(new HtmlReportListener(report, secrets, clock), results, clock);
        Path screenshot = dir.resolve("screenshot.png");
        Files.deleteIfExists(screenshot);

        Shell.Output shot = Shell.run(dir, Chromium.command(temp, "--enable-logging=stderr", "--v=0",
                "--screenshot=" + screenshot, "--window-size=" + WIDTH + "," + HEIGHT, report.toUri().toString()));

        assertEquals(0, shot.exitCode(), shot.text());
        assertTrue(Files.isRegularFile(screenshot), "no screenshot:\n" + shot.text());
        assertTrue(Files.size(screenshot) > 50_000, "a rendered page, not a blank one: " + Files.size(screenshot));
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(colours(image) > 50, "text, colours and bars were drawn");
        List<String> console = shot.lines().stream().filter(line -> CONSOLE_MESSAGE.matcher(line).find()).toList();
        assertEquals(List.of(), console, "the page logged to the console");

        String html = Chromium.dumpDom(temp, dir.resolve("dom.html"), report.toUri().toString());
        assertTrue(html.contains("<table class=\"contrast\">"), html);
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertEquals(6, body.split("<tr>", -1).length - 1, "a row per stage:\n" + body);
        assertFalse(html.contains("<script"), "the output's markup stayed text");
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertFalse(html.contains(SyntheticRun.SECRET));
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
