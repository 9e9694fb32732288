package dev.opsdemo.practice;

import dev.opsdemo.demo.Step;

import java.io.IOException;

/** Where a practising learner's choices come from: keys on a live terminal, or one line each in CI mode. */
public interface Learner {

    /** What the learner can ask for at a step's prompt. */
    enum Choice { CHECK, HINT, SHOW_ME, SKIP, SHELL, QUIT }

    /** The prompt's keys, in the words the screen shows them. */
    String KEYS = "[Enter] check · [h] hint · [s] show me · [n] skip · [!] a shell · [q] quit";

    /** The learner's next choice at {@code step}'s prompt; {@link Choice#QUIT} when the input ends. */
    Choice next(Step step) throws IOException, InterruptedException;

    /** The learner's answer to a step's question (its prompt is on screen already); null when the input ends. */
    String answer(Step step) throws IOException, InterruptedException;

    /** A shell of the learner's own with the practice's environment ({@code !}), until it exits. */
    void shell(Step step) throws InterruptedException;

    /** One key or line as a choice, null for one that means nothing here. */
    static Choice choice(String typed) {
        return switch (typed.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "c", "check" -> Choice.CHECK;
            case "h", "hint" -> Choice.HINT;
            case "s", "show", "show me" -> Choice.SHOW_ME;
            case "n", "skip" -> Choice.SKIP;
            case "!" -> Choice.SHELL;
            case "q", "quit" -> Choice.QUIT;
            default -> null;
        };
    }
}
