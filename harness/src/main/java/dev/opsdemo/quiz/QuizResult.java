package dev.opsdemo.quiz;

import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a learner did, as {@code quiz.json} in the workspace holds it: each answered question (the letter chosen,
 * the right one, whether the hint was shown), the score out of every question asked, and whether the quiz was
 * answered to its end (not when the answers ran out first).
 */
public record QuizResult(List<Answered> answers, int score, int questions, boolean complete) {

    /** One answered question, numbered from 1 as the quiz shows it. */
    public record Answered(int number, String id, String chosen, String answer, boolean right, boolean hintUsed) {
    }

    public QuizResult {
        answers = List.copyOf(answers);
    }

    static QuizResult of(List<Answered> answers, int questions) {
        int right = (int) answers.stream().filter(Answered::right).count();
        return new QuizResult(answers, right, questions, answers.size() == questions);
    }

    /** "4/5", as the quiz's last line says it. */
    public String scoreText() {
        return score + "/" + questions;
    }

    /** Replaces {@code file} whole, so a reader never sees half of it. */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, Json.INDENTED.writeValueAsString(this) + "\n");
    }

    public static QuizResult read(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), QuizResult.class);
    }
}
