package dev.opsdemo.practice;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.Step;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.quiz.Answers;
import dev.opsdemo.report.ConsoleListener;
import dev.opsdemo.workspace.Workspace;

import java.io.PrintStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code harness practice}: the lanes' steps with the learner doing each step that has a check ({@link Attempt}),
 * the harness the rest (the servers), and the steps an earlier session in the workspace finished done again first,
 * quietly and the demo's way, so that the session resumes where the learner stopped. Its files are in
 * {@code <workspace>/practice/}: env.sh and progress.json.
 */
public final class PracticeSession {

    private final Path dir;
    private final Progress progress;
    private volatile Learner learner;
    private Set<String> redone = Set.of();

    public PracticeSession(Workspace workspace) {
        this.dir = workspace.root().resolve("practice");
        this.progress = Progress.in(dir);
        try {
            // Where the shown commands send a server's output (> logs/devops.deploy.log), as the demo's steps do.
            Files.createDirectories(workspace.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workspace.logs(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The lanes as the learner practises them. */
    public List<Lane> lanes(List<Lane> lanes) {
        redone = lanes.stream().flatMap(lane -> lane.steps().stream())
                .filter(step -> step.practice() != null && progress.done(step.id())).map(Step::id)
                .collect(Collectors.toSet());
        return lanes.stream().map(lane -> new Lane(lane.name(), lane.steps().stream().map(this::practised).toList(),
                lane.values(), lane.story(), lane.shell())).toList();
    }

    private Step practised(Step step) {
        return step.practice() == null || redone.contains(step.id()) ? step
                : step.practising(new Attempt(step, () -> learner, progress));
    }

    /** {@code keyboard} null: the learner's choices are lines of {@code lines}. */
    public RunListener presenter(ConsoleListener console, PrintStream out, Keyboard keyboard, Answers lines,
                                 Path workspace, Supplier<AutoCloseable> pauseInterrupts) {
        PracticePresenter presenter = new PracticePresenter(console, out, keyboard, lines,
                new EnvScript(dir.resolve("env.sh"), workspace), progress, redone, pauseInterrupts);
        learner = presenter;
        return presenter;
    }
}
