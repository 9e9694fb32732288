package dev.opsdemo.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a step's real output against its golden lines. A placeholder {@code {{KIND:n}}} matches a value of that
 * kind and binds it: the same placeholder later (in this step or a later one) must be the same value.
 * {@code {{KIND}}} without a number matches any value of the kind; {@code {{ANY}}} matches anything on the line;
 * a line {@code ...} matches any number of lines.
 */
public final class GoldenMatcher {

    public static final String ANY_LINES = "...";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)(?::(\\d+))?}}");

    private final Map<String, String> literals;
    /** Values bound so far, shared across steps in run order. */
    private final Map<String, String> bound = new HashMap<>();

    public GoldenMatcher(Map<String, String> literals) {
        this.literals = Map.copyOf(literals);
    }

    /** True when the actual lines match; bindings made by a match are kept for later steps. */
    public boolean matches(List<String> golden, List<String> actual) {
        Map<String, String> bindings = new HashMap<>(bound);
        if (match(golden, 0, actual, 0, bindings)) {
            bound.putAll(bindings);
            return true;
        }
        return false;
    }

    private boolean match(List<String> golden, int g, List<String> actual, int a, Map<String, String> bindings) {
        if (g == golden.size()) {
            return a == actual.size();
        }
        if (golden.get(g).strip().equals(ANY_LINES)) {
            for (int skip = a; skip <= actual.size(); skip++) {
                Map<String, String> attempt = new HashMap<>(bindings);
                if (match(golden, g + 1, actual, skip, attempt)) {
                    bindings.putAll(attempt);
                    return true;
                }
            }
            return false;
        }
        if (a == actual.size()) {
            return false;
        }
        Map<String, String> attempt = new HashMap<>(bindings);
        if (matchLine(golden.get(g), actual.get(a), attempt) && match(golden, g + 1, actual, a + 1, attempt)) {
            bindings.putAll(attempt);
            return true;
        }
        return false;
    }

    private boolean matchLine(String golden, String actual, Map<String, String> bindings) {
        StringBuilder regex = new StringBuilder();
        List<String> labels = new java.util.ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(golden);
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(golden.substring(last, placeholder.start())));
            String kind = placeholder.group(1);
            String literal = literals.get(kind);
            if (literal != null) {
                regex.append(Pattern.quote(literal));
            } else {
                regex.append('(').append(valuePattern(kind)).append(')');
                labels.add(placeholder.group(2) == null ? null : kind + ":" + placeholder.group(2));
            }
            last = placeholder.end();
        }
        regex.append(Pattern.quote(golden.substring(last)));
        Matcher line = Pattern.compile(regex.toString()).matcher(actual);
        if (!line.matches()) {
            return false;
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                continue;
            }
            String value = line.group(i + 1);
            String previous = bindings.putIfAbsent(label, value);
            if (previous != null && !previous.equals(value)) {
                return false;
            }
        }
        return true;
    }

    private static String valuePattern(String kind) {
        return switch (kind) {
            case "SHA" -> "[0-9a-f]{40}";
            case "RUN_ID" -> "[0-9a-f]{32}";
            case "SHORT_SHA" -> "[0-9a-f]{7}";
            case "PORT", "PID" -> "\\d+";
            case "RUN_NAME" -> "[a-z]+-[a-z]+-\\d{1,4}";
            case "TIMESTAMP" -> "[0-9/:.,TZ +-]+?";
            case "DURATION" -> "\\d+(?:\\.\\d+)?";
            case "EPOCH_MS" -> "\\d{13}";
            case "TMP" -> "\\S+";
            default -> ".*?";
        };
    }
}
