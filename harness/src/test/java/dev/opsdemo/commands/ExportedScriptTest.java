package dev.opsdemo.commands;

import dev.opsdemo.support.EndToEnd;
import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.mlops.MlopsSettings;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Leftovers;
import dev.opsdemo.support.MlflowWitness;
import dev.opsdemo.support.SharedDemo;
import dev.opsdemo.support.Shell;
import dev.opsdemo.support.Venvs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The script `harness commands` prints, run for real with bash in an empty directory, then checked against what
 * the real systems hold: git's remote, MLflow's registry (read with MLflow's own Python client), the process table
 * and the ports.
 */
@EndToEnd
class ExportedScriptTest {

    private static final Pattern SERVED = Pattern.compile("(?:http|git)://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path work;

    @AfterEach
    void nothingLeftRunning() {
        Leftovers.assertNoChildProcesses();
    }

    /** The Python each logged model says it was made with (its python_env.yaml, in the artifact store). */
    private static List<String> loggedModelPythons(Path artifacts) throws Exception {
        try (var files = Files.walk(artifacts)) {
            List<String> pythons = new java.util.ArrayList<>();
            for (Path file : files.filter(p -> p.getFileName().toString().equals("python_env.yaml")).toList()) {
                Files.readAllLines(file).stream().filter(line -> line.startsWith("python: "))
                        .forEach(line -> pythons.add(line.substring("python: ".length()).strip()));
            }
            return pythons;
        }
    }

    @Test
    void theExportedScriptRunsBothLanesAndStopsEveryServerItStarted() throws Exception {
        HarnessRun export = HarnessRun.of("commands");
        assertEquals(0, export.exitCode(), export.all());
        // Saved in the checkout, as its intro says, so it finds the checkout's sample projects where it is.
        Path script = Files.createDirectories(MlflowWitness.repoRoot().resolve("harness/target/exported"))
                .resolve("plain-" + ProcessHandle.current().pid() + ".sh");
        Files.writeString(script, export.out());
        assertFalse(export.out().contains(MlflowWitness.repoRoot().toString()), "no path of this checkout");

        // As a learner runs it: from an empty directory that becomes the workspace, with a venv of their own active
        // (another Python's, not the checkout's .venv), which its MLOps steps then use. Both lanes' whole work takes
        // the demo's time or more on a busy machine: the limit only stops a hung script. With -x bash prints each
        // command as it runs it, the servers' URLs (and so their ports) included.
        Path venv = Venvs.python312();
        Shell.Output run;
        try {
            run = Shell.run(work, Map.of("VIRTUAL_ENV", venv.toString(), "PATH", venv.resolve("bin") + ":"
                    + System.getenv("PATH")), Duration.ofMinutes(20), "bash", "-x", script.toString());
        } finally {
            Files.deleteIfExists(script);
        }
        assertEquals(0, run.exitCode(), run.text());
        assertTrue(run.text().contains("+ source " + venv + "/bin/activate"), "the active venv: " + run.text());
        List<String> pythons = loggedModelPythons(work.resolve("mlops/mlflow/artifacts"));
        assertTrue(!pythons.isEmpty() && pythons.stream().allMatch(python -> python.startsWith("3.12.")),
                "the models were logged by the active venv's Python 3.12: " + pythons);

        String head = Shell.ok(work, "git", "-C", work.resolve("devops/sample-app").toString(), "rev-parse", "HEAD")
                .firstLine();
        String remoteMain = Shell.ok(work, "git", "--git-dir", work.resolve("devops/remote/sample-app.git")
                .toString(), "rev-parse", "main").firstLine();
        assertTrue(head.matches("[0-9a-f]{40}"), head);
        assertEquals(head, remoteMain, "the remote's main is the commit that was built");

        JsonNode registry = MlflowWitness.read(work.resolve("mlops/mlflow/mlflow.db"),
                MlopsSettings.DEFAULT_MODEL,
                MlopsSettings.DEFAULT_EXPERIMENT);
        String champion = registry.at("/aliases/" + MlopsSettings.ALIAS).asText();
        assertTrue(!champion.isEmpty(), "alias " + MlopsSettings.ALIAS + " is set: " + registry);
        JsonNode championVersion = null;
        for (JsonNode version : registry.get("versions")) {
            if (version.get("version").asText().equals(champion)) {
                championVersion = version;
            }
        }
        assertTrue(championVersion != null, "the alias names an existing version: " + registry);
        assertEquals("READY", championVersion.get("status").asText(), registry.toString());
        assertTrue(championVersion.get("source").asText().matches("models:/m-[0-9a-f]{32}"),
                "MLflow 3: registered from the logged model: " + registry);
        JsonNode championRun = registry.at("/runs/" + championVersion.get("run_id").asText());
        assertTrue(championRun.at("/metrics/accuracy").isNumber(), "the champion comes from a training run");
        assertEquals(1, championRun.get("dataset_digests").size(), "its data is versioned with it");

        Set<Integer> ports = new TreeSet<>();
        Matcher served = SERVED.matcher(run.text());
        while (served.find()) {
            ports.add(Integer.parseInt(served.group(1)));
        }
        assertTrue(ports.size() >= 4, "git daemon, the app, mlflow server and the model server: " + ports);
        Leftovers.assertNoChildProcesses();
        for (int port : ports) {
            Leftovers.assertNotListening("http://127.0.0.1:" + port);
        }
        // Servers run in sessions of their own, so once bash is gone a leftover would no longer be our
        // descendant: look for anything still naming the workspace too.
        List<String> strays = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(work.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertEquals(List.of(), strays, "processes still running in " + work);

        // The demo in local mode, the same steps run by the harness, leaves the same MLflow content.
        assertEquals(MlflowWitness.content(SharedDemo.passed().mlflowDb()).toPrettyString(),
                MlflowWitness.content(work.resolve("mlops/mlflow/mlflow.db")).toPrettyString(),
                "the script's MLflow store (actual) holds what the demo's does (expected)");
    }
}
