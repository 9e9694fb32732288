package dev.opsdemo.cli;

import dev.opsdemo.workspace.RepoLayout;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every lane-running subcommand shares. */
public final class CommonOptions {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Where the run keeps its state and records (default: demo-workspace/ in the checkout).")
    Path workspace;

    @Option(names = "--non-interactive",
            description = "No pauses, no typing effect; implied when stdout is not a terminal.")
    boolean nonInteractive;

    @Option(names = "--no-color", description = "Plain output (the NO_COLOR environment variable works too).")
    boolean noColor;

    Path workspaceOrDefault(RepoLayout repo) {
        return workspace != null ? workspace : repo.defaultWorkspace();
    }

    boolean interactive(boolean terminal) {
        return terminal && !nonInteractive;
    }
}
