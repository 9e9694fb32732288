package dev.opsdemo.practice;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ShellContext;
import dev.opsdemo.demo.Command;
import dev.opsdemo.workspace.AtomicFile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code practice/env.sh}: what the learner's own shell sources to run the shown commands as the harness would, in
 * the workspace, with the lanes' variables as they stand (the venv on PATH, {@code MLFLOW_TRACKING_URI}, git's
 * credential helper, and for MLflow a secrets file loaded by name or a reminder to export one's own credentials). It
 * holds no secret: the helper reads the password from its own file.
 */
final class EnvScript {

    private final Path file;
    private final Path workspace;

    EnvScript(Path file, Path workspace) {
        this.file = file;
        this.workspace = workspace;
    }

    Path file() {
        return file;
    }

    /** The script for the lanes as they stand now. */
    String text(List<Lane> lanes) {
        Map<String, String> environment = new TreeMap<>();
        lanes.stream().map(lane -> lane.shell().get()).filter(Objects::nonNull).map(ShellContext::environment)
                .forEach(environment::putAll);
        List<String> lines = new ArrayList<>(List.of(
                "# The practice's environment: source it in your own shell (. " + file + "), do not run it.",
                "# Written by ./scripts/harness.sh practice. No secret is in it: git's credential helper reads",
                "# the password from its own file.",
                "cd " + Command.quote(workspace.toString()) + " || return"));
        environment.forEach((name, value) -> lines.add("export " + name + "=" + shellValue(name, value)));
        lanes.stream().map(lane -> lane.shell().get()).filter(Objects::nonNull)
                .forEach(shell -> lines.addAll(shell.setup()));
        return String.join("\n", lines) + "\n";
    }

    /** Writes the script when it would say something new; true when it did (the learner must source it again). */
    boolean write(List<Lane> lanes) throws IOException {
        String text = text(lanes);
        if (Files.isRegularFile(file) && Files.readString(file).equals(text)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, text);
        return true;
    }

    /** PATH keeps the learner's own after what a lane puts first, rather than the harness's PATH. */
    private static String shellValue(String name, String value) {
        String inherited = System.getenv("PATH");
        if (name.equals("PATH") && inherited != null && value.endsWith(File.pathSeparator + inherited)) {
            return Command.quote(value.substring(0, value.length() - inherited.length() - 1)) + ":\"$PATH\"";
        }
        return Command.quote(value);
    }
}
