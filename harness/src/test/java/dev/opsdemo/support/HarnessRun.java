package dev.opsdemo.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.cli.Main;
import dev.opsdemo.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the harness CLI in this JVM with captured output, as a non-terminal (CI) user would. */
public record HarnessRun(int exitCode, String out, String err) {

    public static HarnessRun of(String... args) {
        return withStdin("", args);
    }

    /** The same, with {@code stdin} as what the user types (the quiz's answer lines, say). */
    public static HarnessRun withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, false);
        }
        return new HarnessRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The harness as users start it, {@code ./scripts/harness.sh}, in a process whose environment adds {@code env}
     * (settings the harness reads from its environment, such as MLflow's credentials); its output is all in
     * {@link #out}, as a terminal shows it.
     */
    public static HarnessRun launched(Map<String, String> env, String... args) throws InterruptedException {
        Tier.endToEndOnly("the harness as a process");
        Map<String, String> all = new HashMap<>(env);
        all.put("OPSDEMO_CLASSPATH", System.getProperty("java.class.path"));
        List<String> argv = new ArrayList<>(List.of(MlflowWitness.repoRoot().resolve("scripts/harness.sh")
                .toString()));
        argv.addAll(List.of(args));
        Shell.Output output = Shell.run(MlflowWitness.repoRoot(), all, Duration.ofMinutes(10),
                argv.toArray(String[]::new));
        return new HarnessRun(output.exitCode(), output.text(), "");
    }

    /** The MLOps lane, non-interactive, against a local `mlflow server` in this workspace. */
    public static HarnessRun mlopsLocal(Path workspace, String... extra) {
        Tier.endToEndOnly("the MLOps lane");
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"mlops", "--non-interactive", "--workspace", workspace.toString(),
                "--mlflow=local"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return of(args);
    }

    public static JsonNode summary(Path workspace) throws IOException {
        return Json.MAPPER.readTree(workspace.resolve("summary.json").toFile());
    }

    /** The closing lines after the contrast table: the key concept and what this run's evidence shows. */
    public String closing() {
        int key = out.indexOf("Key concept:");
        if (key < 0) {
            throw new AssertionError("the run closes on the key concept:\n" + all());
        }
        return out.substring(key).replaceAll("\\s+", " ");
    }

    /** Everything the user saw, for assertion messages. */
    public String all() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
