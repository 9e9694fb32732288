package dev.opsdemo.quiz;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.text.CommitIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo --quiz} after a real DevOps lane (the MLOps lane is left out: the quiz says what would show its
 * evidence), the answers piped on stdin as CI mode reads them, and quiz.json read back.
 */
@EndToEnd
class QuizDemoTest {

    @TempDir
    Path workspace;

    @Test
    void aPassedRunAsksTheQuizFromStdinAndRecordsTheScore() throws Exception {
        HarnessRun run = HarnessRun.withStdin("B\nx\nh\nA\nD\nC\nB\n", "demo", "--only", "devops",
                "--non-interactive", "--quiz", "--workspace", workspace.toString());
        assertEquals(0, run.exitCode(), run.all());
        String out = run.out();
        int lastStep = out.indexOf("devops.monitor passed");
        int firstQuestion = out.indexOf("Question 1/5: ");
        assertTrue(lastStep >= 0 && firstQuestion > lastStep, "the quiz comes once the steps have passed:\n"
                + run.all());
        String commit = HarnessRun.summary(workspace).path("facts").path("devops").path("commitSha").asText();
        String joined = out.replaceAll("\n +", " ");
        assertTrue(joined.contains("DevOps versioned commit " + CommitIds.shortForm(commit) + " only"), run.all());
        assertTrue(joined.contains("MLOps: no training run to show, as this run left the MLOps lane out"), run.all());
        assertTrue(out.contains("\"x\" is not one of the choices"), run.all());
        assertFalse(out.substring(firstQuestion).contains("null"), run.all());
        Path record = workspace.toAbsolutePath().normalize().resolve("quiz.json");
        assertTrue(out.contains("score: 4/5 · recorded in " + record), run.all());

        QuizResult result = QuizResult.read(record);
        assertEquals(4, result.score());
        assertTrue(result.complete());
        assertEquals(List.of("B", "A", "D", "C", "B"),
                result.answers().stream().map(QuizResult.Answered::chosen).toList());
        assertEquals(List.of(false, true, false, false, false),
                result.answers().stream().map(QuizResult.Answered::hintUsed).toList());
        assertFalse(result.answers().get(4).right());
    }
}
