package dev.opsdemo.verify;

import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.devops.TestReport;
import dev.opsdemo.report.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code verify} does with a finished run, on a made-up one: golden files written by --update-golden match
 * it, an edited one fails its step with a diff (printed and as a JUnit failure), --update-golden restores it, and a
 * mode other than the shared one keeps files of its own only where it shows a step differently. That the repo's
 * golden files hold for a real run is the suite's shared demo ({@code VerifyTest}).
 */
class VerificationTest {

    /** The workspace SyntheticRun's paths name, so the redactor turns them into {{WORKSPACE}}. */
    private static final Path WORKSPACE = Path.of("/ws");
    /** devops.push's last line, redacted: 9c1b2d3 is the commit devops.commit showed first, so it is number 1. */
    private static final String PUSHED = "   {{SHORT_SHA:2}}..{{SHORT_SHA:1}}  main -> main";

    @TempDir
    Path repo;

    private final List<StepResult> results = SyntheticRun.bothLanes();

    private Path golden() {
        return repo.resolve("golden");
    }

    private Verification verification(String mode) {
        return new Verification(new GoldenFiles(golden(), mode), WORKSPACE, repo);
    }

    /** What a call printed, and what it returned. */
    private record Printed<T>(T value, String out) {
    }

    private interface Call<T> {
        T on(PrintStream out) throws IOException;
    }

    private static <T> Printed<T> printed(Call<T> call) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        T value;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            value = call.on(out);
        }
        return new Printed<>(value, bytes.toString(StandardCharsets.UTF_8));
    }

    private Printed<Integer> update(String mode, List<StepResult> run) throws IOException {
        return printed(out -> verification(mode).update(SyntheticRun.summary(run), out));
    }

    private Printed<List<Verification.Verdict>> check(String mode, List<StepResult> run) throws IOException {
        return printed(out -> verification(mode).check(SyntheticRun.summary(run), out));
    }

    private static List<String> mismatched(List<Verification.Verdict> verdicts) {
        return verdicts.stream().filter(verdict -> !verdict.matched()).map(verdict -> verdict.result().step().id())
                .toList();
    }

    @Test
    void updateWritesAFilePerStepWithTheVolatilePartsRedactedAndTheRunThenMatchesThem() throws Exception {
        Printed<Integer> update = update(GoldenFiles.SHARED_MODE, results);
        assertEquals(results.size(), update.value());
        Path push = golden().resolve("devops.push.txt");
        assertTrue(update.out().contains("wrote " + push + "\n"), update.out());
        assertEquals(List.of("$ git push origin main", "To http://git:" + SyntheticRun.SECRET
                + "@127.0.0.1:{{PORT:1}}/git/sample-app.git", PUSHED), Files.readAllLines(push),
                "the command line, then the output, volatile values as placeholders numbered across the run");
        assertTrue(Files.readAllLines(golden().resolve("devops.remote.txt"))
                .contains("Initialized empty bare repository in {{WORKSPACE}}/devops/remote/sample-app.git/"));

        Printed<List<Verification.Verdict>> check = check(GoldenFiles.SHARED_MODE, results);
        assertEquals(List.of(), mismatched(check.value()), check.out());
        assertEquals(results.size(), check.value().size(), "a verdict per step, in run order");
        assertTrue(check.out().contains("✔ devops.push: matches golden/devops.push.txt\n"), check.out());
    }

    @Test
    void anEditedGoldenFileFailsItsStepWithADiffInTheOutputAndTheJunitXmlAndUpdateRestoresIt() throws Exception {
        update(GoldenFiles.SHARED_MODE, results);
        Path push = golden().resolve("devops.push.txt");
        String original = Files.readString(push);
        Files.writeString(push, original.replace("main -> main", "main -> trunk"));
        // One whose diff holds markup, which the XML must escape.
        Path train = golden().resolve("mlops.train.txt");
        Files.writeString(train, Files.readString(train).replace(SyntheticRun.SCRIPT + " & more", "no card"));

        Printed<List<Verification.Verdict>> broken = check(GoldenFiles.SHARED_MODE, results);
        assertEquals(List.of("devops.push", "mlops.train"), mismatched(broken.value()), broken.out());
        String why = "output differs from " + push + " (- expected, + actual)";
        assertTrue(broken.out().contains("✘ devops.push: " + why + ":\n"), broken.out());
        assertTrue(broken.out().contains("    - " + PUSHED.replace("main -> main", "main -> trunk") + "\n"),
                broken.out());
        assertTrue(broken.out().contains("    + " + PUSHED + "\n"),
                "the actual line as --update-golden would write it, numbered across the run:\n" + broken.out());
        assertTrue(broken.out().contains("✔ devops.deploy: matches golden/devops.deploy.txt"), broken.out());

        // Read back by the parser the DevOps lane's test gate uses for Surefire's reports.
        Path junit = repo.resolve("ci/local/TEST-verify.xml");
        JunitXml.write(junit, "local", broken.value());
        TestReport report = TestReport.read(junit.getParent());
        assertEquals(results.size(), report.run(), "a test case per step");
        assertEquals(2, report.failed());
        assertEquals(List.of("devops.push: " + why, "mlops.train: output differs from " + train
                + " (- expected, + actual)"), report.failures());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite errors=\"0\" failures=\"2\" name=\"opsdemo verify --mlflow local\""),
                xml);
        assertTrue(xml.contains("<testcase classname=\"golden.devops\" name=\"push\""), xml);
        assertTrue(xml.contains("- " + PUSHED.replace("main -> main", "main -&gt; trunk")),
                "the diff is the failure's text:\n" + xml);
        assertTrue(xml.contains("&lt;script&gt;alert('owned')&lt;/script&gt; &amp; more"), xml);
        assertFalse(xml.contains(SyntheticRun.SCRIPT), xml);

        update(GoldenFiles.SHARED_MODE, results);
        assertEquals(original, Files.readString(push), "--update-golden restores the expectation");
        assertEquals(List.of(), mismatched(check(GoldenFiles.SHARED_MODE, results).value()));
    }

    @Test
    void aStepWithoutAGoldenFileOrThatDidNotRunFailsAndUpdateWritesNoneForASkippedStep() throws Exception {
        List<StepResult> run = new ArrayList<>(SyntheticRun.devops());
        run.set(5, SyntheticRun.with(run.get(5), StepStatus.SKIPPED, null));
        Printed<List<Verification.Verdict>> none = check(GoldenFiles.SHARED_MODE, run);
        assertEquals(6, mismatched(none.value()).size(), none.out());
        assertTrue(none.out().contains("✘ devops.push: no golden file " + golden().resolve("devops.push.txt")
                + " (create it with --update-golden)\n"), none.out());
        assertTrue(none.out().contains("✘ devops.deploy: did not run (an earlier step failed)\n"), none.out());

        assertEquals(5, update(GoldenFiles.SHARED_MODE, run).value());
        assertFalse(Files.exists(golden().resolve("devops.deploy.txt")), "a skipped step showed nothing to keep");
        Printed<List<Verification.Verdict>> after = check(GoldenFiles.SHARED_MODE, run);
        assertEquals(List.of("devops.deploy"), mismatched(after.value()), after.out());
    }

    @Test
    void aModeKeepsAFileOfItsOwnOnlyForAStepItShowsDifferentlyNumberedAsTheWholeRun() throws Exception {
        update(GoldenFiles.SHARED_MODE, results);
        int server = 6;
        assertEquals("mlops.server", results.get(server).step().id());
        List<StepResult> container = new ArrayList<>(results);
        container.set(server, SyntheticRun.withOutput(results.get(server),
                List.of("MLflow container ready at " + SyntheticRun.TRACKING_URI)));

        Printed<Integer> own = update("container", container);
        Path ownFile = golden().resolve("container/mlops.server.txt");
        assertEquals(1, own.value(), own.out());
        assertEquals("wrote " + ownFile + "\n", own.out());
        // Its port is the run's third (after the Git remote's and the app's), as the shared files number them.
        assertEquals(List.of("$ mlflow server --host 127.0.0.1 --port PORT",
                "MLflow container ready at http://127.0.0.1:{{PORT:3}}"), Files.readAllLines(ownFile));
        Printed<List<Verification.Verdict>> check = check("container", container);
        assertEquals(List.of(), mismatched(check.value()), check.out());
        assertTrue(check.out().contains("✔ mlops.server: matches golden/container/mlops.server.txt\n"), check.out());
        assertTrue(check.out().contains("✔ mlops.train: matches golden/mlops.train.txt\n"), check.out());
        assertEquals(List.of("mlops.server"), mismatched(check(GoldenFiles.SHARED_MODE, container).value()),
                "the shared file is left as the shared mode shows the step");

        Printed<Integer> same = update("container", results);
        assertEquals(0, same.value(), same.out());
        assertEquals("removed the container file of mlops.server: " + golden().resolve("mlops.server.txt")
                + " holds\n", same.out());
        assertFalse(Files.exists(ownFile));
    }

    @Test
    void theJunitXmlOfAMatchingRunNamesItsModeAndHasNoFailures() throws Exception {
        update(GoldenFiles.SHARED_MODE, results);
        Path junit = repo.resolve("ci/container/TEST-verify.xml");
        JunitXml.write(junit, "container", check("container", results).value());
        TestReport report = TestReport.read(junit.getParent());
        assertEquals(results.size(), report.run());
        assertEquals(0, report.failed(), report.failures().toString());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("name=\"opsdemo verify --mlflow container\""), xml);
        long totalMs = results.stream().mapToLong(StepResult::durationMs).sum();
        assertTrue(xml.contains(String.format(java.util.Locale.ROOT, "time=\"%.3f\"", totalMs / 1000.0)), xml);
        assertTrue(xml.contains("<testcase classname=\"golden.mlops\" name=\"train\" time=\"41.300\"/>"), xml);
    }

    private Printed<Integer> conclude(int runExit, boolean update, Path junitXml) throws IOException {
        return printed(out -> verification(GoldenFiles.SHARED_MODE).conclude(SyntheticRun.summary(results), runExit,
                update, junitXml, out));
    }

    @Test
    void verifysExitCodeIsTheRunsWhenItFailedElseOneForAMismatchElseZeroAndUpdateSaysHowManyItWrote()
            throws Exception {
        Printed<Integer> updated = conclude(0, true, null);
        assertEquals(0, updated.value());
        assertTrue(updated.out().endsWith("Updated " + results.size() + " golden file(s).\n"), updated.out());

        Printed<Integer> matching = conclude(0, false, null);
        assertEquals(0, matching.value(), matching.out());
        assertTrue(matching.out().endsWith("verify: all " + results.size() + " steps match\n"), matching.out());

        Path push = golden().resolve("devops.push.txt");
        Files.writeString(push, Files.readString(push).replace("main -> main", "main -> trunk"));
        Path junit = repo.resolve("TEST-verify.xml");
        Printed<Integer> mismatch = conclude(0, false, junit);
        assertEquals(1, mismatch.value(), mismatch.out());
        assertTrue(mismatch.out().endsWith("JUnit XML: " + junit + "\nverify: 1 step(s) do not match\n"),
                mismatch.out());
        assertEquals(1, TestReport.read(repo).failed());
        assertEquals(130, conclude(130, false, null).value(), "a stopped run's exit code wins over the verdicts");
        assertEquals(130, conclude(130, true, null).value(), "and over an update");
    }
}
