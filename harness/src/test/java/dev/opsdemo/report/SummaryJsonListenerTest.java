package dev.opsdemo.report;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** summary.json names how a run ended with the word report.md and report.html use in their headline. */
class SummaryJsonListenerTest {

    @TempDir
    Path dir;

    @Test
    void aRunStoppedBySignalIsInterruptedNotFailed() throws Exception {
        assertEquals("passed", statusWritten(true, 0));
        assertEquals("failed", statusWritten(false, 1));
        assertEquals("interrupted", statusWritten(false, 130));
        assertEquals("interrupted", statusWritten(false, 143));
    }

    private String statusWritten(boolean passed, int exitCode) throws Exception {
        Path file = dir.resolve("summary-" + exitCode + ".json");
        RunSummary summary = new RunSummary(passed, exitCode, List.of(), Json.MAPPER.createObjectNode(),
                Json.MAPPER.createObjectNode());
        new SummaryJsonListener(file, new Secrets()).runFinished(summary);
        String written = Json.MAPPER.readTree(file.toFile()).get("status").asText();
        assertEquals(RunOverview.of(summary).status(), written, "the reports' headline says the same");
        return written;
    }
}
