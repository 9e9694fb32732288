package dev.opsdemo.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness's own checkout is: the lanes' subjects ({@code sample-app/}, {@code sample-ml-project/}) and
 * the Python venv live there. Found from {@code -Dopsdemo.repoRoot} (set by the scripts) or by walking up from the
 * current directory.
 */
public record RepoLayout(Path root) {

    public static RepoLayout locate() {
        String property = System.getProperty("opsdemo.repoRoot");
        if (property != null && !property.isBlank()) {
            return new RepoLayout(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("sample-app/pom.xml")) && Files.isDirectory(dir.resolve("harness"))) {
                return new RepoLayout(dir);
            }
        }
        throw new UsageException("cannot find the harness's checkout (sample-app/, sample-ml-project/)",
                "run through ./scripts/demo.sh, or from inside the checkout");
    }

    public Path sampleApp() {
        return root.resolve("sample-app");
    }

    public Path sampleMlProject() {
        return root.resolve("sample-ml-project");
    }

    public Path venv() {
        return root.resolve(".venv");
    }

    /** The venv an option named ({@code --venv DIR}), absolute; the checkout's .venv when none was. */
    public Path venv(Path chosen) {
        return chosen != null ? chosen.toAbsolutePath().normalize() : venv();
    }

    public Path defaultWorkspace() {
        return root.resolve("demo-workspace");
    }
}
