package dev.opsdemo.quiz;

import java.util.List;
import java.util.Map;

/**
 * One question of the lesson's quiz, in this demo's words: its text (a line break starts a line of its own), the
 * choices A to D, the right letter, one hint, why the answer is right, the lesson's common mistakes (each tied to
 * the wrong choice it leads to), and which of this run's facts show the answer.
 */
public record Question(String id, String text, Map<String, String> choices, String answer, String hint,
                       String explanation, List<Mistake> mistakes, Evidence evidence) {

    /** The letters a learner may answer, in the order they are shown. */
    public static final List<String> LETTERS = List.of("A", "B", "C", "D");

    public Question {
        choices = Map.copyOf(choices);
        mistakes = List.copyOf(mistakes);
    }

    /** A common mistake: the wrong {@code choice} it leads to, and why that choice is wrong. */
    public record Mistake(String choice, String line) {
    }

    /** The lesson's mistakes behind {@code choice}; none for the right answer. */
    public List<String> mistakesFor(String choice) {
        return mistakes.stream().filter(mistake -> mistake.choice().equals(choice)).map(Mistake::line).toList();
    }
}
