package dev.opsdemo.demo;

import java.util.List;
import java.util.function.Supplier;

/**
 * One step of a lane, as data: an id ({@code devops.push}), its lane and stage, a caption that teaches the
 * point, the shell lines a learner would type for the same effect, and the action that really does it. The command
 * is asked for when the step starts, so a lane can pick the lines that fit what it found (a first commit or a later
 * one, a local server or a container); the runner then fills in the run's values.
 */
public record Step(String id, String lane, Stage stage, String title, String caption, Supplier<Command> command,
                   StepAction action, Supplier<ScriptGlue> script, Practice practice) {

    /** A step of the harness's own in practice ({@code practice} null: see {@link #practised}). */
    public Step(String id, String lane, Stage stage, String title, String caption, Supplier<Command> command,
                StepAction action, Supplier<ScriptGlue> script) {
        this(id, lane, stage, title, caption, command, action, script, null);
    }

    /** A step whose part of the learner's script is its own lines, nothing around them. */
    public Step(String id, String lane, Stage stage, String title, String caption, Supplier<Command> command,
                StepAction action) {
        this(id, lane, stage, title, caption, command, action, () -> ScriptGlue.NONE);
    }

    public Step(String id, String lane, Stage stage, String title, String caption, Command command,
                StepAction action) {
        this(id, lane, stage, title, caption, () -> command, action);
    }

    public Step(String id, String lane, Stage stage, String title, String caption, String command,
                StepAction action) {
        this(id, lane, stage, title, caption, Command.of(command), action);
    }

    /** This step's part of the learner's script is its own lines with {@code glue} (see {@link ScriptGlue}). */
    public Step scripted(ScriptGlue glue) {
        return scripted(() -> glue);
    }

    /** As {@link #scripted(ScriptGlue)}, with glue made only when a script is (it may read the lane's data). */
    public Step scripted(Supplier<ScriptGlue> glue) {
        return new Step(id, lane, stage, title, caption, command, action, glue, practice);
    }

    /**
     * A step the learner does in practice: they type its commands, then {@code check} reads the real systems;
     * {@code hints} come one at a time.
     */
    public Step practised(Practice.StepCheck check, String... hints) {
        return new Step(id, lane, stage, title, caption, command, action, script,
                new Practice(check, List.of(hints), null, null, false));
    }

    /**
     * As {@link #practised(Practice.StepCheck, String...)}, where the learner types {@code lines} rather than the
     * step's own command: the demo's step decides some of its calls as it goes (whether the registered model
     * exists), which the learner is given all at once.
     */
    public Step practised(Supplier<Command> lines, Practice.StepCheck check, String... hints) {
        return new Step(id, lane, stage, title, caption, command, action, script,
                new Practice(check, List.of(hints), lines, null, false));
    }

    /**
     * A practised step whose commands only read: once its check passes, the learner answers {@code question} on what
     * they printed, and {@code judge} compares it with the check's reading (see {@link Practice.ReadBack}).
     */
    public Step askingBack(String question, Practice.ReadBack.Judge judge) {
        if (practice == null) {
            throw new IllegalStateException(id + " is not practised: a question needs its check first");
        }
        return new Step(id, lane, stage, title, caption, command, action, script,
                practice.withReadBack(new Practice.ReadBack(question, judge)));
    }

    /**
     * A practised step whose check reads what runs on the learner's own machine (a server they started there), so
     * that a reading of their work from elsewhere passes it by ({@link PracticeReading}).
     */
    public Step onTheLearnersMachine() {
        if (practice == null) {
            throw new IllegalStateException(id + " is not practised");
        }
        return new Step(id, lane, stage, title, caption, command, action, script, practice.onTheLearnersMachine());
    }

    /** The step as the learner practises it: their commands shown, {@code attempt} its action. */
    public Step practising(StepAction attempt) {
        Supplier<Command> shown = practice != null && practice.typed() != null ? practice.typed() : command;
        return new Step(id, lane, stage, title, caption, shown, attempt, script, practice);
    }

}
