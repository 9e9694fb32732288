package dev.opsdemo.cli;

import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessLedger;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.mlflow.DockerEngine;
import dev.opsdemo.text.Ansi;
import dev.opsdemo.workspace.RepoLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks Java, Maven, Git, Python and its venv, the Docker engine and disk, "
                + "and says which MLflow mode the demo would use.")
final class DoctorCommand implements Callable<Integer> {

    private static final long MIN_FREE_BYTES = 2L * 1024 * 1024 * 1024;

    @ParentCommand
    HarnessCommand top;

    @Mixin
    CommonOptions options;

    private final List<String> missing = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        options.refuseQuiz("doctor", "it checks the prerequisites and runs no lanes");
        PrintStream out = top.out();
        RepoLayout repo = RepoLayout.locate();
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            ProcessRunner processes = new ProcessRunner(cleanup);
            report(out, "java", Optional.of(Runtime.version().toString() + " (" + System.getProperty("java.home")
                    + ")"), "Java 17 or newer");
            report(out, "maven", versionOf(processes, "mvn", "-v"), "apt-get install maven");
            report(out, "git", versionOf(processes, "git", "--version"), "apt-get install git");
            report(out, "python", versionOf(processes, "python3", "--version"), "apt-get install python3 python3-venv");
            Path mlflow = repo.venv().resolve("bin/mlflow");
            report(out, "venv", Files.isExecutable(mlflow)
                            ? versionOf(processes, mlflow.toString(), "--version").map(v -> v + " in " + repo.venv())
                            : Optional.empty(),
                    "./scripts/python-env.sh (creates " + repo.venv() + " from sample-ml-project/requirements.txt)");
            boolean docker = DockerEngine.available();
            out.printf("%-8s %s%n", "docker", docker ? "a Docker engine answers"
                    : "no Docker engine answers (optional: container mode; start one with ./scripts/docker-engine.sh)");
            Path workspace = options.workspaceOrDefault(repo).toAbsolutePath();
            Path existing = workspace;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
            report(out, "disk", free >= MIN_FREE_BYTES
                            ? Optional.of(free / (1024 * 1024) + " MiB free at " + existing) : Optional.empty(),
                    "free at least 2 GiB for " + workspace);
            // Processes a run killed outright left running (not a missing prerequisite: the next run stops them).
            List<ProcessLedger.Survivor> survivors = Files.isDirectory(workspace)
                    ? new ProcessLedger(workspace).survivors() : List.of();
            out.printf("%-8s %s%n", "leftover", survivors.isEmpty() ? "nothing left running by a killed run in "
                    + workspace : survivors.size() + " process(es) left running by a killed run in " + workspace
                    + "; the next run there stops them:");
            survivors.forEach(survivor -> out.printf("%-8s   pid %d: %s%n", "", survivor.pid(), survivor.describe()));
            out.printf("%-8s %s%n", "mode", docker
                    ? "--mlflow auto would start MLflow in a container (Testcontainers)"
                    : "--mlflow auto would start a local `mlflow server` process from the venv");
        }
        if (missing.isEmpty()) {
            out.println("All prerequisites are present.");
            return ExitCode.OK.code();
        }
        top.err().println("missing prerequisite(s): " + String.join(", ", missing));
        return ExitCode.PREREQUISITE_MISSING.code();
    }

    private void report(PrintStream out, String what, Optional<String> found, String install) {
        if (found.isPresent()) {
            out.printf("%-8s %s%n", what, found.get());
        } else {
            out.printf("%-8s MISSING: %s%n", what, install);
            missing.add(what);
        }
    }

    private static Optional<String> versionOf(ProcessRunner processes, String tool, String flag) {
        String executable = tool.contains("/") ? tool
                : Executables.onPath(tool).map(Path::toString).orElse(null);
        if (executable == null) {
            return Optional.empty();
        }
        try {
            List<String> lines = new ArrayList<>();
            ProcessRunner.Result result = processes.run(ProcessCommand.of(Path.of("."), executable, flag),
                    Duration.ofSeconds(30), lines::add);
            return result.succeeded() && !lines.isEmpty()
                    ? Optional.of(Ansi.strip(lines.get(0))) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
