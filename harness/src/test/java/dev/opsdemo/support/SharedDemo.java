package dev.opsdemo.support;

import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One passed demo for every test that only reads what such a run leaves (its output, summary, transcript and MLflow
 * store): {@code verify --mlflow local}, run once per test JVM on first use, in a workspace of its own in the
 * temporary directory. A whole demo takes minutes; the tests that need no run of their own share this one and
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
            // Outside the checkout (the harness refuses a workspace among its sources), and one fixed place, so
            // suites run one after the other leave one shared workspace behind, not one each.
            Path workspace = Path.of(System.getProperty("java.io.tmpdir"), "opsdemo-shared-demo");
            try {
                FileUtils.delete(workspace.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
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
