package dev.opsdemo.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.report.SyntheticRun;
import dev.opsdemo.text.TerminalWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quiz on a synthetic run's facts: answers, the hint, bad keys, the evidence with facts there and missing. */
class QuizSessionTest {

    private static final String RIGHT = "B\nA\nD\nC\nA\n";

    @TempDir
    Path workspace;

    /** Both lanes and monitoring, plus what a real run records beyond SyntheticRun's facts. */
    private static JsonNode bothLanes() {
        ObjectNode facts = SyntheticRun.summary(SyntheticRun.monitored()).facts().deepCopy();
        ObjectNode mlops = (ObjectNode) facts.get("mlops");
        mlops.put("validationRunId", "0a1b2c3d4e5f").put("validationPassed", true).put("dataSource", "data/train.csv")
                .put("gitCommit", "3fb774b0123456789abcdef0123456789abcdef0")
                .put("modelServerUrl", "http://127.0.0.1:40300");
        ObjectNode monitoring = (ObjectNode) mlops.get("monitoring");
        monitoring.put("batch", "data/production_shifted.csv").put("challengerVersion", "4")
                .put("championScore", 0.71).put("challengerScore", 0.86).put("decision", "promoted")
                .put("championVersion", "4");
        return facts;
    }

    private record Quizzed(QuizResult result, String out, Path record) {
    }

    private Quizzed quiz(JsonNode facts, String typed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path record = workspace.resolve("quiz.json");
        QuizResult result;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            result = new QuizSession(Questions.load(), facts, Answers.lines(new ByteArrayInputStream(
                    typed.getBytes(StandardCharsets.UTF_8))), print, 0).run(record);
        }
        return new Quizzed(result, out.toString(StandardCharsets.UTF_8), record);
    }

    @Test
    void rightAnswersScoreFiveAndTheRecordReadsBackTheSame() throws Exception {
        Quizzed quiz = quiz(bothLanes(), RIGHT);
        assertEquals(5, quiz.result().score());
        assertTrue(quiz.result().complete());
        assertEquals(List.of("B", "A", "D", "C", "A"),
                quiz.result().answers().stream().map(QuizResult.Answered::chosen).toList());
        assertTrue(quiz.result().answers().stream().allMatch(QuizResult.Answered::right));
        assertTrue(quiz.out().contains("\nB is right: The MLOps lane also manages"), quiz.out());
        assertTrue(quiz.out().strip().endsWith("score: 5/5 · recorded in " + quiz.record()), quiz.out());
        assertEquals(quiz.result(), QuizResult.read(quiz.record()));
    }

    @Test
    void aWrongAnswerShowsTheRightOneAndTheMistakeBehindIt() throws Exception {
        Quizzed quiz = quiz(bothLanes(), "A\nA\nB\nC\nA\n");
        assertEquals("3/5", quiz.result().scoreText());
        QuizResult.Answered first = quiz.result().answers().get(0);
        assertEquals("A", first.chosen());
        assertEquals("B", first.answer());
        assertFalse(first.right());
        assertTrue(quiz.out().contains("\nA is not right; the answer is B: The MLOps lane"), quiz.out());
        assertTrue(quiz.out().contains("Common mistake: Thinking DevOps manages data and models"), quiz.out());
        assertTrue(quiz.out().contains("Common mistake: Selecting all statements as shared"), quiz.out());
        assertTrue(quiz.out().contains("score: 3/5 · recorded in"), quiz.out());
        assertEquals(3, QuizResult.read(quiz.record()).score());
    }

    @Test
    void theHintIsShownOnceAndRecorded() throws Exception {
        Quizzed quiz = quiz(bothLanes(), "h\nH\nb\n" + RIGHT.substring(2));
        assertEquals(1, quiz.out().split("Hint: Compare what each lane versioned", -1).length - 1, quiz.out());
        assertTrue(quiz.out().contains("The hint is above; answer A, B, C or D"), quiz.out());
        assertTrue(quiz.result().answers().get(0).hintUsed());
        assertFalse(quiz.result().answers().get(1).hintUsed());
        assertTrue(QuizResult.read(quiz.record()).answers().get(0).hintUsed());
        assertEquals(5, quiz.result().score(), "a lower-case letter is an answer too");
    }

    @Test
    void aBadKeyIsAskedAgainWithTheReason() throws Exception {
        Quizzed quiz = quiz(bothLanes(), "x\n\nE\n" + RIGHT);
        assertTrue(quiz.out().contains("\"x\" is not one of the choices; answer A, B, C or D (h: a hint):"),
                quiz.out());
        assertTrue(quiz.out().contains("An empty answer is not one of the choices"), quiz.out());
        assertTrue(quiz.out().contains("\"E\" is not one of the choices"), quiz.out());
        assertEquals(5, quiz.result().score());
        assertEquals(1, quiz.result().answers().get(0).number());
    }

    @Test
    void theEvidenceIsThisRunsFacts() throws Exception {
        String out = quiz(bothLanes(), RIGHT).out();
        String joined = out.replaceAll("\n +", " ");  // wrapped lines read back as one
        for (String fact : new String[] {
                "DevOps versioned commit 9c1b2d3 only (pushed to http://127.0.0.1:40123/git/sample-app.git).",
                "MLOps versioned run " + SyntheticRun.RUN_ID + " = code: commit 3fb774b + data: digest a1b2c3d4 + "
                        + "params: max_depth=6, n_estimators=50, seed=42 → model churn-classifier v3.",
                "training run " + SyntheticRun.RUN_ID + " (experiment churn-training) made model churn-classifier v3",
                "DevOps started the app it built at http://127.0.0.1:40200.",
                "MLOps served model churn-classifier v3 at http://127.0.0.1:40300 (prediction 1).",
                "validation run 0a1b2c3d4e5f passed on data/train.csv, so training went ahead.",
                "drift in monthly_charges, usage_hours",
                "accuracy 0.8800 → 0.6900 on new data",
                "champion scored 0.7100 and the challenger 0.8600: the challenger became the champion."}) {
            assertTrue(joined.contains(fact), fact + "\nnot in:\n" + out);
        }
        assertTrue(out.contains("\n  $ " + RunEvidence.CORRUPTED_DATA_RUN + "\n"), out);
        assertFalse(out.contains("null"), out);
    }

    @Test
    void missingFactsSayWhatWouldShowThemNeverNull() throws Exception {
        JsonNode devopsOnly = SyntheticRun.summary(SyntheticRun.devops()).facts();
        String out = quiz(devopsOnly, RIGHT).out();
        String joined = out.replaceAll("\n +", " ");
        assertFalse(out.contains("null"), out);
        assertTrue(joined.contains("MLOps: no training run to show, as this run left the MLOps lane out; "
                + "./scripts/harness.sh demo --quiz runs both lanes."), out);
        assertTrue(joined.contains("MLOps: no monitoring run to show"), out);
        assertTrue(joined.contains("MLOps: no data contract check to show"), out);
        assertTrue(out.contains("\n  $ " + RunEvidence.CORRUPTED_DATA_RUN + "\n"), out);
        assertTrue(joined.contains("DevOps versioned commit 9c1b2d3 only"), out);

        // A lane that ran but did not reach a step: the step is named.
        ObjectNode noMonitoring = bothLanes().deepCopy();
        ((ObjectNode) noMonitoring.get("mlops")).remove("monitoring");
        String partial = quiz(noMonitoring, RIGHT).out().replaceAll("\n +", " ");
        assertTrue(partial.contains("MLOps: no monitoring run to show, as mlops.monitor recorded none in this run"),
                partial);
    }

    @Test
    void answersThatEndEarlyStopTheQuizAndRecordWhatWasAnswered() throws Exception {
        Quizzed quiz = quiz(bothLanes(), "B\nA");
        assertFalse(quiz.result().complete());
        assertEquals(2, quiz.result().answers().size());
        assertTrue(quiz.out().replaceAll("\n +", " ").contains("The quiz stops here: stdin ended before question 3 "
                + "was answered (2 of 5 answered)."), quiz.out());
        assertTrue(quiz.out().contains("score: 2/5 (2 of 5 answered) · recorded in " + quiz.record()), quiz.out());
        QuizResult read = QuizResult.read(quiz.record());
        assertEquals(2, read.answers().size());
        assertFalse(read.complete());
        assertEquals(5, read.questions());
    }

    @Test
    void everyLineFitsEightyColumns() throws Exception {
        for (JsonNode facts : List.of(bothLanes(), SyntheticRun.summary(SyntheticRun.devops()).facts())) {
            for (String line : quiz(facts, "h\nx\n" + RIGHT).out().split("\n")) {
                if (!line.contains("recorded in")) {  // the temporary directory's path is as long as it is
                    assertTrue(TerminalWidth.of(line) <= 79, "wider than 79 columns: " + line);
                }
            }
        }
    }
}
