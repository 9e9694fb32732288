package dev.opsdemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs both lanes and ends with the side-by-side contrast.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Override
    public Integer call() {
        top.err().println("harness demo: not yet available in this version");
        return Main.EXIT_USAGE;
    }
}
