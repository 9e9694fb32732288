package dev.opsdemo.exec;

import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRunnerTest {

    /**
     * A process as short as {@code stty -g} can launch and finish between the wait's "launched yet?" and "finished
     * already?" checks. CI once reported such a process as never started; the interleaving is made here on purpose.
     */
    @Test
    void aProcessThatLaunchesAndFinishesBetweenTheTwoChecksCountsAsStarted() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        AtomicBoolean looked = new AtomicBoolean();
        Supplier<Process> launchedAfterTheFirstLook = () -> looked.getAndSet(true) ? process : null;
        DefaultExecuteResultHandler finished = new DefaultExecuteResultHandler();
        finished.onProcessComplete(0);

        assertSame(process, ProcessRunner.awaitLaunch(launchedAfterTheFirstLook, finished,
                ProcessCommand.of(Path.of("/"), "true")));
    }

    @Test
    void aShortProcessRunsToItsExitCodeAndOutput() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            ProcessRunner.Result result = new ProcessRunner(cleanup).run(
                    ProcessCommand.of(Path.of("/"), "sh", "-c", "echo hello; exit 3"),
                    java.time.Duration.ofSeconds(10), lines::add);
            assertEquals(3, result.exitCode());
        }
        assertTrue(lines.contains("hello"), lines.toString());
    }
}
