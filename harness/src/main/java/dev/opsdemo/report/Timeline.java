package dev.opsdemo.report;

import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

import dev.opsdemo.demo.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each step ran, in milliseconds from the start of the run: from the start times the listener saw, else
 * right after whatever ran before it (the runner runs steps, and lanes, one after another). Skipped steps never
 * ran, so they have no place on the time axis.
 */
final class Timeline {

    record Span(StepResult result, long startMs) {

        long endMs() {
            return startMs + result.durationMs();
        }
    }

    private static final long[] TICK_STEPS_MS = {100, 250, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
            120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000};
    private static final int MAX_TICKS = 8;

    private final Map<String, List<Span>> spans;
    private final Map<String, List<StepResult>> skipped;
    private final long totalMs;
    private final RunSummary summary;

    private Timeline(RunSummary summary, Map<String, List<Span>> spans, Map<String, List<StepResult>> skipped,
                     long totalMs) {
        this.summary = summary;
        this.spans = spans;
        this.skipped = skipped;
        this.totalMs = totalMs;
    }

    /** {@code startedMs}: step id to its start, as seen by a listener; may be empty. */
    static Timeline of(RunSummary summary, Map<String, Long> startedMs) {
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, List<StepResult>> skipped = new LinkedHashMap<>();
        Map<String, Long> laneEnd = new LinkedHashMap<>();
        long runEnd = 0;
        for (StepResult result : summary.results()) {
            String lane = result.step().lane();
            spans.computeIfAbsent(lane, key -> new ArrayList<>());
            skipped.computeIfAbsent(lane, key -> new ArrayList<>());
            Long started = startedMs.get(result.step().id());
            if (result.status() == StepStatus.SKIPPED && started == null) {
                skipped.get(lane).add(result);
                continue;
            }
            // Listener and runner read the clock a moment apart; never let a step overlap its predecessor.
            long start = started == null ? runEnd : Math.max(started, laneEnd.getOrDefault(lane, 0L));
            Span span = new Span(result, start);
            spans.get(lane).add(span);
            laneEnd.put(lane, span.endMs());
            runEnd = Math.max(runEnd, span.endMs());
        }
        return new Timeline(summary, spans, skipped, runEnd);
    }

    List<String> lanes() {
        return summary.lanes();
    }

    String label(String lane) {
        return summary.story(lane).label();
    }

    List<Span> spans(String lane) {
        return spans.getOrDefault(lane, List.of());
    }

    List<StepResult> skipped(String lane) {
        return skipped.getOrDefault(lane, List.of());
    }

    long totalMs() {
        return totalMs;
    }

    /** Where to put labelled ticks: a round interval that gives at most a handful of them. */
    List<Long> ticksMs() {
        long step = TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
        for (long candidate : TICK_STEPS_MS) {
            if (totalMs / candidate <= MAX_TICKS) {
                step = candidate;
                break;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long tick = 0; tick <= totalMs; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** A position on the axis as a percentage of the run, for CSS. */
    double percent(long millis) {
        return totalMs == 0 ? 0 : 100.0 * millis / totalMs;
    }
}
