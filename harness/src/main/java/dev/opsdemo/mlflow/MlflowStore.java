package dev.opsdemo.mlflow;

import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a harness-started server keeps its state: {@code WORKSPACE/mlops/mlflow/{mlflow.db,artifacts/}}.
 *
 * <p>The server's first start creates the database, and MLflow commits its tables and migrations one statement at
 * a time: a start stopped halfway (Ctrl-C, SIGTERM or a kill while it starts) leaves a database that every later
 * start refuses ("table ... already exists"). So a marker beside a database being created says so until the server
 * answers; a database the next run finds still marked never served a request, holds no runs, and is made again.
 */
public record MlflowStore(Path dir) {

    static final String DATABASE = "mlflow.db";
    static final String ARTIFACTS = "artifacts";
    static final String CREATING = DATABASE + ".creating";
    /** SQLite's companions of a database, which must go with it. */
    private static final List<String> SQLITE_SIDE_FILES = List.of("-journal", "-wal", "-shm");

    public static MlflowStore in(Workspace workspace) {
        return new MlflowStore(workspace.mlops().resolve("mlflow"));
    }

    public Path database() {
        return dir.resolve(DATABASE);
    }

    public Path artifacts() {
        return dir.resolve(ARTIFACTS);
    }

    Path creationMarker() {
        return dir.resolve(CREATING);
    }

    /** Makes the directories and, when the server is about to create the database, marks it as being created. */
    public MlflowStore create() throws IOException {
        Files.createDirectories(artifacts());
        if (!Files.exists(database())) {
            Files.writeString(creationMarker(), "the MLflow server is creating " + DATABASE + " (see MlflowStore)\n");
        }
        return this;
    }

    /** The server answered, so its database is whole. */
    void created() throws IOException {
        Files.deleteIfExists(creationMarker());
    }

    /**
     * Removes a database whose creation an earlier run's server never finished, and says so. Call it when no
     * server of an earlier run can still be running on this store.
     */
    public List<String> discardUnfinished() {
        List<String> notes = new ArrayList<>();
        if (!Files.exists(creationMarker())) {
            return notes;
        }
        try {
            if (Files.exists(database())) {
                notes.add("removed " + database() + ": an earlier run's MLflow server was stopped while it created "
                        + "it, which leaves a database MLflow cannot open; it never answered, so it held no runs, "
                        + "and this run's server creates it again");
            }
            Files.deleteIfExists(database());
            for (String suffix : SQLITE_SIDE_FILES) {
                Files.deleteIfExists(dir.resolve(DATABASE + suffix));
            }
            Files.deleteIfExists(creationMarker());
        } catch (IOException e) {
            throw new UsageException("cannot remove the half-created MLflow database " + database() + ": "
                    + Workspace.reason(e), "remove " + database() + " and " + creationMarker()
                    + " by hand, or pass another --workspace");
        }
        return notes;
    }
}
