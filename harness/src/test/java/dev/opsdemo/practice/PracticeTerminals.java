package dev.opsdemo.practice;

import dev.opsdemo.support.Tmux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private int typed;

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

    /** At a step that only reads: the learner types its commands, and the check passes on what is there. */
    void typedThenPassed(String stepId) throws Exception {
        awaitStep(stepId);
        typeShownCommands(stepId);
        practice.send("Enter");
        await("✔ " + stepId + " passed");
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

    /** Types the step's commands as its screen shows them, then waits until the learner's shell has run them all. */
    void typeShownCommands(String stepId) throws InterruptedException {
        List<String> rows = shownCommands(practice.screen(), stepId);
        assertFalse(rows.isEmpty(), practice.screen());
        type(rows);
    }

    /** Types {@code rows} in the learner's shell and waits until it has run them. */
    void type(List<String> rows) throws InterruptedException {
        for (String row : rows) {
            learner.typeLine(row);
        }
        typed++;
        // The typed line shows the arithmetic; only its output shows the number.
        learner.typeLine("echo \"typed $((" + typed + "+0)) done\"");
        learner.await("typed " + typed + " done", STEP);
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
