package dev.opsdemo.cli;

import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.ExitCode;
import dev.opsdemo.mlflow.ServerCertificate;
import dev.opsdemo.workspace.UsageException;
import dev.opsdemo.workspace.Workspace;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** Entry point. Exit codes: {@link ExitCode}, listed by every command's {@code --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, so the step markers survive a C-locale CI runner.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        try {
            // Before any connection: the JVM's trust is read once, when its first TLS connection is made.
            ServerCertificate.trustFromEnvironment();
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            System.exit(ExitCode.USAGE.code());
        }
        System.exit(execute(args, out, err, System.console() != null));
    }

    /** Runs the CLI in this JVM, reading what the user types from the JVM's stdin. */
    public static int execute(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return execute(args, System.in, out, err, terminal);
    }

    /** Runs the CLI in this JVM; tests call this with captured streams (and {@code in}, the answers they pipe). */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        HarnessCommand top = new HarnessCommand(in, out, err, terminal);
        CommandLine commandLine = new CommandLine(top);
        // Every command's --help ends with the one exit-code table.
        Stream.concat(Stream.of(commandLine), commandLine.getSubcommands().values().stream())
                .forEach(command -> command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(ExitCode.descriptions()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof UsageException) {
                err.println("error: " + exception.getMessage());
                return ExitCode.USAGE.code();
            }
            if (exception instanceof PrerequisiteMissingException) {
                err.println("missing prerequisite: " + exception.getMessage());
                return ExitCode.PREREQUISITE_MISSING.code();
            }
            if (exception instanceof UncheckedIOException io) {
                // A record could not be written mid-run (disk full, a path taken by a directory): the run was
                // stopped and cleaned up; a stack trace would bury the one line that matters.
                err.println("error: " + io.getMessage() + ": " + Workspace.reason(io.getCause()));
                err.println("  next: free some space or fix the workspace's permissions, then run again");
                return ExitCode.STEP_FAILED.code();
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
