package dev.opsdemo.verify;

import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks (or rewrites) every step's golden file against a finished run, in run order. */
public final class Verification {

    private final GoldenFiles golden;
    private final Path workspace;
    private final Path repoRoot;

    public Verification(GoldenFiles golden, Path workspace, Path repoRoot) {
        this.golden = golden;
        this.workspace = workspace;
        this.repoRoot = repoRoot;
    }

    /**
     * What {@code verify} does once the run has finished: rewrites the golden files ({@code update}) or checks them,
     * writing the verdicts as JUnit XML too when {@code junitXml} is given, and says so. Returns the exit code: the
     * run's own when it failed or was stopped, else 1 when a step does not match, else 0.
     */
    public int conclude(RunSummary summary, int runExit, boolean update, Path junitXml, PrintStream out)
            throws IOException {
        out.println();
        if (update) {
            out.println("Updated " + update(summary, out) + " golden file(s).");
            return runExit;
        }
        List<Verdict> verdicts = check(summary, out);
        long mismatches = verdicts.stream().filter(verdict -> !verdict.matched()).count();
        if (junitXml != null) {
            JunitXml.write(junitXml, golden.mode(), verdicts);
            out.println("JUnit XML: " + junitXml);
        }
        out.println(mismatches == 0 ? "verify: all " + summary.results().size() + " steps match"
                : "verify: " + mismatches + " step(s) do not match");
        return runExit != 0 ? runExit : (mismatches == 0 ? 0 : 1);
    }

    /**
     * Rewrites the golden files from this run; returns how many were written. A mode other than the shared one
     * gets a file of its own only for a step the shared file does not match.
     */
    public int update(RunSummary summary, PrintStream out) throws IOException {
        Redactor redactor = new Redactor(workspace, repoRoot);
        GoldenMatcher matcher = matcher();
        int written = 0;
        for (StepResult result : summary.results()) {
            if (result.status() == StepStatus.SKIPPED) {
                continue;
            }
            String id = result.step().id();
            List<String> actual = shown(result);
            // Redacted even when not written: placeholders are numbered across the whole run, as check reads them.
            List<String> redacted = redactor.redact(actual);
            Path shared = golden.sharedFile(id);
            if (!golden.sharedMode() && Files.isRegularFile(shared)
                    && matcher.matches(Files.readAllLines(shared), actual)) {
                if (golden.removeOwn(id)) {
                    out.println("removed the " + golden.mode() + " file of " + id + ": " + shared + " holds");
                }
                continue;
            }
            out.println("wrote " + golden.write(id, redacted));
            written++;
        }
        return written;
    }

    private GoldenMatcher matcher() {
        return new GoldenMatcher(Map.of("WORKSPACE", workspace.toString(), "REPO", repoRoot.toString()));
    }

    /** What a step showed: its command lines ({@code $ ...}), then its output without background noise. */
    static List<String> shown(StepResult result) {
        List<String> lines = new java.util.ArrayList<>();
        result.command().forEach(line -> lines.add(StepContext.COMMAND_PREFIX + line));
        lines.addAll(Noise.without(result.output()));
        return lines;
    }

    /** How one step compared: matched, or why not (the lines of its diff, if any). */
    public record Verdict(StepResult result, boolean matched, String message, List<String> diff) {
    }

    /** Prints a line per step, with a diff per mismatching one; returns every step's verdict, in run order. */
    public List<Verdict> check(RunSummary summary, PrintStream out) throws IOException {
        Redactor redactor = new Redactor(workspace, repoRoot);
        GoldenMatcher matcher = matcher();
        List<Verdict> verdicts = new java.util.ArrayList<>();
        for (StepResult result : summary.results()) {
            String id = result.step().id();
            List<String> actual = shown(result);
            // Every step, so a diff numbers placeholders as --update-golden would write them.
            List<String> redacted = redactor.redact(actual);
            Optional<List<String>> expected = golden.read(id);
            Verdict verdict;
            if (result.status() == StepStatus.SKIPPED) {
                verdict = new Verdict(result, false, "did not run (an earlier step failed)", List.of());
            } else if (expected.isEmpty()) {
                verdict = new Verdict(result, false, "no golden file " + golden.file(id)
                        + " (create it with --update-golden)", List.of());
            } else if (!matcher.matches(expected.get(), actual)) {
                verdict = new Verdict(result, false, "output differs from " + golden.file(id)
                        + " (- expected, + actual)", LineDiff.diff(expected.get(), redacted));
            } else {
                verdict = new Verdict(result, true, "matches " + repoRoot.relativize(golden.file(id)), List.of());
            }
            out.println((verdict.matched() ? "✔ " : "✘ ") + id + ": " + verdict.message()
                    + (verdict.diff().isEmpty() ? "" : ":"));
            verdict.diff().forEach(line -> out.println("    " + line));
            verdicts.add(verdict);
        }
        return verdicts;
    }
}
