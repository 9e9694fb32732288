package dev.opsdemo.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Venvs other than the checkout's .venv, made by scripts/python-env.sh as a user makes them, and kept between runs
 * of the suite under harness/target/venvs (python-env.sh reuses one whose lock and Python are unchanged; .ci/run
 * makes them ahead).
 */
public final class Venvs {

    private static final Path ROOT = MlflowWitness.repoRoot();
    private static final Path VENVS = ROOT.resolve("harness/target/venvs");

    private Venvs() {
    }

    /** The venv {@code name}, made with python-env.sh's {@code options} unless it is ready. */
    public static Path pythonEnv(String name, String... options) throws Exception {
        Path venv = VENVS.resolve(name);
        String[] argv = Stream.concat(Stream.of(ROOT.resolve("scripts/python-env.sh").toString(), "--venv",
                venv.toString()), Stream.of(options)).toArray(String[]::new);
        // The installer (uv, or pip where uv cannot be had) works in TMPDIR: kept under target/, where other test
        // JVMs running meanwhile look for nothing (ConcurrentRunsTest checks what runs leave in the system's
        // temporary directory).
        Path tmp = Files.createDirectories(ROOT.resolve("harness/target/pip-tmp"));
        Shell.Output made = Shell.run(ROOT, Map.of("TMPDIR", tmp.toString()), Duration.ofMinutes(15), argv);
        assertEquals(0, made.exitCode(), "python-env.sh " + String.join(" ", options) + ":\n" + made.text());
        return venv;
    }

    /** The Python 3.12 venv with the project's pinned MLflow 3: another venv than the checkout's (3.11). */
    public static Path python312() throws Exception {
        return pythonEnv("py3.12", "--python", pyenvPython("3.12").toString());
    }

    /** This machine's pyenv build of that Python (pyenv's shims answer only for the selected version). */
    public static Path pyenvPython(String version) throws IOException {
        Path root = Path.of(System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv"));
        try (Stream<Path> versions = Files.list(root.resolve("versions"))) {
            return versions.filter(dir -> dir.getFileName().toString().startsWith(version + "."))
                    .max(Comparator.naturalOrder()).map(dir -> dir.resolve("bin/python" + version))
                    .filter(Files::isExecutable)
                    .orElseThrow(() -> new AssertionError("no Python " + version + " under " + root
                            + "/versions: this test needs it (pyenv install " + version + ")"));
        }
    }
}
