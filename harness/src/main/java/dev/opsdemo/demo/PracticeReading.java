package dev.opsdemo.demo;

import dev.opsdemo.exec.Cleanup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a learner is, read from the real systems by their lane's practice checks, from somewhere other than the
 * learner's seat (the teacher's view of a class): the lane's steps in order, each practised one through its check
 * as the practice's Enter runs it, with nothing typed, shown or asked back. A step of the harness's own (the server
 * step) is done as the lane does it. A step whose check reads the learner's own machine is passed by. The first
 * step whose check finds something unmet is where the learner is; the steps after it are not reached.
 */
public final class PracticeReading {

    /** What the systems show of one step. */
    public enum State {
        /** Its check holds. */
        done,
        /** The first step whose check does not hold yet: where the learner is. */
        current,
        /** Its check reads the learner's own machine, which this reading cannot reach. */
        local,
        /** After the current step. */
        ahead
    }

    /** One step's reading; {@code detail}: the first unmet condition of the current step, else null. */
    public record StepState(String id, String title, State state, String detail) {
    }

    private PracticeReading() {
    }

    /**
     * The lane's practised steps as the systems show them; {@code since}: what counts (a run made before it does
     * not). The checks run in order, each on what the ones before it read (as in the practice), up to the first
     * that finds something unmet: where the learner is. Processes or servers the lane's own steps start are stopped
     * before it returns.
     */
    public static List<StepState> read(Lane lane, Instant since) {
        List<StepState> states = new ArrayList<>();
        String stuck = null;
        boolean current = false;
        try (Cleanup cleanup = new Cleanup(problem -> { })) {
            StepContext context = new StepContext(line -> { }, new Secrets(), cleanup);
            for (Step step : lane.steps()) {
                Practice practice = step.practice();
                if (practice == null) {
                    if (stuck == null) {
                        stuck = harnessStep(step, context);
                    }
                    continue;
                }
                State state;
                String detail = null;
                if (practice.local()) {
                    state = State.local;
                } else if (current) {
                    state = State.ahead;
                } else if (stuck != null) {
                    // A step of the harness's own that failed holds up the first step after it.
                    state = State.current;
                    detail = stuck;
                } else {
                    List<Practice.Unmet> unmet = check(practice, context, since);
                    state = unmet.isEmpty() ? State.done : State.current;
                    detail = unmet.isEmpty() ? null : unmet.get(0).what();
                }
                current |= state == State.current;
                states.add(new StepState(step.id(), step.title(), state, detail));
            }
        }
        return states;
    }

    /** Null when the step (a server of the harness's own) did what the steps after it need; else why not. */
    private static String harnessStep(Step step, StepContext context) {
        try {
            step.command().get();  // what the runner asks for first: a lane plans its server as it says its command
            step.action().run(context);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return step.id() + ": " + e.getMessage();
        }
    }

    private static List<Practice.Unmet> check(Practice practice, StepContext context, Instant since) {
        try {
            return practice.check().check(context, since);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Practice.Unmet.of("interrupted"));
        } catch (Exception e) {
            return List.of(Practice.Unmet.of("the check could not read what it needs: " + e.getMessage()));
        }
    }
}
