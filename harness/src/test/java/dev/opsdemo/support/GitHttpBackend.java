package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.LocalService;
import dev.opsdemo.exec.Ports;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Git host the project did not write: git's own {@code git http-backend} (smart HTTP) behind Apache from the OS
 * packages, on 127.0.0.1, where every request to a repository needs HTTP Basic credentials from its password file.
 * Its repositories are bare ones under {@code dir/repos}; {@code /health} answers without credentials.
 */
public final class GitHttpBackend implements AutoCloseable {

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final Path HTTP_BACKEND = Path.of("/usr/lib/git-core/git-http-backend");
    /** The Unix user Apache's workers become when it starts as root (Debian's); it must own the repositories. */
    private static final String WORKER_USER = "www-data";

    private final Cleanup cleanup;
    private final LocalService service;
    private final Path repos;

    private GitHttpBackend(Cleanup cleanup, LocalService service, Path repos) {
        this.cleanup = cleanup;
        this.service = service;
        this.repos = repos;
    }

    /** Apache and git's backend, installed by .ci/run (apache2): a missing one fails under CI, else skips. */
    public static void require() {
        CiTool.require(Files.isExecutable(APACHE) && Files.isExecutable(HTTP_BACKEND),
                "no " + APACHE + " or " + HTTP_BACKEND + " (apt-get install apache2 git)");
    }

    /** Serves an empty bare repository {@code name} (e.g. sample-app.git) to {@code user} with {@code password}. */
    public static GitHttpBackend start(Path dir, String name, String user, String password) throws Exception {
        Tier.endToEndOnly("a Git server");
        require();
        Path repos = Files.createDirectories(dir.resolve("repos"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("health"), "OK\n");
        Shell.ok(dir, "git", "init", "-q", "--bare", "-b", "main", repos.resolve(name).toString());
        Shell.ok(dir, "git", "--git-dir", repos.resolve(name).toString(), "config", "http.receivepack", "true");
        // Apache's {SHA} password format: the file holds no password, only its digest.
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
        Path passwords = dir.resolve("htpasswd");
        Files.writeString(passwords, user + ":{SHA}" + Base64.getEncoder().encodeToString(digest) + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // git refuses a repository another user owns, and the workers must write to it.
            Shell.ok(dir, "chown", "-R", WORKER_USER + ":" + WORKER_USER, repos.toString());
            // The workers must reach their files through the test's temporary directories (made 0700).
            for (Path up = dir.toAbsolutePath(); up != null && up.getNameCount() > 1; up = up.getParent()) {
                Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(up));
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(up, permissions);
            }
        }
        int port = Ports.freeLoopbackPort();
        Path config = dir.resolve("httpd.conf");
        Files.writeString(config, String.join("\n", List.of(
                "ServerRoot /etc/apache2",
                "ServerName 127.0.0.1",
                "Listen 127.0.0.1:" + port,
                "DefaultRuntimeDir " + run,
                "PidFile " + run.resolve("httpd.pid"),
                "ErrorLog " + dir.resolve("error.log"),
                "LogLevel warn",
                module("mpm_event"), module("authz_core"), module("authz_user"), module("authn_core"),
                module("authn_file"), module("auth_basic"), module("alias"), module("env"), module("cgid"),
                "ScriptSock " + run.resolve("cgid.sock"),
                root ? "User " + WORKER_USER + "\nGroup " + WORKER_USER : "",
                "DocumentRoot " + docs,
                "SetEnv GIT_PROJECT_ROOT " + repos,
                "SetEnv GIT_HTTP_EXPORT_ALL 1",
                "ScriptAlias /git/ " + HTTP_BACKEND + "/",
                "<Location /git/>",
                "  AuthType Basic",
                "  AuthName \"the class's Git\"",
                "  AuthUserFile " + passwords,
                "  Require valid-user",
                "</Location>", "")));
        Cleanup cleanup = new Cleanup(problem -> { });
        try {
            LocalService service = LocalService.start(new ProcessRunner(cleanup), new ProcessCommand(List.of(
                    APACHE.toString(), "-f", config.toString(), "-DFOREGROUND"), dir, Map.of()), line -> { },
                    "apache2 with git http-backend", port, "/health", Duration.ofSeconds(30));
            return new GitHttpBackend(cleanup, service, repos);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    private static String module(String name) {
        return "LoadModule " + name + "_module " + MODULES.resolve("mod_" + name + ".so");
    }

    /** The repository's URL, as a user clones it. */
    public String url(String name) {
        return service.baseUrl() + "/git/" + name;
    }

    /** The bare repository on disk, to read back with git. */
    public Path repository(String name) {
        return repos.resolve(name);
    }

    /** The repository's main, read on disk (it belongs to Apache's user: git is told that is safe). */
    public String head(String name) throws InterruptedException {
        Shell.Output head = Shell.run(repos, "git", "-c", "safe.directory=*", "--git-dir",
                repository(name).toString(), "rev-parse", "--verify", "-q", "refs/heads/main");
        return head.exitCode() == 0 ? head.firstLine() : null;
    }

    @Override
    public void close() {
        cleanup.close();
    }
}
