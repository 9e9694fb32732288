package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.json.Json;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The run a workspace's summary.json records, as {@code harness ui} reopens it: which steps passed, what each lane
 * recorded, and the screen once the servers are up again (on new ports: the run's links are moved to them).
 */
final class RecordedRun {

    private final Workspace workspace;
    private final JsonNode summary;

    private RecordedRun(Workspace workspace, JsonNode summary) {
        this.workspace = workspace;
        this.summary = summary;
    }

    /** @throws UsageException when the workspace holds no run that ended (exit 2; nothing has started) */
    static RecordedRun read(Workspace workspace) {
        String again = "run the demo in it (./scripts/harness.sh demo --workspace " + workspace.root()
                + "), or pass the --workspace of a finished run";
        if (!Files.isRegularFile(workspace.summaryJson())) {
            throw new UsageException("the workspace " + workspace.root() + " holds no finished run: it has no "
                    + "summary.json, which a run writes as it ends", again);
        }
        JsonNode summary;
        try {
            summary = Json.MAPPER.readTree(workspace.summaryJson().toFile());
        } catch (IOException e) {
            throw new UsageException("cannot read the run recorded in " + workspace.summaryJson() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), again);
        }
        if (summary == null || !summary.path("facts").isObject()) {
            throw new UsageException(workspace.summaryJson() + " is not a run's summary (it has no facts)", again);
        }
        if ("running".equals(summary.path("status").asText())) {
            throw new UsageException("the last run in " + workspace.root() + " did not finish: its summary.json "
                    + "still says running (the run was killed before it could stop cleanly)", again);
        }
        return new RecordedRun(workspace, summary);
    }

    /** Whether the run's step {@code id} passed (it started its server then). */
    boolean passed(String id) {
        for (JsonNode step : summary.path("steps")) {
            if (id.equals(step.path("id").asText()) && "passed".equals(step.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    /** What the run recorded of {@code lane} (a missing node when nothing). */
    JsonNode facts(String lane) {
        return summary.path("facts").path(lane);
    }

    /** What the screen says is up, once the servers are. */
    String reopened() {
        return "the run of " + summary.path("startedAt").asText("?") + " (" + summary.path("status").asText("?")
                + ") reopened from " + workspace.root() + ": its servers, and its links on them";
    }

    /**
     * The screen's lines: the servers this session started (their addresses, as its steps recorded them), then each
     * lane's links to what the run recorded, moved to those servers.
     */
    List<KeepRunning.Up> up(RunSummary session) {
        List<KeepRunning.Up> up = new ArrayList<>(KeepRunning.urls(session.facts()));
        for (String lane : session.lanes()) {
            JsonNode moved = moved(facts(lane), session.facts().path(lane));
            session.story(lane).links(moved).forEach((text, url) -> up.add(new KeepRunning.Up(lane, text, url)));
        }
        return up;
    }

    /**
     * The {@code recorded} facts with each address of a server that now answers elsewhere moved there: every text
     * that is the old address, or starts with it and a slash, starts with the new one instead.
     */
    static JsonNode moved(JsonNode recorded, JsonNode now) {
        if (!recorded.isObject()) {
            return recorded;
        }
        ObjectNode moved = recorded.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> facts = now.fields(); facts.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = facts.next();
            String old = recorded.path(fact.getKey()).asText("");
            if (!KeepRunning.isAddress(fact.getKey()) || !fact.getValue().isTextual() || old.isEmpty()) {
                continue;
            }
            String from = old.replaceAll("/+$", "");
            String to = fact.getValue().asText().replaceAll("/+$", "");
            // From the recorded values, so that an address moved to a port another server used is not moved again.
            recorded.fields().forEachRemaining(field -> {
                String text = field.getValue().isTextual() ? field.getValue().asText() : "";
                if (text.equals(from) || text.startsWith(from + "/")) {
                    moved.put(field.getKey(), to + text.substring(from.length()));
                }
            });
        }
        return moved;
    }
}
