package dev.opsdemo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One passed demo for every test that only reads what such a run leaves (its output, summary, transcript and MLflow
 * store): {@code verify --mlflow local}, run once per test JVM on first use, in a workspace of its own under
 * {@code harness/target}. A whole demo takes minutes; the tests that need no run of their own share this one and
 * must not change its workspace.
 */
public final class SharedDemo {

    private static SharedDemo instance;

    private final Path workspace;
    private final HarnessRun run;

    private SharedDemo(Path workspace, HarnessRun run) {
        this.workspace = workspace;
        this.run = run;
    }

    /** The passed run, made now if this JVM has none yet; a failed run fails every test that asks for it. */
    public static synchronized SharedDemo passed() {
        if (instance == null) {
            Path workspace;
            try {
                workspace = Files.createTempDirectory(
                        Files.createDirectories(MlflowWitness.repoRoot().resolve("harness/target")), "shared-demo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            HarnessRun run = HarnessRun.of("verify", "--mlflow", "local", "--workspace", workspace.toString(),
                    "--junit-xml", junitXml("local").toString());
            Leftovers.assertNoChildProcesses();
            instance = new SharedDemo(workspace, run);
        }
        assertEquals(0, instance.run.exitCode(), "the shared demo run (verify --mlflow local):\n" + instance.run.all());
        return instance;
    }

    /**
     * Where the suite's {@code verify --junit-xml} for that mode goes, for CI dashboards to show a test case per
     * step and mode: {@code harness/target/verify-reports/<mode>/TEST-verify.xml}.
     */
    public static Path junitXml(String mode) {
        return MlflowWitness.repoRoot().resolve("harness/target/verify-reports/" + mode + "/TEST-verify.xml");
    }

    public Path workspace() {
        return workspace;
    }

    public HarnessRun run() {
        return run;
    }

    public Path mlflowDb() {
        return workspace.resolve("mlops/mlflow/mlflow.db");
    }
}
