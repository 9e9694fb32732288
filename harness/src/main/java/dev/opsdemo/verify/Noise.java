package dev.opsdemo.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lines left out of golden comparison because their presence or order is not the demo's to decide: log lines
 * of servers running in the background (their timing interleaves freely) and download progress.
 */
final class Noise {

    private static final List<Pattern> IGNORED = List.of(
            Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}] \\[\\d+] \\[[A-Z]+] .*"),
            // uvicorn's own lines ("INFO:     Started server process [42]"), as MLflow 3's model server prints them.
            Pattern.compile("^(?:INFO|WARNING|ERROR):\\s{2,}.*"),
            Pattern.compile("^\\[INFO] Download(ing|ed) .*"),
            // MLflow 3's tracking server starting (uvicorn with timestamps, its own notices), as `mlflow server &`
            // prints them while its workers start in any order.
            Pattern.compile("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d (?:INFO|WARNING|ERROR):\\s{2,}.*"),
            Pattern.compile("^Registry store URI not provided\\. .*"),
            Pattern.compile("^\\[MLflow] .*"));
    /** A Python warning; the next line, indented, is the source line it quotes, and goes with it. */
    private static final Pattern PYTHON_WARNING = Pattern.compile("^\\S+\\.py:\\d+: \\w*Warning: .*");

    private Noise() {
    }

    /**
     * Entries of an MLflow REST answer (pretty-printed JSON) that depend on the machine, not on the demo: the user,
     * and the checkout's git remote (which a clone has and a copy may not). The value is a tag's or a field's.
     */
    private static final Pattern MACHINE_TAG = Pattern.compile("^\\s*\"key\": \"(?:mlflow\\.user|"
            + "mlflow\\.source\\.git\\.repoURL)\",$");
    private static final Pattern MACHINE_FIELD = Pattern.compile("^\\s*\"user_id\": \".*\",?$");

    static List<String> without(List<String> lines) {
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isMachineTag(lines, i)) {
                // {, "key": ..., "value": ..., } or },  -- the last entry of a list leaves its predecessor last.
                boolean wasLast = lines.get(i + 3).strip().equals("}");
                if (wasLast && !kept.isEmpty() && kept.get(kept.size() - 1).endsWith("},")) {
                    String previous = kept.remove(kept.size() - 1);
                    kept.add(previous.substring(0, previous.length() - 1));
                }
                i += 3;
                continue;
            }
            if (MACHINE_FIELD.matcher(line).matches()) {
                continue;
            }
            if (PYTHON_WARNING.matcher(line).matches()) {
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("  ")) {
                    i++;
                }
                continue;
            }
            if (IGNORED.stream().noneMatch(p -> p.matcher(line).matches())) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static boolean isMachineTag(List<String> lines, int i) {
        return i + 3 < lines.size() && lines.get(i).strip().equals("{")
                && MACHINE_TAG.matcher(lines.get(i + 1)).matches()
                && lines.get(i + 2).strip().startsWith("\"value\": ") && lines.get(i + 3).strip().matches("},?");
    }
}
