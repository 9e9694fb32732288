package dev.opsdemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "commands", mixinStandardHelpOptions = true, description = "Prints the equivalent plain git/mvn/mlflow commands as a runnable script.")
final class CommandsCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Override
    public Integer call() {
        top.err().println("harness commands: not yet available in this version");
        return Main.EXIT_USAGE;
    }
}
