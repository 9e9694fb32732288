package dev.opsdemo.mlops;

import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.mlflow.MlflowImages;
import dev.opsdemo.support.MlflowWitness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Python lock is where MLflow's version is pinned; the harness's image names must follow it. */
class PinnedVersionsTest {

    private static final Path PROJECT = MlflowWitness.repoRoot().resolve("sample-ml-project");

    @Test
    void theDefaultImageIsTheMlflowTheLockPins() throws Exception {
        assertEquals(List.of("mlflow==" + MlflowContainer.MLFLOW_VERSION), pins("requirements.txt", "mlflow=="));
        assertTrue(MlflowContainer.DEFAULT_IMAGE.endsWith(":v" + MlflowContainer.MLFLOW_VERSION));
        assertTrue(MlflowImages.LOCAL_BUILD.endsWith(":" + MlflowContainer.MLFLOW_VERSION));
    }

    @Test
    void bothMlflowLinesShareOneDataStack() throws Exception {
        for (String library : List.of("scikit-learn==", "pandas==", "numpy==", "scipy==",
                "matplotlib==")) {
            assertEquals(pins("requirements.txt", library), pins("requirements-mlflow2.txt", library), library);
        }
        assertEquals(List.of("mlflow==2.17.2"), pins("requirements-mlflow2.txt", "mlflow=="));
    }

    private static List<String> pins(String lock, String prefix) throws Exception {
        return Files.readAllLines(PROJECT.resolve(lock)).stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.replaceAll("\\s*;.*", "")).toList();
    }
}
