package dev.opsdemo.mlflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSecretsTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceReadableByItsOwnerOnlyAndTheSameOnEveryLaterStart() throws Exception {
        StackSecrets made = StackSecrets.loadOrCreate(dir);
        Path file = dir.resolve(StackSecrets.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(made, StackSecrets.loadOrCreate(dir), "a rerun signs in with what the database holds");
        assertEquals(3, made.secrets().size());
        assertEquals(3, made.secrets().stream().distinct().count());
        made.secrets().forEach(secret -> assertTrue(secret.matches("[0-9a-f]{24}"), secret));
        assertNotEquals(made, StackSecrets.loadOrCreate(Files.createDirectory(dir.resolve("other"))));
        assertFalse(made.toString().contains(made.adminPassword()));
        assertEquals(new MlflowCredentials(StackSecrets.ADMIN, made.adminPassword(), null, false), made.admin());
    }

    @Test
    void theFileIsWhatTheShellLoadsTheServersAndTheAdminsClientSettings() throws Exception {
        StackSecrets made = StackSecrets.loadOrCreate(dir);
        List<String> lines = Files.readAllLines(dir.resolve(StackSecrets.FILE_NAME));
        assertTrue(lines.contains("POSTGRES_PASSWORD=" + made.databasePassword()), lines.toString());
        assertTrue(lines.contains("PGPASSWORD=" + made.databasePassword()), lines.toString());
        assertTrue(lines.contains("MLFLOW_AUTH_ADMIN_PASSWORD=" + made.adminPassword()), lines.toString());
        assertTrue(lines.contains("MLFLOW_FLASK_SERVER_SECRET_KEY=" + made.sessionKey()), lines.toString());
        assertTrue(lines.contains("MLFLOW_TRACKING_USERNAME=admin"), lines.toString());
        assertTrue(lines.contains("MLFLOW_TRACKING_PASSWORD=" + made.adminPassword()), lines.toString());
    }

    @Test
    void theShownLinesNameEverySecretTheContainersGetAndGiveNone() {
        MlflowServers.Plan plan = new MlflowServers.Plan(MlflowTarget.Kind.STACK, List.of(), "opsdemo/mlflow:x", 5001,
                "http://127.0.0.1:5001", MlflowStack.POSTGRES_IMAGE, "opsdemo-stack-5001-abc");
        String lines = String.join("\n", MlflowServers.command(plan).template());
        assertTrue(lines.contains("set -a && . ${STACK}/stack.env && set +a"), lines);
        assertTrue(lines.contains("docker network create --label opsdemo.workspace=${WORKSPACE} ${STACK_NETWORK}"),
                lines);
        assertTrue(lines.contains(" -e POSTGRES_PASSWORD --label "), lines);
        for (String name : StackSecrets.SERVER_VARIABLES) {
            assertTrue(lines.contains(" -e " + name + " ") || lines.contains(" -e " + name + "\n"), name + ":\n"
                    + lines);
        }
        assertTrue(lines.contains("--backend-store-uri postgresql://mlflow@postgres:5432/mlflow"), lines);
        assertFalse(lines.matches("(?s).*(PASSWORD|KEY)=.*"), "no secret given on a command line:\n" + lines);
    }
}
