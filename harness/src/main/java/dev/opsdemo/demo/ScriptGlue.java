package dev.opsdemo.demo;

import java.util.List;

/**
 * What the learner's script ({@code harness commands}) adds around a step's own lines, for what the harness does in
 * Java and a script must do in bash: choosing a free port before the step, starting a server the harness runs
 * in-process, reading a value back for later steps, or choosing in bash between the lines a step picks from when it
 * starts ({@link #instead}). Lines that assign {@code NAME=} make NAME a variable the script sets while it runs;
 * every other {@code ${NAME}} of the step's lines is assigned at the script's top from the lane's values.
 *
 * @param instead null, or the lines that stand for the step's own (built from the same {@link Command}s, with
 *                {@link Command#asScript}), e.g. both branches of a step that runs something only when needed
 */
public record ScriptGlue(List<String> before, List<String> after, List<String> instead) {

    /** The step's lines are the whole of it. */
    public static final ScriptGlue NONE = new ScriptGlue(List.of(), List.of(), null);

    public ScriptGlue {
        before = List.copyOf(before);
        after = List.copyOf(after);
        instead = instead == null ? null : List.copyOf(instead);
    }

    public ScriptGlue(List<String> before, List<String> after) {
        this(before, after, null);
    }

    public static ScriptGlue before(String... lines) {
        return new ScriptGlue(List.of(lines), List.of());
    }

    public static ScriptGlue after(String... lines) {
        return new ScriptGlue(List.of(), List.of(lines));
    }

    public static ScriptGlue instead(List<String> lines) {
        return new ScriptGlue(List.of(), List.of(), lines);
    }

    /** One template line as the script runs it (see {@link Command#asScript}). */
    public static String script(String templateLine) {
        return Command.of(templateLine).asScript().get(0);
    }
}
