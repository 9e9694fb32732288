package dev.opsdemo.cli;

import dev.opsdemo.support.HarnessRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code harness classroom} with what no class could use: exit 2 and the rule, before anything starts. */
class ClassroomUsageTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--mlflow local runs no accounts for a class   | ada      | --mlflow  | local",
            "--refresh 0 is not a number of seconds        | ada      | --refresh | 0",
            "line 2: 'Bob Smith' cannot begin the names     | \"ada\nBob Smith\" | |",
            "line 3: 'ada' is on the roster already         | \"ada\nbob\nada\" | |",
            "names no learner                               | \"# nobody\" | |",
    })
    void aRosterOrOptionNoClassCanUseIsRefusedWithTheRule(String rule, String roster, String option, String value)
            throws Exception {
        Path file = dir.resolve("roster.txt");
        Files.writeString(file, roster + "\n");
        Path workspace = dir.resolve("never-created");
        List<String> args = new ArrayList<>(List.of("classroom", "--roster", file.toString(), "--workspace",
                workspace.toString()));
        if (option != null) {
            args.add(option);
            args.add(value);
        }
        HarnessRun run = HarnessRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains(rule), run.all());
        assertTrue(run.err().contains("next:"), run.all());
        assertFalse(run.out().contains("▶"), run.all());
        assertFalse(Files.exists(workspace), "nothing was created: " + workspace);
    }
}
