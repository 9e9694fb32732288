package dev.opsdemo.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lines of commands that run side by side, shown as if they had run one after the other: the first command's
 * lines pass through as they come; a later one's are held until every command before it is done. So each output
 * stays under its own command line, and the transcript reads the same as a run of the commands in turn.
 */
public final class InOrder {

    private final Consumer<String> out;
    private final List<List<String>> held = new ArrayList<>();
    private final boolean[] done;
    private int current;

    public InOrder(int commands, Consumer<String> out) {
        this.out = out;
        this.done = new boolean[commands];
        for (int i = 0; i < commands; i++) {
            held.add(new ArrayList<>());
        }
    }

    /** Where command {@code index} (0 first) writes its lines. */
    public Consumer<String> lines(int index) {
        return line -> accept(index, line);
    }

    /** Command {@code index} has ended: the next ones' held lines follow, as far as they are done too. */
    public synchronized void done(int index) {
        done[index] = true;
        while (current < done.length && done[current]) {
            current++;
            if (current < done.length) {
                held.get(current).forEach(out);
                held.get(current).clear();
            }
        }
    }

    private synchronized void accept(int index, String line) {
        if (index == current) {
            out.accept(line);
        } else {
            held.get(index).add(line);
        }
    }
}
