package dev.opsdemo.mlops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a harness-started server keeps its state: {@code WORKSPACE/mlops/mlflow/{mlflow.db,artifacts/}}. */
public record MlflowStore(Path dir) {

    public Path database() {
        return dir.resolve("mlflow.db");
    }

    public Path artifacts() {
        return dir.resolve("artifacts");
    }

    public MlflowStore create() throws IOException {
        Files.createDirectories(artifacts());
        return this;
    }
}
