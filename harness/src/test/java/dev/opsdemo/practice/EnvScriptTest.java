package dev.opsdemo.practice;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.LaneStory;
import dev.opsdemo.demo.ShellContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** practice/env.sh: the lanes' variables for the learner's shell, which bash reads back as they were meant. */
class EnvScriptTest {

    @TempDir
    Path dir;

    @Test
    void theLanesVariablesAreExportedInTheWorkspaceAndPathKeepsTheLearnersOwn() throws Exception {
        Lane lane = new Lane("mlops", List.of(), name -> null, LaneStory.named("mlops"),
                () -> new ShellContext(dir, Map.of("PATH", "/venv/bin:" + System.getenv("PATH"),
                        "MLFLOW_TRACKING_URI", "http://127.0.0.1:5000",
                        "GIT_CONFIG_VALUE_0", "store --file=/w/devops/git-credentials")));
        Path workspace = dir.resolve("my workspace");
        Files.createDirectories(workspace);
        EnvScript env = new EnvScript(dir.resolve("practice/env.sh"), workspace);
        assertTrue(env.write(List.of(lane)));
        assertFalse(env.write(List.of(lane)), "unchanged: not written again, nothing to source again");

        String text = Files.readString(env.file());
        assertTrue(text.contains("cd '" + workspace + "' || return\n"), text);
        assertTrue(text.contains("export PATH=/venv/bin:\"$PATH\"\n"), text);
        assertTrue(text.contains("export GIT_CONFIG_VALUE_0='store --file=/w/devops/git-credentials'\n"), text);
        // What bash makes of it, sourced in a shell whose PATH is its own.
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", ". \"$1\" && printf '%s\\n' \"$PWD\" "
                + "\"$MLFLOW_TRACKING_URI\" \"${PATH%%:*}\" \"${PATH#*:}\"", "bash", env.file().toString());
        bash.environment().put("PATH", "/usr/bin:/bin");
        Process process = bash.redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, process.waitFor(), lines.toString());
        assertEquals(List.of(workspace.toString(), "http://127.0.0.1:5000", "/venv/bin", "/usr/bin:/bin"), lines);
    }

    /** A lane's setup lines come after the variables: a reminder that speaks only when the learner's shell lacks them. */
    @Test
    void aLanesSetupLinesRunInTheLearnersShellAfterTheVariables() throws Exception {
        String reminder = "[ -n \"${MLFLOW_TRACKING_TOKEN:-}${MLFLOW_TRACKING_PASSWORD:-}\" ] || echo \"env.sh: "
                + "export them\" >&2";
        Lane lane = new Lane("mlops", List.of(), name -> null, LaneStory.named("mlops"),
                () -> new ShellContext(dir, Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"),
                        List.of(reminder)));
        EnvScript env = new EnvScript(dir.resolve("practice/env.sh"), dir);
        env.write(List.of(lane));
        String text = Files.readString(env.file());
        assertTrue(text.endsWith("export MLFLOW_TRACKING_URI=http://127.0.0.1:5000\n" + reminder + "\n"), text);
        for (Map.Entry<String, String> shell : Map.of("", "env.sh: export them", "MLFLOW_TRACKING_PASSWORD=x ", "")
                .entrySet()) {
            Process process = new ProcessBuilder("bash", "-c", shell.getKey() + ". \"$1\"", "bash",
                    env.file().toString()).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes()).strip();
            assertEquals(0, process.waitFor(), said);
            assertEquals(shell.getValue(), said, "in a shell with " + shell.getKey());
        }
    }
}
