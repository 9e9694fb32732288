package dev.opsdemo.cli;

import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Entry point. Exit codes: 0 success, 1 a step failed, 2 usage error, 3 a prerequisite is missing, 130 Ctrl-C,
 * 143 SIGTERM.
 */
public final class Main {

    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, so the step markers survive a C-locale CI runner.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err, System.console() != null));
    }

    /** Runs the CLI in this JVM; tests call this with captured streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        HarnessCommand top = new HarnessCommand(out, err, terminal);
        CommandLine commandLine = new CommandLine(top);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof UsageException) {
                err.println("error: " + exception.getMessage());
                return EXIT_USAGE;
            }
            if (exception instanceof PrerequisiteMissingException) {
                err.println("missing prerequisite: " + exception.getMessage());
                return Runner.EXIT_PREREQUISITE_MISSING;
            }
            if (exception instanceof UncheckedIOException io) {
                // A record could not be written mid-run (disk full, a path taken by a directory): the run was
                // stopped and cleaned up; a stack trace would bury the one line that matters.
                err.println("error: " + io.getMessage() + ": " + Workspace.reason(io.getCause()));
                err.println("  next: free some space or fix the workspace's permissions, then run again");
                return Runner.EXIT_STEP_FAILED;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
