package dev.opsdemo.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Facts;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.json}: rewritten after every step, so a run that is killed still leaves what it did (status
 * {@code running}), and once more at the end with the final status. Secrets are masked in the written text.
 */
public final class SummaryJsonListener implements RunListener {


    private final Path file;
    private final Secrets secrets;
    private final String startedAt = Instant.now().toString();
    private final List<StepResult> results = new ArrayList<>();

    public SummaryJsonListener(Path file, Secrets secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        results.add(result);
        write("running", null, results, List.of(), null);
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        write(summary.status(), summary.exitCode(), summary.results(), summary.cleanupProblems(), summary.lateStop());
    }

    private void write(String status, Integer exitCode, List<StepResult> steps, List<String> cleanupProblems,
                       String lateStop) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", status);
        if (exitCode != null) {
            root.put("exitCode", exitCode);
        }
        root.put("startedAt", startedAt);
        root.setAll(Facts.summaryFields(steps));
        ArrayNode array = root.putArray("steps");
        for (StepResult result : steps) {
            ObjectNode step = array.addObject();
            step.put("id", result.step().id());
            step.put("lane", result.step().lane());
            step.put("stage", result.step().stage().label());
            step.put("title", result.step().title());
            step.put("caption", result.step().caption());
            step.put("command", String.join("\n", result.command()));
            step.put("status", result.status().label());
            step.put("durationMs", result.durationMs());
            if (result.failure() != null) {
                step.put("failure", result.failure());
            }
        }
        root.set("facts", Facts.byLane(steps));
        if (lateStop != null) {
            root.put("lateStop", lateStop);
        }
        if (!cleanupProblems.isEmpty()) {
            cleanupProblems.forEach(root.putArray("cleanupProblems")::add);
        }
        try {
            AtomicFile.write(file, secrets.mask(Json.INDENTED.writeValueAsString(root)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
