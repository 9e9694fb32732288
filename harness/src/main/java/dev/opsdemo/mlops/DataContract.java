package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sample project's data contract ({@code data/schema.json}): what valid training data must look like, written
 * by hand rather than derived from whatever data arrived, so that a broken export cannot redefine "valid".
 */
public record DataContract(String label, int minRows, List<String> requiredColumns, List<ColumnRule> columns) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DataContract {
        requiredColumns = List.copyOf(requiredColumns);
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (ColumnRule column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' is described twice");
            }
        }
    }

    /**
     * Reads a {@code schema.json}. A malformed contract is refused here: a gate that silently skipped an unreadable
     * rule would pass data nobody checked.
     */
    public static DataContract load(Path schemaJson) throws IOException {
        JsonNode root = JSON.readTree(schemaJson.toFile());
        try {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            String label = text(root, "label");
            int minRows = wholeNumber(root, "min_rows");
            if (minRows < 0) {
                throw new IllegalArgumentException("min_rows must be >= 0, got " + minRows);
            }
            List<String> required = new ArrayList<>();
            for (JsonNode name : array(root, "required_columns")) {
                if (!name.isTextual()) {
                    throw new IllegalArgumentException("required_columns must hold column names, got " + name);
                }
                required.add(name.asText());
            }
            List<ColumnRule> columns = new ArrayList<>();
            for (JsonNode column : array(root, "columns")) {
                String name = text(column, "name");
                try {
                    columns.add(new ColumnRule(name, ColumnRule.Type.of(text(column, "type")),
                            number(column, "min"), number(column, "max"), number(column, "max_missing_share")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("column '" + name + "': " + e.getMessage(), e);
                }
            }
            return new DataContract(label, minRows, required, columns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid data contract " + schemaJson + ": " + e.getMessage(), e);
        }
    }

    public Optional<ColumnRule> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    /** The model's inputs: every described column except the label, in the contract's order. */
    public List<String> features() {
        return columns.stream().map(ColumnRule::name).filter(name -> !name.equals(label)).toList();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
        return value.asDouble();
    }

    private static int wholeNumber(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number");
        }
        return value.asInt();
    }

    private static JsonNode array(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        return value;
    }
}
