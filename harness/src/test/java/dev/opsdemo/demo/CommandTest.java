package dev.opsdemo.demo;

import dev.opsdemo.text.TerminalRows;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A step's template as the learner's script runs it: each ${NAME} expands to one word wherever it stands. */
class CommandTest {

    private static final List<String> TEMPLATE = List.of(
            "cd ${DIR}",
            "git commit -m \"${MESSAGE}\"",
            "git -c credential.helper='store --file=${DIR}' push",
            "curl 'http://127.0.0.1:${PORT}/greeting?name=learner'",
            "cat '${DIR}'/x '${DIR}'");

    @Test
    void variablesAreQuotedForWhereTheyStand() {
        assertEquals(List.of(
                "cd \"${DIR}\"",
                "git commit -m \"${MESSAGE}\"",
                "git -c credential.helper='store --file='\"${DIR}\" push",
                "curl 'http://127.0.0.1:'\"${PORT}\"'/greeting?name=learner'",
                "cat \"${DIR}\"/x \"${DIR}\""), new Command(TEMPLATE).asScript());
    }

    @Test
    void bashReadsEachScriptLineAsTheShownLine() throws Exception {
        Map<String, String> values = Map.of("DIR", "/tmp/ab", "MESSAGE", "Release 2: bump", "PORT", "8080");
        for (String template : TEMPLATE) {
            Command command = Command.of(template);
            String shown = words(command.render(values::get).get(0), "");
            String script = words(command.asScript().get(0), "DIR=/tmp/ab MESSAGE='Release 2: bump' PORT=8080;");
            assertEquals(shown, script, template);
            String spaced = words(command.asScript().get(0), "DIR='/tmp/a b' MESSAGE='Release 2: bump' PORT=8080;");
            assertEquals(shown.chars().filter(c -> c == '<').count(), spaced.chars().filter(c -> c == '<').count(),
                    "a value with a space stays one word: " + template + " gives " + spaced);
        }
    }

    @Test
    void aLineAsARecordCutsItIntoRowsIsTheSameLineToBash() throws Exception {
        List<String> lines = List.of(
                "git -c credential.helper='store --file=/tmp/a b' ls-remote origin refs/heads/main",
                "curl -sS -X POST http://127.0.0.1:5000/x -H 'Content-Type: application/json' "
                        + "-d '{\"name\": \"churn classifier\"}'; echo",
                "git commit -m \"Release 2: \\\"bump\\\" it\" && echo a\\ b 2>&1",
                "printf '%s\\n' done # a comment, one word");
        for (String line : lines) {
            for (int width : new int[] {12, 30, 60}) {
                List<String> rows = TerminalRows.command("", line, width, true);
                String continued = String.join("\n", rows);
                assertEquals(words(line, ""), words(continued, ""), continued);
            }
        }
    }

    /** The words bash passes to the line's command (printf stands in for it), each in angle brackets. */
    private static String words(String line, String assignments) throws InterruptedException {
        return Shell.ok(Path.of("."), "bash", "-c", assignments + " printf '<%s>' "
                + line.substring(line.indexOf(' ') + 1)).text();
    }
}
