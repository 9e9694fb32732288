package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real CLIs (git, mlflow, python) run from tests through the harness's own process runner. */
public final class Shell {

    public record Output(int exitCode, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }

        public String firstLine() {
            return lines.isEmpty() ? "" : lines.get(0);
        }
    }

    private Shell() {
    }

    public static Output run(Path dir, String... argv) throws InterruptedException {
        return run(dir, Map.of(), argv);
    }

    public static Output run(Path dir, Map<String, String> env, String... argv) throws InterruptedException {
        return run(dir, env, Duration.ofMinutes(5), argv);
    }

    /** With a time limit of its own, for a command that does a whole lane's work (it is stopped after it). */
    public static Output run(Path dir, Map<String, String> env, Duration limit, String... argv)
            throws InterruptedException {
        List<String> lines = new ArrayList<>();
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            ProcessRunner.Result result = new ProcessRunner(cleanup).run(
                    new ProcessCommand(List.of(argv), dir, env), limit, line -> {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    });
            return new Output(result.exitCode(), lines);
        }
    }

    /** Fails with the command's output when it does not exit 0. */
    public static Output ok(Path dir, String... argv) throws InterruptedException {
        return ok(dir, Duration.ofMinutes(5), argv);
    }

    /** The same, with a time limit of its own. */
    public static Output ok(Path dir, Duration limit, String... argv) throws InterruptedException {
        Output output = run(dir, Map.of(), limit, argv);
        if (output.exitCode() != 0) {
            throw new AssertionError(String.join(" ", argv) + " exited " + output.exitCode() + ":\n" + output.text());
        }
        return output;
    }
}
