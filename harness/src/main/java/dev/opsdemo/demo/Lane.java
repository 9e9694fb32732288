package dev.opsdemo.demo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A named, ordered list of steps, the lane's values its commands' {@code ${NAME}}s are filled from (null for a name
 * it does not know yet), how the reports tell its part, and what a shell the user opens off-script needs to run the
 * lane's commands by hand (null: nothing). Lanes only describe; the {@link Runner} executes.
 */
public record Lane(String name, List<Step> steps, Function<String, String> values, LaneStory story,
                   Supplier<ShellContext> shell) {

    public Lane {
        steps = List.copyOf(steps);
    }

    public Lane(String name, List<Step> steps, Function<String, String> values, LaneStory story) {
        this(name, steps, values, story, () -> null);
    }

    /**
     * The same lane with its step {@code id} alone, its values, story and shell as they are: what {@code harness ui}
     * runs of a lane to start its server again on what a run left.
     */
    public Lane only(String id) {
        List<Step> step = steps.stream().filter(candidate -> candidate.id().equals(id)).toList();
        if (step.isEmpty()) {
            throw new IllegalArgumentException("the lane " + name + " has no step " + id);
        }
        return new Lane(name, step, values, story, shell);
    }

    public Lane(String name, List<Step> steps) {
        this(name, steps, value -> null, LaneStory.named(name));
    }
}
