package dev.opsdemo.cli;

import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.live.LiveSettings;
import dev.opsdemo.mlflow.MlflowTarget;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.verify.GoldenFiles;
import dev.opsdemo.verify.Verification;
import dev.opsdemo.workspace.RepoLayout;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;
import org.eclipse.jgit.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Runs the demo non-interactively in a fresh workspace and checks each step's output against "
                + "golden/<step-id>.txt (volatile parts redacted to placeholders). Exit 1 with a diff per "
                + "mismatching step.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options;

    @Mixin
    MlopsOptions mlops;

    @Option(names = "--update-golden", description = "Rewrite the golden files from this run instead of checking.")
    boolean updateGolden;

    @Option(names = "--golden-dir", paramLabel = "DIR", description = "Where the golden files are "
            + "(default: golden/ in the checkout).")
    Path goldenDir;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the result as JUnit XML, a test case per step with its diff as the failure, "
                    + "for CI dashboards.")
    Path junitXml;

    @Option(names = "--step-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Fail a step that runs longer than this (default: ${DEFAULT-VALUE}).")
    int stepTimeout;

    @Override
    public Integer call() throws IOException {
        if (stepTimeout < 1) {
            throw new UsageException("--step-timeout " + stepTimeout + " is not a positive "
                    + "number of seconds", "pass how long a step may run, e.g. 300");
        }
        options.refuseQuiz("verify", "it checks the steps' output against golden files and asks nothing");
        if (options.live) {
            throw new UsageException("verify runs without pauses; --live does not apply to it",
                    "drop --live, or present the demo with `demo --live`");
        }
        RepoLayout repo = RepoLayout.locate();
        LiveSettings live = options.nonInteractiveSettings();
        MlopsSettings settings = mlops.settings(repo);  // its checks, before the workspace is emptied
        if (!spec.commandLine().getParseResult().hasMatchedOption("--mlflow")) {
            // The golden files describe one mode; local needs no Docker engine, so it is the same everywhere.
            settings = settings.withTarget(MlflowTarget.parse("local"));
        }
        Path root = options.workspace != null ? options.workspace
                : repo.defaultWorkspace().resolveSibling("demo-workspace-verify");
        Workspace workspace = Workspace.open(fresh(root.toAbsolutePath().normalize()), repo);
        AtomicReference<RunSummary> finished = new AtomicReference<>();
        RunListener capture = new RunListener() {
            @Override
            public void runFinished(RunSummary summary) {
                finished.set(summary);
            }
        };
        int exit = RunSession.run(top, options, live, workspace, new Secrets(),
                LaneSelection.lanes(null, repo, workspace, settings, options.keepRunning, null),
                List.of(capture),
                Duration.ofSeconds(stepTimeout));
        RunSummary summary = finished.get();
        if (summary == null) {
            return exit;
        }
        return new Verification(
                new GoldenFiles(goldenDir != null ? goldenDir : repo.root().resolve("golden"), mlflowMode(summary)),
                workspace.root(), repo.root()).conclude(summary, exit, updateGolden, junitXml, top.out());
    }

    /** The MLflow mode the run used (what --mlflow auto chose, say), as its summary records it. */
    private static String mlflowMode(RunSummary summary) {
        return summary.summaryFields() == null ? GoldenFiles.SHARED_MODE
                : summary.summaryFields().path("mlflowMode").asText(GoldenFiles.SHARED_MODE);
    }

    /** Verification needs first-run output, so it starts from an empty workspace; it only empties its own. */
    private static Path fresh(Path root) throws IOException {
        if (!Files.exists(root)) {
            return root;
        }
        boolean ours = Files.isRegularFile(root.resolve("summary.json"));
        boolean empty;
        try (Stream<Path> entries = Files.list(root)) {
            empty = entries.findAny().isEmpty();
        }
        if (!ours && !empty) {
            throw new UsageException("--workspace " + root + " is not empty and holds no earlier harness run",
                    "verify empties its workspace first; pass an empty or new directory");
        }
        FileUtils.delete(root.toFile(), FileUtils.RECURSIVE);
        return root;
    }
}
