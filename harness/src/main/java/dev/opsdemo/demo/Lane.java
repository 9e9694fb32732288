package dev.opsdemo.demo;

import java.util.List;

/** A named, ordered list of steps. Lanes only describe; the {@link Runner} executes. */
public record Lane(String name, List<Step> steps) {

    public Lane {
        steps = List.copyOf(steps);
    }
}
