package dev.opsdemo.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.ProcessRunner;
import dev.opsdemo.json.Json;

import java.util.function.Consumer;

/** What a running step may do: print real output, record facts, declare secrets, start processes. */
public final class StepContext {

    /** How a command line shown mid-step is kept among the output lines. */
    public static final String COMMAND_PREFIX = "$ ";
    /** How the harness's own lines are marked among the output lines. */
    public static final String NOTE_PREFIX = "→ ";

    private final Consumer<String> output;
    private final Secrets secrets;
    private final Cleanup cleanup;
    private final ProcessRunner processes;
    private final ObjectNode facts = Json.MAPPER.createObjectNode();
    private final ObjectNode summaryFields = Json.MAPPER.createObjectNode();

    StepContext(Consumer<String> output, Secrets secrets, Cleanup cleanup) {
        this.output = output;
        this.secrets = secrets;
        this.cleanup = cleanup;
        this.processes = new ProcessRunner(cleanup);
    }

    /** One line of real output; secrets are masked before anyone sees it. */
    public void out(String line) {
        output.accept(line);
    }

    /**
     * A further command line the step runs now, once the values it needs are known (the version a registration
     * returned): shown as its own {@code $} line, followed by its output.
     */
    public void command(String line) {
        output.accept(COMMAND_PREFIX + line);
    }

    /** A line the harness says of its own (a verdict, what it stopped), marked so it never passes for output. */
    public void note(String line) {
        output.accept(NOTE_PREFIX + line);
    }

    /** A sink for a process's lines. */
    public Consumer<String> lines() {
        return output;
    }

    /**
     * What the step read back from the real systems, as its lane's record type for the step (its fields are stored
     * under {@code facts.<lane>} in summary.json). A null field is not known (yet): a step may record what it knows
     * before it can fail, then the whole record.
     */
    public void record(Record stepFacts) {
        Json.MAPPER.valueToTree(stepFacts).fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                facts.set(field.getKey(), field.getValue());
            }
        });
    }

    /** A top-level field of summary.json (e.g. {@code mlflowMode}). */
    public void summaryField(String key, Object value) {
        summaryFields.set(key, Json.MAPPER.valueToTree(value));
    }

    public void secret(String value) {
        secrets.add(value);
    }

    public ProcessRunner processes() {
        return processes;
    }

    /** Resources that must outlive this step; stopped when the run ends, however it ends. */
    public Cleanup cleanup() {
        return cleanup;
    }

    ObjectNode facts() {
        return facts;
    }

    ObjectNode summaryFields() {
        return summaryFields;
    }
}
