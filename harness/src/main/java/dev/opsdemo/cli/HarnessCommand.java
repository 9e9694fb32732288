package dev.opsdemo.cli;

import dev.opsdemo.demo.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "harness", mixinStandardHelpOptions = true, version = "opsdemo harness 1.0",
        description = "Runs a real DevOps workflow and a real MLOps workflow side by side, and contrasts them.",
        subcommands = {DemoCommand.class, DevopsCommand.class, MlopsCommand.class, VerifyCommand.class,
                CommandsCommand.class, DoctorCommand.class, UiCommand.class, PracticeCommand.class,
                ClassroomCommand.class})
public final class HarnessCommand implements Callable<Integer> {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    @Spec
    CommandSpec spec;

    HarnessCommand(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** What the user types: the keys of a live run, the quiz's answer lines in CI mode. */
    InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean terminal() {
        return terminal;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.USAGE.code();
    }
}
