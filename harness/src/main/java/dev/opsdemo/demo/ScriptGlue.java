package dev.opsdemo.demo;

import java.util.List;

/**
 * What the learner's script ({@code harness commands}) adds around a step's own lines, for what the harness does in
 * Java and a script must do in bash: choosing a free port before the step, starting a server the harness runs
 * in-process, or reading a value back for later steps. Lines that assign {@code NAME=} make NAME a variable the
 * script sets while it runs; every other {@code ${NAME}} of the step's lines is assigned at the script's top from
 * the lane's values.
 */
public record ScriptGlue(List<String> before, List<String> after) {

    /** The step's lines are the whole of it. */
    public static final ScriptGlue NONE = new ScriptGlue(List.of(), List.of());

    public ScriptGlue {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public static ScriptGlue before(String... lines) {
        return new ScriptGlue(List.of(lines), List.of());
    }

    public static ScriptGlue after(String... lines) {
        return new ScriptGlue(List.of(), List.of(lines));
    }
}
