package dev.opsdemo.mlflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a harness-started server keeps its state: {@code WORKSPACE/mlops/mlflow/{mlflow.db,artifacts/}}. */
public record MlflowStore(Path dir) {

    static final String DATABASE = "mlflow.db";
    static final String ARTIFACTS = "artifacts";

    public Path database() {
        return dir.resolve(DATABASE);
    }

    public Path artifacts() {
        return dir.resolve(ARTIFACTS);
    }

    public MlflowStore create() throws IOException {
        Files.createDirectories(artifacts());
        return this;
    }
}
