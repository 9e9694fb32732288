package dev.opsdemo.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The harness's one Jackson mapper. Configured here and nowhere else, so every record, request and answer is read
 * and written the same way; a mapper is safe to share once configured. The two record layouts are writers of it.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** For records people open (summary.json): indented. */
    public static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    /** For the asciicast's event lines: one line each, decimals as written (0.25, never 2.5E-1). */
    public static final ObjectWriter PLAIN_DECIMALS = MAPPER.writer()
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    /**
     * A typed view of recorded facts: every field absent from {@code node} (or all of them, when it is missing) is
     * null, so a reader leaves out what a run did not record.
     */
    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node.isObject() ? node : MAPPER.createObjectNode(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("recorded facts do not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
