package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole run: overall status, every step's result, the facts merged per lane, what the run could not stop when
 * it ended (each "could not stop NAME: why"; empty when everything stopped), where a stop that came after the last
 * step had ended struck and what it stopped ({@code lateStop}: no step was left to say so; null otherwise), and how
 * each lane tells its part, in the order the lanes were given.
 */
public record RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                         ObjectNode summaryFields, List<String> cleanupProblems, String lateStop,
                         Map<String, LaneStory> stories) {

    public RunSummary {
        results = List.copyOf(results);
        cleanupProblems = List.copyOf(cleanupProblems);
        stories = Collections.unmodifiableMap(new LinkedHashMap<>(stories));
    }

    public RunSummary(boolean passed, int exitCode, List<StepResult> results, ObjectNode facts,
                      ObjectNode summaryFields) {
        this(passed, exitCode, results, facts, summaryFields, List.of(), null, Map.of());
    }

    /** Lane name to its story, in the lanes' order. */
    public static Map<String, LaneStory> storiesOf(List<Lane> lanes) {
        Map<String, LaneStory> stories = new LinkedHashMap<>();
        lanes.forEach(lane -> stories.put(lane.name(), lane.story()));
        return stories;
    }

    /** Ended by Ctrl-C, q or SIGTERM rather than by a failing step. */
    public boolean stopped() {
        return ExitCode.stopped(exitCode);
    }

    /** How the run ended, in the one word every record uses: passed, interrupted or failed. */
    public String status() {
        return passed ? "passed" : stopped() ? "interrupted" : "failed";
    }

    /** How the reports tell {@code lane}'s part; only its name for a lane the run was not given. */
    public LaneStory story(String lane) {
        return stories.getOrDefault(lane, LaneStory.named(lane));
    }

    /** The lanes that have results: the given lanes in their order, then any other in order of appearance. */
    public List<String> lanes() {
        List<String> appeared = results.stream().map(result -> result.step().lane()).distinct().toList();
        List<String> lanes = new ArrayList<>(stories.keySet().stream().filter(appeared::contains).toList());
        appeared.stream().filter(lane -> !lanes.contains(lane)).forEach(lanes::add);
        return lanes;
    }
}
