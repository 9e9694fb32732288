package dev.opsdemo.mlops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.InOrder;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.mlflow.MlflowServer;
import dev.opsdemo.mlflow.PythonEnv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code mlflow run PROJECT --env-manager local --experiment-name NAME -P k=v ...}, the real CLI, streamed. */
public final class MlflowProjectRun {

    private static final Pattern ENDED = Pattern.compile("=== Run \\(ID '([0-9a-f]+)'\\) (?:succeeded|failed) ===");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private MlflowProjectRun() {
    }

    public static final String MAIN = "main";

    /** The shown line: {@code mlflow} of the activated venv, the project as {@code ${ML_PROJECT}}, words quoted. */
    public static String commandLine(String entryPoint, String experiment, Map<String, String> params) {
        return argv("mlflow", "${ML_PROJECT}", entryPoint, experiment, params).stream().map(Command::quote)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public static List<String> argv(String mlflow, String project, String entryPoint, String experiment,
                                    Map<String, String> params) {
        List<String> argv = new ArrayList<>(List.of(mlflow, "run", project));
        if (!entryPoint.equals(MAIN)) {
            argv.addAll(List.of("-e", entryPoint));
        }
        argv.addAll(List.of("--env-manager", "local", "--experiment-name", experiment));
        params.forEach((key, value) -> {
            argv.add("-P");
            argv.add(key + "=" + value);
        });
        return argv;
    }

    /**
     * How an entry point ended: its exit code, the run id MLflow printed ({@code === Run (ID '...') succeeded ===} or
     * {@code failed}; null when it never got as far as a run) and the error line to quote on failure.
     */
    public record Outcome(int exitCode, String runId, String lastError) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs the entry point and returns the run id MLflow printed; a failed run is a failed step. */
    public static String run(StepContext context, PythonEnv python, MlflowServer server, Path project,
                             String entryPoint, String experiment, Map<String, String> params) throws Exception {
        return run(context, context::out, python, server, project, entryPoint, experiment, params);
    }

    /**
     * Runs the entry point once per parameter set, all at once (runs that do not depend on each other need not wait
     * for each other), and returns their run ids in the same order. Their lines are shown {@link InOrder}, each
     * run's under a note of its own, {@code headings} (which command it was). When one fails, the others are stopped
     * and the failure is the step's.
     */
    public static List<String> runSideBySide(StepContext context, PythonEnv python, MlflowServer server,
                                             Path project, String entryPoint, String experiment,
                                             List<Map<String, String>> paramSets, List<String> headings)
            throws Exception {
        InOrder shown = new InOrder(paramSets.size(), context::out);
        ExecutorService runs = Executors.newFixedThreadPool(paramSets.size(), task -> {
            Thread thread = new Thread(task, "mlflow run " + entryPoint);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> runIds = new ArrayList<>();
            for (int i = 0; i < paramSets.size(); i++) {
                int index = i;
                runIds.add(runs.submit(() -> {
                    shown.lines(index).accept(StepContext.NOTE_PREFIX + headings.get(index));
                    try {
                        return run(context, shown.lines(index), python, server, project, entryPoint, experiment,
                                paramSets.get(index));
                    } finally {
                        shown.done(index);
                    }
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> runId : runIds) {
                try {
                    ids.add(runId.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return ids;
        } finally {
            // Interrupted, a run stops its process; on Ctrl-C or a failed run, none outlives the step.
            runs.shutdownNow();
            awaitStopped(runs);
        }
    }

    private static void awaitStopped(ExecutorService runs) {
        boolean interrupted = false;
        while (true) {
            try {
                if (runs.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String run(StepContext context, Consumer<String> lines, PythonEnv python, MlflowServer server,
                              Path project, String entryPoint, String experiment, Map<String, String> params)
            throws Exception {
        return runId(outcome(context, lines, python, server, project, entryPoint, experiment, params), entryPoint);
    }

    /** The run id of a run that succeeded; a failed run, or one that printed no id, is a failed step. */
    static String runId(Outcome outcome, String entryPoint) {
        if (!outcome.succeeded()) {
            throw new StepFailedException("mlflow run failed with exit code " + outcome.exitCode(),
                    "the " + entryPoint + " run did not finish: " + outcome.lastError(),
                    "read the Python error above, fix the parameter or the data, and run again; nothing was "
                            + "registered");
        }
        if (outcome.runId() == null) {
            throw new StepFailedException("mlflow run exited 0 but never printed its run id",
                    "the line \"=== Run (ID '...') succeeded ===\" is missing from its output",
                    "check that the venv has the pinned mlflow (./scripts/python-env.sh)");
        }
        return outcome.runId();
    }

    /** Runs the entry point and says how it ended, for steps whose verdict is the run's own (a failing check). */
    public static Outcome outcome(StepContext context, PythonEnv python, MlflowServer server, Path project,
                                  String entryPoint, String experiment, Map<String, String> params)
            throws Exception {
        return outcome(context, context::out, python, server, project, entryPoint, experiment, params);
    }

    private static Outcome outcome(StepContext context, Consumer<String> lines, PythonEnv python,
                                   MlflowServer server, Path project, String entryPoint, String experiment,
                                   Map<String, String> params) throws Exception {
        List<String> argv = argv(python.bin("mlflow").toString(), project.toString(), entryPoint, experiment, params);
        ProcessCommand command = new ProcessCommand(argv, project.getParent(), python.environment())
                .withEnv(server.clientEnvironment());
        List<String> seen = new ArrayList<>();
        // Tied to the server: if it dies, the MLflow client in the run would retry for minutes before failing.
        ProcessRunner.Result result = context.processes().run(command, TIMEOUT, line -> {
            synchronized (seen) {
                seen.add(line);
            }
            lines.accept(line);
        }, server.asDependency());
        String runId = null;
        synchronized (seen) {
            for (String line : seen) {
                Matcher matcher = ENDED.matcher(line);
                if (matcher.find()) {
                    runId = matcher.group(1);
                }
            }
        }
        return new Outcome(result.exitCode(), runId, lastError(result.recentOutput()));
    }

    /**
     * The line to quote from a failed run's output: its last error or exception (argparse's is {@code prog: error:
     * message}), else its last line.
     */
    static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.matches("^[A-Za-z_.]*(Error|Exception)\\b.*") || line.contains("Error:")
                    || line.contains(": error: ")) {
                return line.strip();
            }
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}
