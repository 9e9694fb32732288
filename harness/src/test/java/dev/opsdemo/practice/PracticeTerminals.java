package dev.opsdemo.practice;

import dev.opsdemo.exec.Readiness;
import dev.opsdemo.support.Tmux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A practice session on a real terminal, as a learner has it: tmux with the practice on top and, below it, a plain
 * bash that has sourced {@code practice/env.sh} and types the commands the practice screen shows, read off it.
 */
final class PracticeTerminals implements AutoCloseable {

    static final Duration STEP = Duration.ofSeconds(240);
    private static final Tmux.Size TERMINAL = new Tmux.Size(200, 60);
    private static final int LEARNER_ROWS = 20;

    final Tmux practice;
    final Tmux.Pane learner;
    private static final String ANSWER_PROMPT = "your answer (Enter when done): ";

    private int typed;
    private int asked;

    private PracticeTerminals(Tmux practice, Tmux.Pane learner) {
        this.practice = practice;
        this.learner = learner;
    }

    /** {@code harness practice ARGS} in {@code workspace}, and the learner's shell once env.sh is there to source. */
    static PracticeTerminals open(Path dir, Path workspace, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("practice", "--workspace", workspace.toString()));
        argv.addAll(List.of(args));
        Tmux practice = Tmux.harness(dir, TERMINAL, argv.toArray(String[]::new));
        Tmux.Pane learner = practice.splitBelow(dir, LEARNER_ROWS);
        practice.await("your turn", STEP);
        learner.typeLine("source " + workspace.resolve("practice/env.sh"));
        return new PracticeTerminals(practice, learner);
    }

    /** At {@code stepId}: a check before typing names {@code unmet}; after the shown commands, it passes. */
    void notYetThenPassed(String stepId, String unmet) throws Exception {
        mistakeThenPassed(stepId, unmet, null);
    }

    /**
     * As {@link #notYetThenPassed}, where the state before typing is one of the lesson's mistakes: the check also
     * explains it, starting with {@code lesson} (null: no explanation is awaited).
     */
    void mistakeThenPassed(String stepId, String unmet, String lesson) throws Exception {
        awaitStep(stepId);
        practice.send("Enter");
        await("→ ✗ " + unmet);
        if (lesson != null) {
            await("→ common mistake: " + lesson);
        }
        typeShownCommands(stepId);
        practice.send("Enter");
        await("✔ " + stepId + " passed");
    }

    /** Waits until the practice shows {@code text}; a failure shows the learner's shell too. */
    void await(String text) throws InterruptedException {
        try {
            practice.await(text, STEP);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- the learner's shell:\n" + learner.screen(), e);
        }
    }

    /**
     * At a step that only reads: a check before its commands are typed asks its question, and {@code guess} (what a
     * learner might answer without them, "" for nothing) is not yet, with {@code unmet}; once the shown commands
     * are typed, {@code answer} finds the answer in what they printed, and the check passes.
     */
    void answeredOnceTyped(String stepId, String guess, String unmet, Function<String, String> answer)
            throws Exception {
        awaitStep(stepId);
        practice.send("Enter");
        answerQuestion(guess);
        await("→ ✗ " + unmet);
        String printed = typeShownCommands(stepId);
        practice.send("Enter");
        answerQuestion(answer.apply(printed));
        await("✔ " + stepId + " passed");
    }

    /** The first group of {@code regex}'s first match in {@code printed}; fails when there is none. */
    static String found(String printed, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(printed);
        if (!matcher.find()) {
            throw new AssertionError("no " + regex + " in what the learner's commands printed:\n" + printed);
        }
        return matcher.group(1);
    }

    /** Once the next question's prompt is on screen, types {@code text} and Enter there. */
    private void answerQuestion(String text) throws InterruptedException {
        int prompt = ++asked;
        try {
            Readiness.await("question " + prompt + " to be asked", STEP, () -> practice.count(ANSWER_PROMPT) >= prompt);
        } catch (Readiness.NotReadyException e) {
            throw new AssertionError(e.getMessage() + "; the practice shows:\n" + practice.screen(), e);
        }
        if (!text.isEmpty()) {
            practice.send("-l", "--", text);
        }
        practice.send("Enter");
    }

    /** The quiz once every step passed: one key an answer, each once its question is on screen; then the score. */
    void answerQuiz(String... keys) throws InterruptedException {
        for (int i = 0; i < keys.length; i++) {
            await("Question " + (i + 1) + "/" + keys.length + ": ");
            practice.send(keys[i]);
        }
        await("score: ");
    }

    void awaitStep(String stepId) {
        practice.await("] " + stepId + " · ", STEP);
        practice.await("your turn", STEP);
    }

    /**
     * Types the step's commands as its screen shows them, then waits until the learner's shell has run them all;
     * what they printed.
     */
    String typeShownCommands(String stepId) throws InterruptedException {
        List<String> rows = shownCommands(practice.screen(), stepId);
        assertFalse(rows.isEmpty(), practice.screen());
        return type(rows);
    }

    /** Types {@code rows} in the learner's shell and waits until it has run them; what they printed. */
    String type(List<String> rows) throws InterruptedException {
        typed++;
        // The typed lines show the arithmetic; only their output shows the number.
        String start = "typing " + typed;
        String done = "typed " + typed + " done";
        learner.typeLine("echo \"typing $((" + typed + "+0))\"");
        for (String row : rows) {
            learner.typeLine(row);
        }
        learner.typeLine("echo \"typed $((" + typed + "+0)) done\"");
        learner.await(done, STEP);
        List<String> lines = learner.screen().lines().map(String::strip).toList();
        return String.join("\n", lines.subList(lines.lastIndexOf(start) + 1, lines.lastIndexOf(done)));
    }

    /**
     * The rows of the {@code $} lines under the step's last header on screen, as typed: a row that ends with
     * {@code " \"} goes on in the next (bash reads them back as the one command).
     */
    static List<String> shownCommands(String screen, String stepId) {
        List<String> lines = screen.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("] " + stepId + " · ")) {
                header = i;
            }
        }
        return header < 0 ? List.of() : commandRows(lines, header + 1);
    }

    /** The command rows from line {@code from} on, up to the first line that is none. */
    private static List<String> commandRows(List<String> lines, int from) {
        List<String> rows = new ArrayList<>();
        boolean continued = false;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.startsWith("  $ ") || continued) {
                String row = line.startsWith("  $ ") && !continued ? line.substring(4) : line.strip();
                rows.add(row);
                continued = row.endsWith(" \\");
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }

    /** The rows of the last {@code $} lines on screen (a command a check gave), as typed. */
    static List<String> lastShownCommands(String screen) {
        List<String> lines = screen.lines().toList();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  $ ") && (i == 0 || !lines.get(i - 1).startsWith("  $ "))) {
                last = i;
            }
        }
        return last < 0 ? List.of() : commandRows(lines, last);
    }

    @Override
    public void close() throws InterruptedException {
        practice.close();
    }
}
