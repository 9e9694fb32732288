package dev.opsdemo.mlflow;

import dev.opsdemo.workspace.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLFLOW_TRACKING_SERVER_CERT_PATH: read as a PEM file, refused with the rule when it is none, shown by name. */
class ServerCertificateTest {

    @TempDir
    Path dir;

    @Test
    void aPemFileIsReadAndTheVariableIsPassedOnAbsoluteAndShownByNameToCurl() throws Exception {
        Path pem = dir.resolve("server.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-keyout", dir.resolve("key.pem").toString(), "-out", pem.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        assertEquals(1, ServerCertificate.read(pem).size());

        MlflowCredentials tls = MlflowCredentials.from(Map.of(MlflowCredentials.SERVER_CERT_PATH, pem.toString()));
        assertEquals(" --cacert \"$MLFLOW_TRACKING_SERVER_CERT_PATH\"", tls.curlOptions());
        assertEquals(pem.toString(), tls.environment("https://127.0.0.1:5443").get(MlflowCredentials
                .SERVER_CERT_PATH));
        assertEquals(Path.of("server.pem").toAbsolutePath().toString(),
                ServerCertificate.path(Map.of(MlflowCredentials.SERVER_CERT_PATH, "server.pem")));
    }

    @Test
    void aFileThatIsNoCertificateOrNoFileIsAUsageError() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        for (Path file : new Path[] {text, dir.resolve("missing.pem")}) {
            UsageException refused = assertThrows(UsageException.class, () -> ServerCertificate.read(file));
            assertTrue(refused.getMessage().startsWith("MLFLOW_TRACKING_SERVER_CERT_PATH names " + file + ", which "),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("next: set MLFLOW_TRACKING_SERVER_CERT_PATH to the PEM file"),
                    refused.getMessage());
        }
    }
}
