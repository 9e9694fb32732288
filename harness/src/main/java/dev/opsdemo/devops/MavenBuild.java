package dev.opsdemo.devops;

import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.Executables;
import dev.opsdemo.exec.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code mvn -B package} of the working copy: compiles, runs the unit tests, packages the jar. */
public final class MavenBuild {

    /** The build of the project in {@code dir} (its pom.xml's directory), whatever directory it starts from. */
    public static List<String> packageCommand(String mvn, String dir) {
        return List.of(mvn, "-B", "-ntp", "-f", dir, "package");
    }
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Path project;

    public MavenBuild(Path project) {
        this.project = project;
    }

    public Path jar() {
        return project.resolve("target/sample-app.jar");
    }

    public Path surefireReports() {
        return project.resolve("target/surefire-reports");
    }

    public void packageWithTests(StepContext context) throws Exception {
        Path mvn = Executables.onPath("mvn").orElseThrow(() -> new PrerequisiteMissingException(
                "Maven (mvn) is not on PATH", "the DevOps lane builds sample-app with real Maven",
                "install Maven 3.8 or newer (e.g. apt-get install maven) and run again"));
        List<String> argv = packageCommand(mvn.toString(), project.toString());
        ProcessRunner.Result result = context.processes().run(ProcessCommand.of(project, argv), TIMEOUT, context.lines());
        if (!result.succeeded()) {
            TestReport tests = TestReport.read(surefireReports());
            if (!tests.failures().isEmpty()) {
                throw new StepFailedException("the build failed: " + tests.failed() + " unit test(s) failed: "
                        + String.join("; ", tests.failures()),
                        "a failing unit test stops the DevOps pipeline before anything is released",
                        "fix the code or the test in " + project + ", then run the lane again; nothing was pushed");
            }
            throw new StepFailedException("mvn package failed with exit code " + result.exitCode(),
                    "Maven could not build sample-app (see its output above)",
                    "fix the error Maven names, then run the lane again; nothing was pushed");
        }
        if (!Files.isRegularFile(jar())) {
            throw new StepFailedException("mvn package succeeded but " + jar() + " is missing",
                    "the build did not produce the artifact the deploy step starts",
                    "check sample-app's pom.xml (finalName sample-app)");
        }
    }
}
