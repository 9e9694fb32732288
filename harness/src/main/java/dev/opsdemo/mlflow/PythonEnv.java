package dev.opsdemo.mlflow;

import dev.opsdemo.demo.PrerequisiteMissingException;
import org.eclipse.jgit.util.FileUtils;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The repo's venv ({@code .venv}): where {@code mlflow} and the training's {@code python} come from. Its processes
 * keep their temporary files in {@code tmp}, inside the workspace: MLflow downloads a registered model into a fresh
 * temporary directory each time it serves or loads one and never removes it, which filled /tmp run after run.
 */
public record PythonEnv(Path venv, Path tmp) {

    public PythonEnv requireMlflow() {
        if (!Files.isExecutable(bin("mlflow"))) {
            throw new PrerequisiteMissingException("the Python venv with MLflow is missing at " + venv,
                    "the MLOps lane runs the real mlflow CLI and trains with scikit-learn from that venv",
                    "run ./scripts/python-env.sh (it installs sample-ml-project/requirements.txt), then run again");
        }
        return this;
    }

    public Path bin(String tool) {
        return venv.resolve("bin").resolve(tool);
    }

    /**
     * The variables {@link #EXPORTED} sets, with {@code ${PYTHON_TMP}} for {@link #tmp}: MLflow's usage telemetry
     * off (this machine has no network to send it to, and its thread, setting and unsetting an environment variable
     * while a request reads the environment, now and then fails a run with a KeyError), Python's output unbuffered
     * (lines reach the screen as they are printed), and the temporary files in the workspace.
     */
    public static final String EXPORTED = "export MLFLOW_DISABLE_TELEMETRY=true PYTHONUNBUFFERED=1 TMPDIR=${PYTHON_TMP}";

    /**
     * What {@code source venv/bin/activate} and {@link #EXPORTED} give the shell: PATH with the venv first (so
     * {@code mlflow run --env-manager local} trains with the venv's python) and the exported variables.
     */
    public Map<String, String> environment() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Map.of("PATH", venv.resolve("bin") + File.pathSeparator + path,
                "VIRTUAL_ENV", venv.toString(),
                "MLFLOW_DISABLE_TELEMETRY", "true",
                "PYTHONUNBUFFERED", "1",
                "TMPDIR", tmp.toString());
    }

    /**
     * Empties {@link #tmp()} (what the previous run's processes left there) and creates it: Python falls back to
     * /tmp when TMPDIR does not exist.
     */
    public void resetTmp() throws IOException {
        FileUtils.delete(tmp.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        Files.createDirectories(tmp);
    }
}
