package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.StepContext;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Git remote the harness serves itself: a bare repository in the workspace, served over HTTP by JGit on
 * 127.0.0.1, where only someone with the run's credentials (generated per workspace) may push. JGit pushes to it.
 */
final class EmbeddedGitRemote extends GitRemote {

    /**
     * The learner's script has no JGit HTTP server to start: git's own daemon serves the bare repository on
     * 127.0.0.1 instead, a real network remote but one without credentials (git http-backend would need a web
     * server in front of it). The credential helper the push names is then simply never asked.
     */
    private static final ScriptGlue GIT_DAEMON = ScriptGlue.after(
            "# The harness serves it over HTTP with JGit, where a push needs a password; plain git's own daemon",
            "# serves it here, without one.",
            "GIT_PORT=$(free_port)",
            "REMOTE_URL=\"git://127.0.0.1:$GIT_PORT/" + DevopsLane.REPOSITORY + "\"",
            // Absolute: the daemon serves paths under it whatever its own working directory.
            "REMOTES=\"$PWD/$(dirname \"${BARE_REPO}\")\"",
            "git daemon --listen=127.0.0.1 --port=\"$GIT_PORT\" --reuseaddr --base-path=\"$REMOTES\" --export-all \\",
            "  --enable=receive-pack \"$REMOTES\" >\"$WORK/logs/git-daemon.log\" 2>&1 &",
            "SERVERS+=(\"$!\")",
            "for _ in $(seq 50); do git ls-remote \"$REMOTE_URL\" >/dev/null 2>&1 && break; sleep 0.2; done");

    private final Path devopsDir;
    private final Path bareRepository;
    private GitCredentials credentials;
    private GitRemoteServer server;

    EmbeddedGitRemote(Path devopsDir) {
        this.devopsDir = devopsDir;
        this.bareRepository = devopsDir.resolve("remote").resolve(DevopsLane.REPOSITORY);
    }

    @Override
    String title() {
        return "Start the Git remote";
    }

    @Override
    Command startCommand() {
        return Command.of("cd ${WORKSPACE}", "git init --bare -b " + SampleAppRepository.BRANCH + " ${BARE_REPO}");
    }

    @Override
    ScriptGlue script() {
        return GIT_DAEMON;
    }

    @Override
    Path bareRepository() {
        return bareRepository;
    }

    /** The remote's address once started; null before. */
    @Override
    String url() {
        return server == null ? null : server.url();
    }

    @Override
    String pushHint() {
        return "The push needs the password: the credential helper on the line reads it from its file, so it is "
                + "never typed.";
    }

    /**
     * The helper reads the credentials from their file, given as git's own config through the environment, so the
     * working copy's config and the environment hold no password.
     */
    @Override
    Map<String, String> shellEnvironment() {
        return Map.of("GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "credential.helper",
                "GIT_CONFIG_VALUE_0", "store --file=" + devopsDir.resolve(GitCredentials.STORE_FILE_NAME));
    }

    @Override
    void start(StepContext context) throws Exception {
        credentials = GitCredentials.loadOrCreate(devopsDir);
        context.secret(credentials.password());
        boolean existed = Files.isRegularFile(bareRepository.resolve("HEAD"));
        server = context.cleanup().register("Git remote (Jetty)", GitRemoteServer.start(bareRepository,
                credentials));
        Path credentialStore = credentials.writeCredentialStore(devopsDir, server.url());
        // What git itself prints for this command; JGit created (or found) the repository.
        context.out((existed ? "Reinitialized existing" : "Initialized empty") + " Git repository in "
                + bareRepository + "/");
        context.note("JGit's HTTP server serves it at " + server.url() + ", bound to 127.0.0.1; a push needs user '"
                + credentials.username() + "' and the password in " + credentialStore + " (anonymous ones get 401)");
        context.record(new DevopsFacts.Remote(server.url(), bareRepository.toString(), SampleAppRepository.BRANCH));
    }

    /** The credential helper reads the password from its file: it is never typed, nor on the line. */
    @Override
    String pushGitOptions() {
        return "-c credential.helper='store --file=${GIT_CREDENTIALS}' ";
    }

    @Override
    PushOutcome pushMain(StepContext context, SampleAppRepository repository) throws Exception {
        PushOutcome outcome = repository.push(server.url(), credentialsProvider());
        if (!outcome.rejectedNonFastForward()) {
            return outcome;
        }
        // As git ends its lines for such a refusal.
        List<String> lines = new ArrayList<>(outcome.lines());
        lines.add("hint: Updates were rejected because the remote contains work that you do not have locally.");
        return new PushOutcome(outcome.accepted(), true, lines);
    }

    /** Asked over HTTP with JGit; its line on screen is the one {@code git ls-remote} prints. */
    @Override
    String branchHead(StepContext context, boolean shown) throws Exception {
        String head = SampleAppRepository.lsRemote(server.url(), credentialsProvider());
        if (shown && head != null) {
            context.out(head + "\trefs/heads/" + SampleAppRepository.BRANCH);
        }
        return head;
    }

    private UsernamePasswordCredentialsProvider credentialsProvider() {
        return new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }
}
