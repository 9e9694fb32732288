package dev.opsdemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, description = "Runs the demo and checks each step's output against the golden files.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Override
    public Integer call() {
        top.err().println("harness verify: not yet available in this version");
        return Main.EXIT_USAGE;
    }
}
