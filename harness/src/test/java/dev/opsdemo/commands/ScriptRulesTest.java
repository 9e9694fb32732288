package dev.opsdemo.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.RuleCases;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported script's copies of the lane's rules (gate, promotion, monitoring's verdict), cut out of what
 * {@code harness commands} prints and run with real bash on the cases MlopsPolicy and the ML project's pytest are
 * tested on. All cases of a rule run in one bash, so the whole class takes a few milliseconds per case.
 */
class ScriptRulesTest {

    /** A helper function of the script, from its {@code name() {} line to the closing brace at the line start. */
    private static final String FUNCTION = "(?ms)^%s\\(\\) \\{\\n.*?^\\}\\n";

    @TempDir
    Path dir;

    private static String script() {
        HarnessRun run = HarnessRun.of("commands", "--lane", "mlops");
        assertEquals(0, run.exitCode(), run.all());
        return run.out();
    }

    private static String function(String script, String name) {
        Matcher matcher = Pattern.compile(String.format(FUNCTION, Pattern.quote(name))).matcher(script);
        assertTrue(matcher.find(), "the script defines " + name + "():\n" + script);
        return matcher.group();
    }

    /** What the script's function says for each argument list: its verdict, true when it exits 0. */
    private List<String> verdicts(String function, String name, List<List<String>> cases) throws Exception {
        StringBuilder program = new StringBuilder("set -u\n").append(function);
        for (List<String> args : cases) {
            program.append("if ").append(name);
            args.forEach(arg -> program.append(" '").append(arg).append('\''));
            program.append("; then echo true; else echo false; fi\n");
        }
        Path file = dir.resolve(name + ".sh");
        Files.writeString(file, program);
        Shell.Output output = Shell.run(dir, "bash", file.toString());
        assertEquals(0, output.exitCode(), output.text());
        return output.lines();
    }

    private void check(String rule, String name, String verdict, List<String> inputs) throws Exception {
        List<JsonNode> cases = RuleCases.of(rule);
        List<List<String>> args = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonNode c : cases) {
            args.add(inputs.stream().map(input -> c.get(input).asText()).toList());
            expected.add(c.get(verdict).asText());
        }
        List<String> actual = verdicts(function(script(), name), name, args);
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(expected.get(i), i < actual.size() ? actual.get(i) : "(no answer)",
                    name + " on " + cases.get(i) + "; all answers: " + actual);
        }
        assertEquals(cases.size(), actual.size(), "one answer per case: " + actual);
    }

    @Test
    void theGateAgreesWithMlopsPolicyOnEveryCase() throws Exception {
        check("gate", "passes_gate", "passes", List.of("accuracy", "min_accuracy"));
    }

    @Test
    void thePromotionRuleAgreesWithMlopsPolicyOnEveryCase() throws Exception {
        check("promote", "promotes", "promotes", List.of("champion", "challenger", "margin"));
    }

    /** monitor.py's verdict for each case, as the script's verdict helper prints monitoring.json's field (JSON). */
    @Test
    void monitoringsVerdictIsReadAsTheMonitorEntryPointLogsIt() throws Exception {
        check("retrain", "retrain_needed", "retrain", List.of("retrain"));
    }

    @Test
    void theStepsUseTheseFunctions() {
        String script = script();
        assertTrue(script.contains("if ! passes_gate \"$ACCURACY\" \"$MIN_ACCURACY\"; then"), script);
        assertTrue(script.contains("if retrain_needed \"$RETRAIN_NEEDED\"; then"), script);
        assertTrue(script.contains("if promotes \"$CHAMPION_SCORE\" \"$CHALLENGER_SCORE\" \"$PROMOTE_MARGIN\"; then"),
                script);
    }
}
