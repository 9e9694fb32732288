package dev.opsdemo.devops;

import org.eclipse.jgit.lib.ProgressMonitor;

import java.util.function.Consumer;

/**
 * JGit's progress as git prints it when a task ends ({@code Writing objects: 100% (3/3), done.}): one line per
 * task, since streamed transcripts have no carriage returns to redraw with.
 */
final class LineProgressMonitor implements ProgressMonitor {

    private final Consumer<String> lines;
    private String task;
    private int total;
    private int done;

    LineProgressMonitor(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
        task = title;
        total = totalWork;
        done = 0;
    }

    @Override
    public void update(int completed) {
        done += completed;
    }

    @Override
    public void endTask() {
        if (task == null || (done == 0 && total <= 0)) {
            task = null;
            return;
        }
        if (total == UNKNOWN || total <= 0) {
            lines.accept(task + ": " + done + ", done.");
        } else {
            lines.accept(task + ": " + (100L * done / total) + "% (" + done + "/" + total + "), done.");
        }
        task = null;
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
