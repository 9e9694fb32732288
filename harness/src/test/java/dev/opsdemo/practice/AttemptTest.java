package dev.opsdemo.practice;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.Practice;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Stage;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepGate;
import dev.opsdemo.demo.StepStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A practised step on stand-in checks: what each choice does, what the step's output (the records) keeps of it, and
 * what progress.json adds up. The real checks on real systems are PracticeDevopsTest's.
 */
class AttemptTest {

    @TempDir
    Path dir;

    /** Choices in order; QUIT once they run out, as at the end of stdin. */
    private static Learner scripted(Learner.Choice... choices) {
        return scripted(List.of(), choices);
    }

    /** As {@link #scripted(Learner.Choice...)}, with {@code answers} to the questions asked back, in order. */
    private static Learner scripted(List<String> answers, Learner.Choice... choices) {
        Deque<Learner.Choice> left = new ArrayDeque<>(List.of(choices));
        Deque<String> answersLeft = new ArrayDeque<>(answers);
        return new Learner() {
            @Override
            public Choice next(Step step) {
                return left.isEmpty() ? Choice.QUIT : left.poll();
            }

            @Override
            public String answer(Step step) {
                return answersLeft.poll();
            }

            @Override
            public void shell(Step step) {
            }
        };
    }

    private RunSummary practise(Step step, Learner learner, Progress progress) {
        Step practised = step.practising(new Attempt(step, () -> learner, progress));
        return new Runner(List.of(), new Secrets(), null).run(List.of(new Lane("lane", List.of(practised))),
                Schedule.INTERLEAVED, StepGate.ALWAYS_RUN);
    }

    @Test
    void aCheckSaysWhatIsUnmetUntilTheSystemsHoldItAndHintsComeOneAtATime() {
        AtomicBoolean typed = new AtomicBoolean();
        Step step = new Step("lane.push", "lane", Stage.RELEASE, "Push", "caption", "git push",
                context -> context.out("the demo's way")).practised((context, since) -> {
                    if (!typed.getAndSet(true)) {
                        return List.of(Practice.Unmet.of("the remote's main is still a1b2c3d"),
                                Practice.Unmet.mistake("the tests fail", "pushing while a test fails"));
                    }
                    return List.of();
                }, "first hint", "second hint");
        Progress progress = Progress.in(dir);
        RunSummary summary = practise(step, scripted(Learner.Choice.CHECK, Learner.Choice.HINT,
                Learner.Choice.HINT, Learner.Choice.HINT, Learner.Choice.CHECK), progress);

        assertTrue(summary.passed(), summary.toString());
        assertEquals(List.of("→ not yet (check 1):", "→ ✗ the remote's main is still a1b2c3d",
                "→ ✗ the tests fail", "→ common mistake: pushing while a test fails", "→ hint 1 of 2: first hint",
                "→ hint 2 of 2: second hint", "→ no more hints: s shows the step done the demo's way",
                "→ ✓ check 2: every condition holds"), summary.results().get(0).output());
        Progress.StepRecord record = Progress.in(dir).of("lane.push");
        assertEquals(Progress.Outcome.passed, record.outcome());
        assertEquals(2, record.checks());
        assertEquals(2, record.hints());
        assertTrue(Progress.in(dir).done("lane.push"));
    }

    @Test
    void showMeDoesTheStepTheDemosWaySkipGoesOnAndQuitStopsTheRunWithTheStepOpen() {
        Step shown = new Step("lane.build", "lane", Stage.BUILD, "Build", "caption", "mvn package",
                context -> context.out("built the demo's way")).practised((context, since) -> List.of());
        RunSummary showMe = practise(shown, scripted(Learner.Choice.SHOW_ME), Progress.in(dir));
        assertEquals(List.of("→ show me: the harness does lane.build the demo's way", "built the demo's way"),
                showMe.results().get(0).output());
        assertEquals(Progress.Outcome.shown, Progress.in(dir).of("lane.build").outcome());

        Step skipped = new Step("lane.tests", "lane", Stage.EVALUATE, "Tests", "caption", "grep", context -> { })
                .practised((context, since) -> List.of(Practice.Unmet.of("never")));
        RunSummary skip = practise(skipped, scripted(Learner.Choice.SKIP), Progress.in(dir));
        assertEquals(StepStatus.SKIPPED, skip.results().get(0).status());
        assertEquals(0, skip.exitCode(), "a skip is no failure");
        assertEquals(Progress.Outcome.skipped, Progress.in(dir).of("lane.tests").outcome());

        RunSummary quit = practise(skipped, scripted(), Progress.in(dir));
        assertEquals(StepStatus.INTERRUPTED, quit.results().get(0).status());
        assertEquals(130, quit.exitCode());
        assertEquals("quit by the learner (q) during lane.tests", quit.results().get(0).failure());
        assertEquals(Progress.Outcome.open, Progress.in(dir).of("lane.tests").outcome());
        assertEquals(2, Progress.in(dir).of("lane.tests").sessions(), "added up over both sessions");
    }

    @Test
    void aStepThatOnlyReadsAsksBackWhatItShowedOnceItsCheckPassesAndNamesAWrongAnswer() {
        AtomicBoolean trained = new AtomicBoolean();
        Step step = new Step("lane.inspect", "lane", Stage.VERSION, "Inspect", "caption", "curl", context -> { })
                .practised((context, since) -> trained.getAndSet(true) ? List.of()
                        : List.of(Practice.Unmet.of("there is no run to read")))
                .askingBack("Which digest?", answer -> answer.equals("ec51e379") ? null : "not " + answer);
        RunSummary summary = practise(step, scripted(List.of("  ", "abc", "ec51e379"), Learner.Choice.CHECK,
                Learner.Choice.CHECK, Learner.Choice.CHECK, Learner.Choice.CHECK), Progress.in(dir));

        assertTrue(summary.passed(), summary.toString());
        assertEquals(List.of("→ not yet (check 1):", "→ ✗ there is no run to read",
                "→ question: Which digest?", "→ not yet (check 2):",
                "→ ✗ no answer: the commands above print it, in your terminal",
                "→ question: Which digest?", "→ your answer: abc", "→ not yet (check 3):", "→ ✗ not abc",
                "→ question: Which digest?", "→ your answer: ec51e379", "→ ✓ check 4: every condition holds"),
                summary.results().get(0).output());
    }

    @Test
    void aTypedChoiceIsReadAsTheScreenNamesIt() {
        assertEquals(Learner.Choice.CHECK, Learner.choice(""));
        assertEquals(Learner.Choice.HINT, Learner.choice("h"));
        assertEquals(Learner.Choice.SHOW_ME, Learner.choice(" S "));
        assertEquals(Learner.Choice.SKIP, Learner.choice("n"));
        assertEquals(Learner.Choice.SHELL, Learner.choice("!"));
        assertEquals(Learner.Choice.QUIT, Learner.choice("q"));
        assertNull(Learner.choice("x"));
    }
}
