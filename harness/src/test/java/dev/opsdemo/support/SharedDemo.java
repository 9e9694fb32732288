package dev.opsdemo.support;

import dev.opsdemo.exec.ProcessLedger;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.WorkspaceLock;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One passed demo for every test that only reads what such a run leaves (its output, summary, transcript and MLflow
 * store): {@code verify --mlflow local}, run once per suite on first use, in a workspace of its own in the
 * temporary directory. A whole demo takes minutes; the tests that need no run of their own share this one and
 * must not change its workspace.
 *
 * <p>The suite's test JVMs (Surefire's parallel forks) share it too: the first to ask makes it while holding a file
 * lock, and records its outcome beside it; the others wait on the lock and read the record. A record left by
 * another suite (another Maven build, named by the {@code opsdemo.suite} property the pom sets) is made anew.
 */
public final class SharedDemo {

    /** One per checkout (named by its path), so suites of two checkouts (git worktrees) never share it. */
    private static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "opsdemo-shared-demo-"
            + Integer.toHexString(MlflowWitness.repoRoot().toAbsolutePath().normalize().toString().hashCode()));
    /** Outside the checkout (the harness refuses a workspace among its sources), and one fixed place, so suites
     *  run one after the other leave one shared workspace behind, not one each. */
    private static final Path WORKSPACE = HOME.resolve("workspace");
    private static final Path RECORD = HOME.resolve("run.json");
    private static final Path LOCK = HOME.resolve("lock");
    private static final Path STORE = WORKSPACE.resolve("mlops/mlflow");

    private static SharedDemo instance;

    private final HarnessRun run;

    private SharedDemo(HarnessRun run) {
        this.run = run;
    }

    /** The passed run, made now if this suite has none yet; a failed run fails every test that asks for it. */
    public static synchronized SharedDemo passed() {
        Tier.endToEndOnly("the shared demo");
        if (instance == null) {
            try {
                instance = new SharedDemo(madeOrReadBack());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(0, instance.run.exitCode(), "the shared demo run (verify --mlflow local):\n" + instance.run.all());
        return instance;
    }

    private static HarnessRun madeOrReadBack() throws IOException {
        // Without the pom's property (a test run from an IDE) every JVM makes its own.
        String suite = System.getProperty("opsdemo.suite", "pid " + ProcessHandle.current().pid());
        Files.createDirectories(HOME);
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            if (Files.exists(RECORD)) {
                Recorded recorded = Json.MAPPER.readValue(RECORD.toFile(), Recorded.class);
                if (recorded.suite().equals(suite)) {
                    return recorded.run();
                }
            }
            Files.deleteIfExists(RECORD);
            FileUtils.delete(WORKSPACE.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            HarnessRun run = HarnessRun.of("verify", "--mlflow", "local", "--workspace", WORKSPACE.toString(),
                    "--junit-xml", junitXml("local").toString());
            Leftovers.assertNoChildProcesses();
            Json.MAPPER.writeValue(RECORD.toFile(), new Recorded(suite, run));
            return run;
        }
    }

    /** What the other test JVMs read: the run, and which suite made it. */
    private record Recorded(String suite, HarnessRun run) {
    }

    /**
     * Where the suite's {@code verify --junit-xml} for that mode goes, for CI dashboards to show a test case per
     * step and mode: {@code harness/target/verify-reports/<mode>/TEST-verify.xml}.
     */
    public static Path junitXml(String mode) {
        return MlflowWitness.repoRoot().resolve("harness/target/verify-reports/" + mode + "/TEST-verify.xml");
    }

    public Path workspace() {
        return WORKSPACE;
    }

    /**
     * A workspace of the test's own as this demo finished it, for a test whose point is a run on a finished
     * workspace and not the run that finishes it. Left out, so that no run on the copy reaches the original: the
     * lock and the ledger of started processes (the original's runs'), and the MLflow store, whose database names
     * the original's artifact directory, where an MLOps run on the copy would write. Returns {@code target}.
     */
    public Path copyTo(Path target) throws IOException {
        return copy(target, Set.of(WORKSPACE.resolve(WorkspaceLock.FILE), WORKSPACE.resolve(ProcessLedger.FILE),
                STORE));
    }

    /**
     * As {@link #copyTo}, with the MLflow store: for a test that only looks at the finished run through a server of
     * its own on the copy ({@code harness ui}), and starts no MLOps run there. Returns {@code target}.
     */
    public Path copyWithStoreTo(Path target) throws IOException {
        return copy(target, Set.of(WORKSPACE.resolve(WorkspaceLock.FILE), WORKSPACE.resolve(ProcessLedger.FILE)));
    }

    private static Path copy(Path target, Set<Path> leftOut) throws IOException {
        try (Stream<Path> paths = Files.walk(WORKSPACE)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (leftOut.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                Path copy = target.resolve(WORKSPACE.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    public HarnessRun run() {
        return run;
    }

    public Path mlflowDb() {
        return STORE.resolve("mlflow.db");
    }
}
