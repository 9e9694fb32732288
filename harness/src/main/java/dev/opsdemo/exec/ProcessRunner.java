package dev.opsdemo.exec;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way the harness runs a process: Commons Exec, output streamed line by line, stdout and stderr merged in
 * the order the process wrote them, every started process registered with the run's {@link Cleanup}.
 */
public final class ProcessRunner {

    /** What a finished process left: its exit code and its last lines. */
    public record Result(int exitCode, List<String> recentOutput) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(1);

    private final Cleanup cleanup;

    public ProcessRunner(Cleanup cleanup) {
        this.cleanup = cleanup;
    }

    /** Runs to the end, streaming lines; on timeout or interrupt the process tree is stopped. */
    public Result run(ProcessCommand command, Duration timeout, Consumer<String> lines) throws InterruptedException {
        return run(command, timeout, lines, null);
    }

    /**
     * As {@link #run(ProcessCommand, Duration, Consumer)}, and when {@code needs} dies first the process is stopped
     * within a second and a {@link Dependency.LostException} says so, instead of the process retrying for minutes.
     */
    public Result run(ProcessCommand command, Duration timeout, Consumer<String> lines, Dependency needs)
            throws InterruptedException {
        RunningProcess process = start(command, lines);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(Duration.ofNanos(Math.min(LIVENESS_CHECK.toNanos(),
                    Math.max(0, deadline - System.nanoTime()))))) {
                if (needs != null && !needs.alive().getAsBoolean()) {
                    process.stop();
                    throw new Dependency.LostException(needs, command);
                }
                if (System.nanoTime() >= deadline) {
                    process.stop();
                    throw new ProcessTimeoutException(command, timeout, process.recentOutput());
                }
            }
        } finally {
            // Also when it exited by itself: a child it left behind is stopped, and the run forgets the process.
            process.stop();
        }
        return new Result(process.exitCode().orElse(-1), process.recentOutput());
    }

    /** Starts in the background; the caller (or the run's cleanup) stops it. */
    public RunningProcess start(ProcessCommand command, Consumer<String> lines) {
        AtomicReference<Process> launched = new AtomicReference<>();
        DefaultExecutor executor = new DefaultExecutor() {
            @Override
            protected Process launch(CommandLine cmd, Map<String, String> env, java.io.File dir) throws IOException {
                // stderr joins stdout in the operating system, as `2>&1` would: read by two threads, the two
                // streams would interleave differently on every run, and transcripts and golden files with them.
                ProcessBuilder builder = new ProcessBuilder(cmd.toStrings()).directory(dir).redirectErrorStream(true);
                builder.environment().clear();
                builder.environment().putAll(env);
                Process process = builder.start();
                launched.set(process);
                return process;
            }
        };
        executor.setWorkingDirectory(command.workDir().toFile());
        executor.setExitValues(null);
        AtomicReference<RunningProcess> self = new AtomicReference<>();
        LogOutputStream sink = new LogOutputStream(0, StandardCharsets.UTF_8) {
            @Override
            protected void processLine(String line, int level) {
                RunningProcess process = self.get();
                if (process != null) {
                    process.remember(line);
                }
                lines.accept(line);
            }
        };
        executor.setStreamHandler(new PumpStreamHandler(sink, sink));

        CommandLine commandLine = new CommandLine(command.argv().get(0));
        for (String arg : command.argv().subList(1, command.argv().size())) {
            commandLine.addArgument(arg, false);
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(command.extraEnv());
        DefaultExecuteResultHandler result = new DefaultExecuteResultHandler();
        try {
            executor.execute(commandLine, env, result);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.display() + ": " + e.getMessage(), e);
        }
        Process process = awaitLaunch(launched::get, result, command);
        RunningProcess running = new RunningProcess(command, process, result, () -> cleanup.forget(self.get()));
        self.set(running);
        cleanup.register(running.name(), running);
        cleanup.recordStarted(process.toHandle(), running.name());
        return running;
    }

    static Process awaitLaunch(Supplier<Process> launched, DefaultExecuteResultHandler result,
                                       ProcessCommand command) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (launched.get() == null) {
            // Read the launch again after seeing a result: a short process can launch and finish between the
            // loop's check and this one, and it did start.
            if (result.hasResult() && launched.get() == null) {
                Exception failure = result.getException();
                throw new IllegalStateException("could not start " + command.display() + ": "
                        + (failure == null ? "no process" : failure.getMessage()), failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not start " + command.display() + " within 30s");
            }
            Thread.onSpinWait();
        }
        return launched.get();
    }
}
