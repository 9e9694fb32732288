package dev.opsdemo.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a lane gives the shell a user opens off-script, as it stands now: the directory its commands run in, and
 * the variables they rely on (the venv on PATH, the tracking server's URI, git's credential helper). No secret is a
 * value here: a helper that reads a file of its own, never the password itself. {@code setup}: lines the learner's
 * own shell runs once it has them ({@code practice/env.sh}): loading a secrets file by its name, or a reminder of
 * what only the learner can export. {@code signIn}: of those, the line that loads a secrets file the harness keeps
 * (the stack's), which the off-script shell shows rather than runs, as its variables would then hold the password
 * for anyone who types {@code env} on the projector; null when there is none.
 */
public record ShellContext(Path directory, Map<String, String> environment, List<String> setup, String signIn) {

    public ShellContext {
        environment = Map.copyOf(environment);
        setup = List.copyOf(setup);
    }

    public ShellContext(Path directory, Map<String, String> environment, List<String> setup) {
        this(directory, environment, setup, null);
    }

    public ShellContext(Path directory, Map<String, String> environment) {
        this(directory, environment, List.of());
    }
}
