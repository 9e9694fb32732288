package dev.opsdemo.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.text.TextWrap;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's quiz after a passed run: asks the questions one by one, takes one answer each (A-D; {@code h} shows
 * the question's hint once; anything else is asked again with the reason), then shows the right answer, why, the
 * mistake behind a wrong choice and this run's evidence for it. Ends with the score, written to {@code quiz.json}.
 * Its lines are plain and fit 80 columns (fewer on a narrower terminal).
 */
public final class QuizSession {

    /** The widest a line gets: one column short of 80, as the harness's other prose on a terminal. */
    static final int MAX_WIDTH = 79;
    private static final String ASK = "answer A, B, C or D (h: a hint):";

    private final List<Question> questions;
    private final RunEvidence evidence;
    private final Answers answers;
    private final PrintStream out;
    private final int width;

    /**
     * {@code facts}: the run's recorded facts (summary.json's {@code facts}); {@code columns}: the terminal's width,
     * 0 when unknown (the lines then fit 80 columns).
     */
    public QuizSession(List<Question> questions, JsonNode facts, Answers answers, PrintStream out, int columns) {
        this.questions = List.copyOf(questions);
        this.evidence = new RunEvidence(facts);
        this.answers = answers;
        this.out = out;
        this.width = columns > 0 ? Math.min(MAX_WIDTH, columns - 1) : MAX_WIDTH;
    }

    /**
     * Asks every question, or those the answers last for, writes the result to {@code record} and says the score.
     *
     * @throws InterruptedException when Ctrl-C stops the run meanwhile (nothing is recorded)
     */
    public QuizResult run(Path record) throws IOException, InterruptedException {
        out.println();
        say("Quiz: " + questions.size() + " questions on what this run just showed. Answer each with A, B, C or "
                + "D; h shows its hint.", "", 0);
        List<QuizResult.Answered> answered = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            QuizResult.Answered answer = ask(i + 1, questions.get(i));
            if (answer == null) {
                say("The quiz stops here: " + answers.source() + " ended before question " + (i + 1) + " was "
                        + "answered (" + answered.size() + " of " + questions.size() + " answered). Give one answer "
                        + "per question, a line each: A, B, C or D.", "", 2);
                break;
            }
            answered.add(answer);
        }
        QuizResult result = QuizResult.of(answered, questions.size());
        result.write(record);
        out.println();
        // One line whatever its width: a path cut in two can be neither clicked nor copied.
        out.println("score: " + result.scoreText() + (result.complete() ? ""
                : " (" + answered.size() + " of " + questions.size() + " answered)") + " · recorded in " + record);
        out.flush();
        return result;
    }

    /** One question until it is answered; null when the answers end first. */
    private QuizResult.Answered ask(int number, Question question) throws IOException, InterruptedException {
        out.println();
        String[] text = question.text().split("\n");
        say("Question " + number + "/" + questions.size() + ": " + text[0], "", 2);
        for (int i = 1; i < text.length; i++) {
            say(text[i], "    ", 7);  // a statement the choices refer to by its number
        }
        for (String letter : Question.LETTERS) {
            say(question.choices().get(letter), "  " + letter + ". ", 5);
        }
        say(ASK, "", 2);
        boolean hintShown = false;
        while (true) {
            out.flush();
            String typed = answers.next();
            if (typed == null) {
                return null;
            }
            String key = typed.strip().toUpperCase(Locale.ROOT);
            if (Question.LETTERS.contains(key)) {
                QuizResult.Answered answer = new QuizResult.Answered(number, question.id(), key, question.answer(),
                        key.equals(question.answer()), hintShown);
                explain(question, answer);
                return answer;
            }
            if (key.equals("H")) {
                if (hintShown) {
                    say("The hint is above; " + ASK, "", 2);
                } else {
                    say("Hint: " + question.hint(), "", 2);
                    say(ASK, "", 2);
                    hintShown = true;
                }
            } else {
                say((key.isEmpty() ? "An empty answer" : "\"" + shown(typed) + "\"") + " is not one of the "
                        + "choices; " + ASK, "", 2);
            }
        }
    }

    /** The verdict, the right answer, the mistake behind a wrong one, why, and this run's evidence. */
    private void explain(Question question, QuizResult.Answered answer) {
        String right = question.answer() + ": " + question.choices().get(question.answer());
        say(answer.right() ? right.replaceFirst(":", " is right:")
                : answer.chosen() + " is not right; the answer is " + right, "", 2);
        for (String mistake : question.mistakesFor(answer.chosen())) {
            say("Common mistake: " + mistake, "", 2);
        }
        say("Why: " + question.explanation(), "", 2);
        say("This run's evidence:", "", 2);
        evidence.lines(question.evidence()).forEach(line -> say(line, "  - ", 4));
        // A command to run: whole, on a line of its own, so that it can be copied.
        evidence.commands(question.evidence()).forEach(command -> out.println("  $ " + command));
    }

    /**
     * {@code text} wrapped to the quiz's width after {@code prefix} (its first line only), later lines indented to
     * {@code hang} columns.
     */
    private void say(String text, String prefix, int hang) {
        List<String> lines = TextWrap.wrap(text, width - prefix.length(), Math.max(0, hang - prefix.length()));
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? prefix : " ".repeat(prefix.length())) + lines.get(i));
        }
    }

    /** What was typed, as a line can show it: control keys as ?, and no longer than a short word. */
    private static String shown(String typed) {
        String printable = typed.strip().replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
    }
}
