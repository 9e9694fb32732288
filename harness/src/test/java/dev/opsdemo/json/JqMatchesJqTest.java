package dev.opsdemo.json;

import dev.opsdemo.exec.Executables;
import dev.opsdemo.support.CiTool;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The expected outputs {@link JqTest} holds the harness to are what the real jq prints, on this machine too. */
@EndToEnd
class JqMatchesJqTest {

    @TempDir
    Path dir;

    @Test
    void jqPrintsTheExpectedOutputOfEveryCase() throws Exception {
        CiTool.require(Executables.onPath("jq").isPresent(), "jq is missing: install it (apt-get install jq)");
        for (JqCases c : JqCases.all()) {
            Path input = Files.writeString(dir.resolve(c.input()), JqCases.resource(c.input()));
            List<String> command = new ArrayList<>(List.of("jq"));
            if (c.compact()) {
                command.add("-c");
            }
            command.add(c.filter());
            command.add(input.toString());
            Shell.Output printed = Shell.run(dir, command.toArray(String[]::new));
            assertEquals(0, printed.exitCode(), printed.text());
            assertEquals(JqCases.resource(c.expected()).lines().toList(), printed.lines(), c.expected());
        }
    }
}
