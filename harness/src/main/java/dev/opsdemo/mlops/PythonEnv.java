package dev.opsdemo.mlops;

import dev.opsdemo.demo.PrerequisiteMissingException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repo's venv ({@code .venv}): where {@code mlflow} and the training's {@code python} come from. */
public record PythonEnv(Path venv) {

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

    /** PATH with the venv first, so {@code mlflow run --env-manager local} trains with the venv's python. */
    public Map<String, String> environment() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Map.of("PATH", venv.resolve("bin") + File.pathSeparator + path,
                "VIRTUAL_ENV", venv.toString(),
                "PYTHONUNBUFFERED", "1");
    }
}
