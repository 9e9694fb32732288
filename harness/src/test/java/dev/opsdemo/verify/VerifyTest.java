package dev.opsdemo.verify;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.devops.TestReport;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.ShownCommands;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `harness verify` on a real run: the repo's golden files hold for a fresh local demo, the one the suite shares.
 * What verify does with a golden file that does not hold (the diff, the JUnit failure, --update-golden restoring
 * it) is VerificationTest's, on a made-up run.
 */
@EndToEnd
class VerifyTest {

    @Test
    void theSharedDemoMatchesTheRepoGoldenFilesWithAJunitTestCasePerStep() throws Exception {
        SharedDemo shared = SharedDemo.passed();
        assertTrue(shared.run().out().contains("verify: all 20 steps match"), shared.run().all());
        // Read back as JUnit XML, by the parser the DevOps lane's test gate uses for Surefire's reports.
        TestReport passed = TestReport.read(SharedDemo.junitXml("local").getParent());
        assertEquals(20, passed.run(), "its JUnit XML has a test case per step");
        assertEquals(0, passed.failed(), passed.failures().toString());
        List<String> shown = ShownCommands.assertReal(shared.workspace().resolve("transcript.txt"));
        assertTrue(shown.size() > 30, "every step shows its commands, some several: " + shown);
        // The report keeps why the challenger won though it folds the evaluations' long output: both scores.
        for (String record : new String[] {"report.md", "report.html"}) {
            String report = java.nio.file.Files.readString(shared.workspace().resolve(record));
            assertTrue(java.util.regex.Pattern.compile("held-out accuracy: champion v1 0\\.\\d{4}, "
                    + "challenger v2 0\\.\\d{4}").matcher(report).find(), record + " names both scores");
        }
    }
}
