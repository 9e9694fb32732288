package dev.opsdemo.verify;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a golden file keeps of a volatile value: its kind, never a piece of a word taken for another kind. */
class RedactorTest {

    private final Redactor redactor = new Redactor(Path.of("/ws"), Path.of("/repo"));

    @Test
    void aTemporaryDirectoryWhoseNameEndsInDigitsAndAnSIsATemporaryDirectoryNotADuration() {
        // Seen in mlops.decide: MLflow's download directory tmphocme5s was written as tmphocme{{DURATION}}s.
        assertEquals("INFO: === Created directory {{WORKSPACE}}/mlops{{TMP}} for downloading ===",
                redactor.redact("INFO: === Created directory /ws/mlops/tmp/tmphocme5s for downloading ==="));
    }

    @Test
    void aDurationIsStillOne() {
        assertEquals("[INFO] Total time:  {{DURATION}} s", redactor.redact("[INFO] Total time:  10.387 s"));
        assertEquals("passed in {{DURATION}}s", redactor.redact("passed in 2.5s"));
    }
}
