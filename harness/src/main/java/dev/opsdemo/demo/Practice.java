package dev.opsdemo.demo;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a learner does a step themselves ({@code harness practice}): the check that reads the real systems once they
 * have typed its commands, and the hints, given one at a time. A step without one is the harness's to do (a server
 * the learner's steps need). {@code typed}: what the learner types when it is not the step's own command (null: it
 * is). {@code readBack}: for a step whose commands only read, what they showed, asked back (null: the step leaves
 * state behind that its check finds). {@code local}: its check reads a process on the learner's own machine (a
 * server they started), which a reading from elsewhere cannot reach ({@link PracticeReading}: the teacher's view).
 */
public record Practice(StepCheck check, List<String> hints, Supplier<Command> typed, ReadBack readBack,
                       boolean local) {

    public Practice {
        hints = List.copyOf(hints);
    }

    public Practice withReadBack(ReadBack readBack) {
        return new Practice(check, hints, typed, readBack, local);
    }

    public Practice onTheLearnersMachine() {
        return new Practice(check, hints, typed, readBack, true);
    }

    /**
     * A step that only reads (a report, a run) changes nothing a check could find, and what it leaves is what the
     * learner now knows. So once its check has read the same systems (and found what the step needs there), the
     * learner is asked {@code question}, on what the commands printed, and {@code judge} compares the answer with
     * the check's reading.
     */
    public record ReadBack(String question, Judge judge) {

        /** The learner's answer against the check's reading. */
        @FunctionalInterface
        public interface Judge {
            /** Null when {@code answer} (stripped, not blank) agrees; else why not, without giving the answer away. */
            String wrong(String answer);
        }
    }

    /**
     * Reads the real systems after the learner's commands. When every condition holds it records the step's facts
     * ({@link StepContext#record}), through the same reading the demo's action uses, and returns nothing; otherwise
     * what is not met yet, each in words that name what the systems show. {@code since}: when the step began, so
     * that what the learner made is told from what was there before (a run in the tracking server).
     */
    @FunctionalInterface
    public interface StepCheck {
        List<Unmet> check(StepContext context, Instant since) throws Exception;
    }

    /**
     * One condition the systems do not meet yet ({@code what}: "the remote's main is still a1b2c3d"); when the state
     * is one the lesson names as a common mistake, why it matters ({@code lesson}); and when the condition asks for a
     * command whose values only the state gives (a version's number), that command ({@code command}). Null: none.
     */
    public record Unmet(String what, String lesson, String command) {

        public static Unmet of(String what) {
            return new Unmet(what, null, null);
        }

        public static Unmet mistake(String what, String lesson) {
            return new Unmet(what, lesson, null);
        }

        /** A condition met by typing {@code command}, shown under it. */
        public static Unmet typing(String what, String command) {
            return new Unmet(what, null, command);
        }
    }
}
