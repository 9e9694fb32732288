package dev.opsdemo.verify;

import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.devops.TestReport;
import dev.opsdemo.support.CastReplay;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.ShownCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `harness verify` against the repo's golden files, a broken expectation, and --update-golden restoring it. */
@EndToEnd
class VerifyTest {

    @TempDir
    Path dir;

    private HarnessRun verify(Path golden, String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"verify", "--golden-dir", golden.toString(), "--workspace",
                dir.resolve("ws").toString()}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return HarnessRun.of(args);
    }

    @Test
    void passesOnTheRepoGoldenFilesFailsWithADiffWhenOneIsAlteredAndUpdateRestoresIt() throws Exception {
        Path golden = Files.createDirectories(dir.resolve("golden"));
        try (Stream<Path> files = Files.list(MlflowWitness.repoRoot().resolve("golden"))) {
            for (Path file : files.toList()) {
                Files.copy(file, golden.resolve(file.getFileName()));
            }
        }
        // The repo's golden files hold for a fresh local run: the one the suite shares is that check.
        SharedDemo shared = SharedDemo.passed();
        assertTrue(shared.run().out().contains("verify: all 17 steps match"), shared.run().all());
        TestReport passed = TestReport.read(SharedDemo.junitXml("local").getParent());
        assertEquals(17, passed.run(), "its JUnit XML has a test case per step");
        assertEquals(0, passed.failed(), passed.failures().toString());
        List<String> shown = ShownCommands.assertReal(shared.workspace().resolve("transcript.txt"));
        assertTrue(shown.size() > 40, "every step shows its commands, some several: " + shown);
        CastReplay.assertReplaysToTranscript(shared.workspace());

        Path push = golden.resolve("devops.push.txt");
        String original = Files.readString(push);
        assertTrue(original.contains(" * [new branch]      main -> main"), original);
        Files.writeString(push, original.replace(" * [new branch]      main -> main",
                " * [new branch]      main -> trunk"));
        Path junit = dir.resolve("ci/TEST-verify.xml");
        HarnessRun broken = verify(golden, "--junit-xml", junit.toString());
        assertEquals(1, broken.exitCode(), broken.all());
        assertTrue(broken.out().contains("✘ devops.push: output differs from " + push), broken.all());
        assertTrue(broken.out().contains("- " + " * [new branch]      main -> trunk"), broken.all());
        assertTrue(broken.out().contains("+ " + " * [new branch]      main -> main"), broken.all());
        assertTrue(broken.out().contains("verify: 1 step(s) do not match"), broken.all());
        // Read back as JUnit XML, by the parser the DevOps lane's test gate uses for Surefire's reports.
        TestReport report = TestReport.read(junit.getParent());
        assertEquals(17, report.run(), "a test case per step");
        assertEquals(1, report.failed());
        assertEquals(List.of("devops.push: output differs from " + push + " (- expected, + actual)"),
                report.failures());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("- " + " * [new branch]      main -&gt; trunk"), "the diff is the failure's text:\n"
                + xml);

        HarnessRun update = verify(golden, "--update-golden");
        assertEquals(0, update.exitCode(), update.all());
        assertEquals(original, Files.readString(push), "--update-golden restores the expectation");
    }
}
