package dev.opsdemo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;
import dev.opsdemo.mlflow.MlflowCredentials;
import dev.opsdemo.mlops.RestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassAccountsTest {

    @TempDir
    Path dir;

    /**
     * The shown call that makes a learner's account holds no password, and typed into bash it sends the one in the
     * learner's file: here curl is a shell function that prints what --json would send.
     */
    @Test
    void theShownUsersCreateCallReadsThePasswordFromTheLearnersFileInBash() throws Exception {
        Path file = dir.resolve("learners dir/ada.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "MLFLOW_TRACKING_USERNAME=ada\nMLFLOW_TRACKING_PASSWORD=0123456789abcdef01234567\n");
        RestApi api = new RestApi("http://127.0.0.1:5000", new MlflowCredentials("admin", "secret-admin", null,
                false));
        for (boolean patch : new boolean[] {false, true}) {
            String line = ClassAccounts.passwordLine(api, patch ? "users/update-password" : "users/create", patch,
                    "ada", file);
            assertFalse(line.contains("0123456789abcdef01234567") || line.contains("secret-admin"), line);
            assertTrue(line.startsWith("curl -sS -u \"$MLFLOW_TRACKING_USERNAME:$MLFLOW_TRACKING_PASSWORD\""
                    + (patch ? " -X PATCH" : "") + " http://127.0.0.1:5000/api/2.0/mlflow/"), line);
            Process bash = new ProcessBuilder("bash", "-c", "curl() { while [ $# -gt 0 ]; do [ \"$1\" = --json ] "
                    + "&& printf '%s' \"$2\"; shift; done; }\n" + line).redirectErrorStream(true).start();
            String sent = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, bash.waitFor(), sent);
            JsonNode json = Json.MAPPER.readTree(sent);
            assertEquals("ada", json.get("username").asText(), sent);
            assertEquals("0123456789abcdef01234567", json.get("password").asText(), sent);
        }
    }
}
