package dev.opsdemo.report;

import dev.opsdemo.support.CastReplay;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.SharedDemo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real demo's cast, replayed by the real {@code asciinema cat}, is its transcript row for row; the demo's lines
 * wider than the records (MLflow's log lines, the registry's {@code curl}s) are among them, fitted by the records
 * themselves.
 */
@EndToEnd
class TranscriptCastTest {

    @Test
    void asciinemaCatGivesBackTheTranscriptRowForRow() throws Exception {
        SharedDemo shared = SharedDemo.passed();
        List<String> transcript = Files.readAllLines(shared.workspace().resolve("transcript.txt"));
        assertTrue(transcript.stream().anyMatch(row -> row.matches("^mlops  │   \\$ .* \\\\$")),
                "the demo has a command continued over rows, so the check below sees one");
        CastReplay.assertReplaysToTranscript(shared.workspace());
    }
}
