package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apache httpd from the OS packages, as the test servers the project did not write run it ({@link GitHttpBackend},
 * {@link TlsProxy}): a configuration of their own, in the foreground, its module paths and, started as root, workers
 * that become Debian's {@code www-data}.
 */
final class Apache {

    static final Path BINARY = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    /** The Unix user Apache's workers become when it starts as root (Debian's). */
    static final String WORKER_USER = "www-data";

    private Apache() {
    }

    static boolean installed(String... modules) {
        return Files.isExecutable(BINARY) && List.of(modules).stream()
                .allMatch(name -> Files.isRegularFile(MODULES.resolve("mod_" + name + ".so")));
    }

    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The configuration lines that load {@code names}. */
    static String modules(String... names) {
        return String.join("\n", List.of(names).stream()
                .map(name -> "LoadModule " + name + "_module " + MODULES.resolve("mod_" + name + ".so")).toList());
    }

    /** The workers read their files through the test's temporary directories (made 0700). */
    static void openToWorkers(Path dir) throws Exception {
        if (!asRoot()) {
            return;
        }
        for (Path up = dir.toAbsolutePath(); up != null && up.getNameCount() > 1; up = up.getParent()) {
            Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(up));
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(up, permissions);
        }
    }

    /** Apache on {@code config}, ready once GET {@code healthPath} on {@code port} answers 200; stopped by cleanup. */
    static void start(Cleanup cleanup, Path dir, Path config, String name, int port, String healthPath) {
        LocalService.start(new ProcessRunner(cleanup), new ProcessCommand(List.of(BINARY.toString(), "-f",
                config.toString(), "-DFOREGROUND"), dir, Map.of()), line -> { }, name, port, healthPath,
                Duration.ofSeconds(30));
    }
}
