package dev.opsdemo.classroom;

import dev.opsdemo.workspace.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterTest {

    @TempDir
    Path dir;

    private Path roster(String text) throws Exception {
        Path file = dir.resolve("roster.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void oneLearnerALineWithCommentsAndBlankLinesPassedBy() throws Exception {
        Roster read = Roster.read(roster("# the Tuesday class\nada\n\n  bob  \nteam-3\n"));
        assertEquals(List.of("ada", "bob", "team-3"), read.learners());
    }

    @Test
    void aNameMlflowCannotTakeOrANameTwiceIsRefusedWithItsLine() throws Exception {
        UsageException refused = assertThrows(UsageException.class,
                () -> Roster.read(roster("ada\nAda Lovelace\nada\n")));
        assertTrue(refused.getMessage().contains("line 2: 'Ada Lovelace' cannot begin the names of MLflow "
                + "experiments and models; line 3: 'ada' is on the roster already"), refused.getMessage());
        assertTrue(refused.getMessage().contains("next: one learner a line: use lowercase letters, digits"),
                refused.getMessage());
    }

    @Test
    void anEmptyRosterOrNoFileIsRefused() throws Exception {
        assertTrue(assertThrows(UsageException.class, () -> Roster.read(roster("# nobody yet\n\n")))
                .getMessage().contains("names no learner"));
        assertTrue(assertThrows(UsageException.class, () -> Roster.read(dir.resolve("missing.txt")))
                .getMessage().startsWith("cannot read the roster " + dir.resolve("missing.txt")));
    }
}
