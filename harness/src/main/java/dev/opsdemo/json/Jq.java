package dev.opsdemo.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * A jq filter, as a step shows it ({@code curl ... | jq '<filter>'}) and applies it to the same answer (jackson-jq):
 * what it prints is what jq 1.6 prints, indented (two spaces, {@code "key": value}) or compact ({@code -c}), so a
 * learner who types the line sees the lines the step showed. Numbers are printed as jq prints a double: up to 17
 * significant digits, integers without a point, an exponent below 1e-4 or beyond 17 digits.
 */
public record Jq(String filter, boolean compact) {

    private static final Version VERSION = Versions.JQ_1_6;
    private static final Scope ROOT = rootScope();
    /** Each filter compiled once, when it is made, for every answer it is applied to. */
    private static final Map<String, JsonQuery> COMPILED = new ConcurrentHashMap<>();

    public Jq {
        if (filter.contains("'")) {
            throw new IllegalArgumentException("a filter shown in single quotes cannot hold one: " + filter);
        }
        COMPILED.computeIfAbsent(filter, Jq::compile);
    }

    private static JsonQuery compile(String filter) {
        try {
            return JsonQuery.compile(filter, VERSION);
        } catch (JsonQueryException e) {
            throw new IllegalArgumentException("not a jq filter: " + filter, e);
        }
    }

    public static Jq indented(String filter) {
        return new Jq(filter, false);
    }

    public static Jq compact(String filter) {
        return new Jq(filter, true);
    }

    /** The jq command line: {@code jq -c '<filter>'}. */
    public String command() {
        return "jq " + (compact ? "-c " : "") + "'" + filter + "'";
    }

    /** What follows the command whose answer it filters: {@code | jq -c '<filter>'}. */
    public String pipe() {
        return "| " + command();
    }

    /** The lines jq prints for {@code json}, each output on its own line(s). */
    public List<String> apply(String json) {
        JsonNode input;
        try {
            input = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON, so jq would refuse it: " + json, e);
        }
        List<String> lines = new ArrayList<>();
        try {
            COMPILED.get(filter).apply(Scope.newChildScope(ROOT), input, output -> {
                StringBuilder text = new StringBuilder();
                write(output, text, 0);
                text.toString().lines().forEach(lines::add);
            });
        } catch (JsonQueryException e) {
            throw new IllegalArgumentException("jq '" + filter + "' fails on this answer (" + e.getMessage() + "): "
                    + json, e);
        }
        return lines;
    }

    private void write(JsonNode node, StringBuilder out, int depth) {
        if (node.isObject() || node.isArray()) {
            boolean object = node.isObject();
            out.append(object ? '{' : '[');
            if (node.isEmpty()) {
                out.append(object ? '}' : ']');
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (object ? fields.hasNext() : elements.hasNext()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, depth + 1);
                JsonNode value;
                if (object) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    string(field.getKey(), out);
                    out.append(compact ? ":" : ": ");
                    value = field.getValue();
                } else {
                    value = elements.next();
                }
                write(value, out, depth + 1);
            }
            newline(out, depth);
            out.append(object ? '}' : ']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else if (node.isNumber()) {
            out.append(number(node));
        } else {
            out.append(node.isNull() || node.isMissingNode() ? "null" : node.asText());
        }
    }

    private void newline(StringBuilder out, int depth) {
        if (!compact) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** jq's escapes: the quote, the backslash and control characters (DEL too); other characters as they are. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A number as jq 1.6 prints it: jq holds every number as a double and prints the fewest significant digits that
     * read back as that double, in the notation C's %g would choose for them.
     */
    static String number(JsonNode node) {
        double value = node.doubleValue();
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "1.7976931348623157e+308" : "-1.7976931348623157e+308";
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            shortest = exact.round(new MathContext(precision));
            if (shortest.doubleValue() == value) {
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // Where the decimal point stands relative to the digits: 0.0012 is digits 12 with the point at -2.
        int point = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (point <= -4 || point > digits.length() + 15) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = point - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return sign + shortest.abs().toPlainString();
    }

    private static Scope rootScope() {
        Scope scope = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(VERSION, scope);
        return scope;
    }
}
