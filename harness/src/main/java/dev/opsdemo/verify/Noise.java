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
            Pattern.compile("^mlflow-server \\| .*"),
            // uvicorn's own lines ("INFO:     Started server process [42]"), as MLflow 3's model server prints them.
            Pattern.compile("^(?:INFO|WARNING|ERROR):\\s{2,}.*"),
            Pattern.compile("^\\[INFO] Download(ing|ed) .*"));

    private Noise() {
    }

    static List<String> without(List<String> lines) {
        return lines.stream().filter(line -> IGNORED.stream().noneMatch(p -> p.matcher(line).matches())).toList();
    }
}
