package dev.opsdemo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "mlops", mixinStandardHelpOptions = true, description = "The MLOps lane: MLflow server, mlflow run, registry, serving, monitoring.")
final class MlopsCommand implements Callable<Integer> {

    @ParentCommand
    HarnessCommand top;

    @Override
    public Integer call() {
        top.err().println("harness mlops: not yet available in this version");
        return Main.EXIT_USAGE;
    }
}
