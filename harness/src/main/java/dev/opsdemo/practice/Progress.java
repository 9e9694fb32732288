package dev.opsdemo.practice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workspace's practice so far, one entry a step ({@code practice/progress.json}): how it ended, who did it, how
 * many checks and hints it took and how long, added up over every session in the workspace. What resumes a later
 * session, and what an instructor reads to see where learners struggle. Written after each step.
 */
public final class Progress {

    /** How a step ended for the learner. */
    public enum Outcome { passed, shown, skipped, open }

    /** One step's record: {@code shown} is "show me" (the harness did it), {@code open} a step quit mid-way. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepRecord(Outcome outcome, int checks, int hints, double seconds, int sessions) {

        StepRecord add(Outcome now, int moreChecks, int moreHints, double moreSeconds) {
            return new StepRecord(now, checks + moreChecks, hints + moreHints,
                    Math.round((seconds + moreSeconds) * 10) / 10.0, sessions + 1);
        }
    }

    private final Path file;
    private final Map<String, StepRecord> steps;

    private Progress(Path file, Map<String, StepRecord> steps) {
        this.file = file;
        this.steps = steps;
    }

    public static Progress in(Path practiceDir) {
        Path file = practiceDir.resolve("progress.json");
        if (!Files.isRegularFile(file)) {
            return new Progress(file, new LinkedHashMap<>());
        }
        try {
            return new Progress(file, Json.MAPPER.readValue(file.toFile(),
                    new TypeReference<LinkedHashMap<String, StepRecord>>() { }));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the practice's progress " + file
                    + " (move it away to start the practice over)", e);
        }
    }

    /** Whether an earlier session finished the step (the learner passed it, or asked to be shown). */
    public boolean done(String stepId) {
        StepRecord record = steps.get(stepId);
        return record != null && (record.outcome() == Outcome.passed || record.outcome() == Outcome.shown);
    }

    public Path file() {
        return file;
    }

    public Map<String, StepRecord> steps() {
        return Map.copyOf(steps);
    }

    public StepRecord of(String stepId) {
        return steps.get(stepId);
    }

    synchronized void add(String stepId, Outcome outcome, int checks, int hints, double seconds) {
        steps.put(stepId, steps.getOrDefault(stepId, new StepRecord(outcome, 0, 0, 0, 0))
                .add(outcome, checks, hints, seconds));
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, Json.INDENTED.writeValueAsString(steps) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the practice's progress " + file, e);
        }
    }
}
