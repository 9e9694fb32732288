package dev.opsdemo.demo;

import java.util.List;
import java.util.function.Function;

/**
 * A named, ordered list of steps, the lane's values its commands' {@code ${NAME}}s are filled from (null for a name
 * it does not know yet), and how the reports tell its part. Lanes only describe; the {@link Runner} executes.
 */
public record Lane(String name, List<Step> steps, Function<String, String> values, LaneStory story) {

    public Lane {
        steps = List.copyOf(steps);
    }

    public Lane(String name, List<Step> steps) {
        this(name, steps, value -> null, LaneStory.named(name));
    }
}
