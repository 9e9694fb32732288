package dev.opsdemo.support;

import dev.opsdemo.exec.Cleanup;
import dev.opsdemo.exec.Ports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * A Git host the project did not write: git's own {@code git http-backend} (smart HTTP) behind Apache from the OS
 * packages, on 127.0.0.1, where every request to a repository needs HTTP Basic credentials from its password file.
 * Its repositories are bare ones under {@code dir/repos}; {@code /health} answers without credentials.
 */
public final class GitHttpBackend implements AutoCloseable {

    private static final Path HTTP_BACKEND = Path.of("/usr/lib/git-core/git-http-backend");
    /** Apache's workers must own the repositories. */
    private static final String WORKER_USER = Apache.WORKER_USER;

    private final Cleanup cleanup;
    private final String baseUrl;
    private final Path repos;

    private GitHttpBackend(Cleanup cleanup, String baseUrl, Path repos) {
        this.cleanup = cleanup;
        this.baseUrl = baseUrl;
        this.repos = repos;
    }

    /** Apache and git's backend, installed by .ci/run (apache2): a missing one fails under CI, else skips. */
    public static void require() {
        CiTool.require(Apache.installed() && Files.isExecutable(HTTP_BACKEND),
                "no " + Apache.BINARY + " or " + HTTP_BACKEND + " (apt-get install apache2 git)");
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
        boolean root = Apache.asRoot();
        if (root) {
            // git refuses a repository another user owns, and the workers must write to it.
            Shell.ok(dir, "chown", "-R", WORKER_USER + ":" + WORKER_USER, repos.toString());
        }
        Apache.openToWorkers(dir);
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
                Apache.modules("mpm_event", "authz_core", "authz_user", "authn_core", "authn_file", "auth_basic",
                        "alias", "env", "cgid"),
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
            Apache.start(cleanup, dir, config, "apache2 with git http-backend", port, "/health");
            return new GitHttpBackend(cleanup, "http://127.0.0.1:" + port, repos);
        } catch (RuntimeException e) {
            cleanup.close();
            throw e;
        }
    }

    /** The repository's URL, as a user clones it. */
    public String url(String name) {
        return baseUrl + "/git/" + name;
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
