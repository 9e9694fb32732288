package dev.opsdemo.practice;

import dev.opsdemo.demo.Practice;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepAction;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepSkippedException;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A step the learner does: its action in practice. It waits for the learner's choice, and on Enter reads the real
 * systems through the step's check: passed when every condition holds, else each unmet one named (and a mistake the
 * lesson names, explained); at a step that only reads, the learner then answers a question on what it showed.
 * Hints come one at a time; "show me" does the step the demo's way; skip and quit end it.
 * What it says goes to the step's output as the harness's own lines, so the records keep every attempt.
 */
final class Attempt implements StepAction {

    private final Step step;
    private final Supplier<Learner> learner;
    private final Progress progress;

    Attempt(Step step, Supplier<Learner> learner, Progress progress) {
        this.step = step;
        this.learner = learner;
        this.progress = progress;
    }

    /** The read-back question and the learner's answer, kept in the records; what is unmet when it is wrong. */
    private List<Practice.Unmet> askBack(StepContext context, Practice.ReadBack readBack) throws Exception {
        context.note("question: " + readBack.question());
        String answer = learner.get().answer(step);
        if (answer == null) {
            throw new InterruptedException("quit by the learner (q)");
        }
        answer = answer.strip();
        if (answer.isEmpty()) {
            return List.of(Practice.Unmet.of("no answer: the commands above print it, in your terminal"));
        }
        String wrong = readBack.judge().wrong(answer);
        context.note("your answer: " + answer);
        return wrong == null ? List.of() : List.of(Practice.Unmet.of(wrong));
    }

    @Override
    public void run(StepContext context) throws Exception {
        Practice practice = step.practice();
        long started = System.nanoTime();
        Instant since = Instant.now();
        int checks = 0;
        int hints = 0;
        Progress.Outcome outcome = Progress.Outcome.open;
        try {
            while (true) {
                switch (learner.get().next(step)) {
                    case CHECK -> {
                        checks++;
                        List<Practice.Unmet> unmet;
                        try {
                            unmet = practice.check().check(context, since);
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception e) {
                            // A system the check reads did not answer as expected: the learner may try again.
                            unmet = List.of(Practice.Unmet.of("the check could not read what it needs: "
                                    + e.getMessage()));
                        }
                        if (unmet.isEmpty() && practice.readBack() != null) {
                            unmet = askBack(context, practice.readBack());
                        }
                        if (unmet.isEmpty()) {
                            context.note("✓ check " + checks + ": every condition holds");
                            outcome = Progress.Outcome.passed;
                            return;
                        }
                        context.note("not yet (check " + checks + "):");
                        for (Practice.Unmet condition : unmet) {
                            context.note("✗ " + condition.what());
                            if (condition.lesson() != null) {
                                context.note("common mistake: " + condition.lesson());
                            }
                            if (condition.command() != null) {
                                context.command(condition.command());
                            }
                        }
                    }
                    case HINT -> {
                        if (hints < practice.hints().size()) {
                            context.note("hint " + (hints + 1) + " of " + practice.hints().size() + ": "
                                    + practice.hints().get(hints));
                            hints++;
                        } else {
                            context.note("no more hints: s shows the step done the demo's way");
                        }
                    }
                    case SHOW_ME -> {
                        context.note("show me: the harness does " + step.id() + " the demo's way");
                        step.action().run(context);
                        outcome = Progress.Outcome.shown;
                        return;
                    }
                    case SKIP -> {
                        outcome = Progress.Outcome.skipped;
                        throw new StepSkippedException("skipped by the learner (n): the steps after it check "
                                + "what the systems hold, so they may need what it would have done");
                    }
                    case SHELL -> learner.get().shell(step);
                    case QUIT -> throw new InterruptedException("quit by the learner (q)");
                }
            }
        } finally {
            progress.add(step.id(), outcome, checks, hints, (System.nanoTime() - started) / 1e9);
        }
    }
}
