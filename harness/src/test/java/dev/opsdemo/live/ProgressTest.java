package dev.opsdemo.live;

import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.json.Json;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.report.Style;
import dev.opsdemo.support.DemoLanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live step that runs a while shows one status line with its elapsed time; a line of its output erases it first,
 * and the step's result replaces it. That it shows on a real terminal during a real step is LiveModeTest's.
 */
class ProgressTest {

    @TempDir
    Path scratch;

    @Test
    void aRunningStepShowsItsElapsedTimeInPlaceUntilItsResultReplacesIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Keyboard keyboard = Keyboard.open(new ByteArrayInputStream(new byte[0]));
        // No wait before the status line, so the test need not wait the two seconds a real step does.
        LivePresenter presenter = new LivePresenter(new ConsoleListener(out, new Style(false), false), out,
                new LiveSettings(true, 0, null, "devops.remote"), keyboard, Duration.ZERO, () -> () -> { });
        Step step = DemoLanes.in(scratch).get(0).steps().get(0);
        presenter.stepStarted(step, List.of("true"));
        await().atMost(Duration.ofSeconds(10)).until(() -> bytes.toString(StandardCharsets.UTF_8)
                .contains("⋯ devops.remote running · 1s"));
        presenter.output(step, "Initialized empty Git repository");
        presenter.stepFinished(new StepResult(step, StepStatus.PASSED, 1200, List.of(),
                Json.MAPPER.createObjectNode(), Json.MAPPER.createObjectNode(), null));
        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("s" + LivePresenter.ERASE_LINE + "    Initialized empty Git repository\n"),
                "the status line is erased before the output line:\n" + screen);
        String last = screen.substring(screen.lastIndexOf("Initialized empty Git repository\n") + 33);
        // A tick may have drawn the line again after the output; if so, it was erased before the result.
        assertTrue(last.equals("  ✔ devops.remote passed in 1.2s\n") || (last.endsWith(LivePresenter.ERASE_LINE
                + "  ✔ devops.remote passed in 1.2s\n") && last.startsWith(LivePresenter.ERASE_LINE + "  ⋯ ")),
                "the result replaces it:\n" + screen);
        presenter.runFinished(new dev.opsdemo.demo.RunSummary(true, 0, List.of(), Json.MAPPER.createObjectNode(),
                Json.MAPPER.createObjectNode()));
    }
}
