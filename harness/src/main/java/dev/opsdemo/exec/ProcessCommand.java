package dev.opsdemo.exec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A process to run: its argument vector, working directory and the environment it adds to the harness's own. */
public record ProcessCommand(List<String> argv, Path workDir, Map<String, String> extraEnv) {

    public ProcessCommand {
        argv = List.copyOf(argv);
        extraEnv = Map.copyOf(extraEnv);
    }

    public static ProcessCommand of(Path workDir, String... argv) {
        return new ProcessCommand(List.of(argv), workDir, Map.of());
    }

    public static ProcessCommand of(Path workDir, List<String> argv) {
        return new ProcessCommand(argv, workDir, Map.of());
    }

    public ProcessCommand withEnv(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put(name, value);
        return new ProcessCommand(argv, workDir, env);
    }

    public ProcessCommand withEnv(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.putAll(more);
        return new ProcessCommand(argv, workDir, env);
    }

    /** The command as a person would type it, for captions and error messages. */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(arg.matches("[A-Za-z0-9_./:=@,+%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
