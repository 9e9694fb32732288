package dev.opsdemo.cli;

import dev.opsdemo.mlflow.MlflowContainer;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code harness doctor} asks the real tools (Java, Maven, Git, the venv's MLflow, the Docker engine): end to end. */
@EndToEnd
class DoctorTest {

    @TempDir
    Path dir;

    @Test
    void doctorReportsEachPrerequisiteAndTheMode() {
        HarnessRun doctor = HarnessRun.of("doctor", "--workspace", dir.toString());
        for (String what : new String[] {"java", "maven", "git", "python", "venv", "docker", "disk", "mode"}) {
            assertTrue(doctor.out().lines().anyMatch(line -> line.startsWith(what + " ")), what + ":\n" + doctor.all());
        }
        assertTrue(doctor.out().contains("mlflow, version " + MlflowContainer.MLFLOW_VERSION), "the venv's real mlflow answers:\n" + doctor.all());
        assertEquals(0, doctor.exitCode(), doctor.all());
    }
}
