package dev.opsdemo.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns real output into golden text: volatile values (SHAs, run ids, ports, timestamps, durations, paths) become
 * named placeholders. Values of a kind are numbered in order of first appearance across the whole run, so the same
 * run id in two steps becomes the same {@code {{RUN_ID:1}}}, and the verifier then demands they be equal.
 */
public final class Redactor {

    /** A kind of volatile value: its placeholder name, how to find it, and whether equal values must stay equal. */
    record Kind(String name, Pattern find, int group, boolean numbered) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("TIMESTAMP", Pattern.compile("(\\d{4}[/-]\\d\\d[/-]\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?"
                    + "(?: ?[+-]\\d{4}|Z)?)"), 1, false),
            // Milliseconds since the epoch, as MLflow's REST answers give times (2001 to 2286).
            new Kind("EPOCH_MS", Pattern.compile("\\b(1\\d{12})\\b"), 1, false),
            new Kind("DURATION", Pattern.compile("\\b(\\d+(?:\\.\\d+)?) ?(?:s|ms|sec|seconds)\\b"), 1, false),
            // curl -w '%{http_code} %{time_total}': the seconds a request took.
            new Kind("DURATION", Pattern.compile("^\\d{3} (\\d+\\.\\d{6})$"), 1, false),
            // What `docker run -d` prints: the new container's id.
            new Kind("CONTAINER_ID", Pattern.compile("\\b([0-9a-f]{64})\\b"), 1, true),
            new Kind("SHA", Pattern.compile("\\b([0-9a-f]{40})\\b"), 1, true),
            // Before RUN_ID, whose pattern would take the hex part of an MLflow 3 logged model's id.
            new Kind("MODEL_ID", Pattern.compile("\\b(m-[0-9a-f]{32})\\b"), 1, true),
            new Kind("RUN_ID", Pattern.compile("\\b([0-9a-f]{32})\\b"), 1, true),
            new Kind("SHORT_SHA", Pattern.compile("\\b([0-9a-f]{7})\\b"), 1, true),
            // Not the port a server inside a container listens on (--host 0.0.0.0 --port 5000): it is fixed.
            new Kind("PORT", Pattern.compile("(?:(?<=127\\.0\\.0\\.1:)|(?<=localhost:)|(?<=0\\.0\\.0\\.0:)"
                    + "|(?<=(?<!--host 0\\.0\\.0\\.0 )--port ))(\\d{2,5})\\b"), 1, true),
            new Kind("RUN_NAME", Pattern.compile("\\b([a-z]+-[a-z]+-\\d{1,4})\\b"), 1, true),
            new Kind("TMP", Pattern.compile("((?:/tmp|/var/tmp)/tmp[a-z0-9_]{6,})"), 1, false),
            new Kind("PID", Pattern.compile("\\bpid:? (\\d+)\\b"), 1, false));

    private final Map<String, String> literals;
    private final Map<String, Map<String, Integer>> numbers = new HashMap<>();

    /** Paths known up front (the workspace, the checkout) are replaced literally, longest first. */
    public Redactor(Path workspace, Path repoRoot) {
        this.literals = new java.util.LinkedHashMap<>();
        literals.put(workspace.toString(), "{{WORKSPACE}}");
        literals.put(repoRoot.toString(), "{{REPO}}");
    }

    public List<String> redact(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(redact(line));
        }
        return out;
    }

    public String redact(String line) {
        String text = line;
        for (Map.Entry<String, String> literal : literals.entrySet()) {
            text = text.replace(literal.getKey(), literal.getValue());
        }
        for (Kind kind : KINDS) {
            Matcher matcher = kind.find().matcher(text);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                out.append(text, last, matcher.start(kind.group()));
                out.append(placeholder(kind, matcher.group(kind.group())));
                last = matcher.end(kind.group());
            }
            out.append(text.substring(last));
            text = out.toString();
        }
        return text;
    }

    private String placeholder(Kind kind, String value) {
        if (!kind.numbered()) {
            return "{{" + kind.name() + "}}";
        }
        Map<String, Integer> seen = numbers.computeIfAbsent(kind.name(), k -> new HashMap<>());
        int number = seen.computeIfAbsent(value, v -> seen.size() + 1);
        return "{{" + kind.name() + ":" + number + "}}";
    }
}
