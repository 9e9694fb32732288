package dev.opsdemo.quiz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opsdemo.json.Json;
import dev.opsdemo.text.Resources;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's quiz as the harness ships it: {@code quiz/questions.json} on the classpath, the one place the
 * questions are written. It is checked as it is read, so a question with three choices or an answer that is not
 * one of them fails the fast tier's test, not a learner's run.
 */
public final class Questions {

    static final String RESOURCE = "/quiz/questions.json";

    /** The file's layout: a line on where the questions come from, then the questions in order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(String source, List<Question> questions) {
    }

    private Questions() {
    }

    /** @throws IllegalStateException when the shipped file is missing or a question in it is incomplete */
    public static List<Question> load() {
        String text = Resources.text(Questions.class, RESOURCE)
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " is not on the classpath"));
        File file;
        try {
            file = Json.MAPPER.readValue(text, File.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(RESOURCE + " is not a quiz: " + e.getOriginalMessage(), e);
        }
        if (file.questions() == null || file.questions().isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no questions");
        }
        file.questions().forEach(Questions::check);
        return List.copyOf(file.questions());
    }

    /** Every part a question is asked and explained with; the mistakes each tied to a wrong choice. */
    static void check(Question question) {
        List<String> missing = new ArrayList<>();
        if (blank(question.id()) || blank(question.text())) {
            missing.add("an id and a text");
        }
        if (!question.choices().keySet().equals(java.util.Set.copyOf(Question.LETTERS))
                || question.choices().values().stream().anyMatch(Questions::blank)) {
            missing.add("choices A, B, C and D, each with a text (it has " + question.choices().keySet() + ")");
        }
        if (!Question.LETTERS.contains(question.answer())) {
            missing.add("an answer among A-D (it has " + question.answer() + ")");
        }
        if (blank(question.hint()) || blank(question.explanation())) {
            missing.add("a hint and an explanation");
        }
        if (question.mistakes().isEmpty() || question.mistakes().stream().anyMatch(mistake -> blank(mistake.line())
                || mistake.choice() == null || mistake.choice().equals(question.answer())
                || !Question.LETTERS.contains(mistake.choice()))) {
            missing.add("the lesson's mistakes, each with a line and a wrong choice");
        }
        if (question.evidence() == null) {
            missing.add("the evidence it points at");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": question " + question.id() + " needs "
                    + String.join("; ", missing));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
