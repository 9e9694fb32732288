package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DevOps lane's Git remote: a bare repository served over HTTP by JGit on 127.0.0.1, where only someone with
 * the run's credentials may push. Started by the first step; the push step releases to it.
 */
final class GitRemote {

    /**
     * The learner's script has no JGit HTTP server to start: git's own daemon serves the bare repository on
     * 127.0.0.1 instead, a real network remote but one without credentials (git http-backend would need a web
     * server in front of it). The credential helper the push names is then simply never asked.
     */
    static final ScriptGlue GIT_DAEMON = ScriptGlue.after(
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

    GitRemote(Path devopsDir) {
        this.devopsDir = devopsDir;
        this.bareRepository = devopsDir.resolve("remote").resolve(DevopsLane.REPOSITORY);
    }

    Path bareRepository() {
        return bareRepository;
    }

    /** The remote's address once started; null before. */
    String url() {
        return server == null ? null : server.url();
    }

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

    /** What the push step shows: origin added (or re-pointed, on a later run), pushed, and read back. */
    Command pushCommand(SampleAppRepository repository) {
        boolean hasOrigin;
        try {
            hasOrigin = repository.hasOrigin();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working copy " + repository.workingCopy(), e);
        }
        String withCredentials = "git -c credential.helper='store --file=${GIT_CREDENTIALS}' ";
        return Command.of("git -C ${APP_DIR} remote " + (hasOrigin ? "set-url" : "add") + " origin ${REMOTE_URL}",
                withCredentials + "-C ${APP_DIR} push origin " + SampleAppRepository.BRANCH,
                withCredentials + "-C ${APP_DIR} ls-remote origin refs/heads/" + SampleAppRepository.BRANCH);
    }

    /** Pushes the commit that was built and tested, then asks the remote for its branch, as ls-remote does. */
    void push(StepContext context, SampleAppRepository repository, CommitSummary commit) throws Exception {
        PushOutcome outcome = repository.push(server.url(), credentialsProvider());
        outcome.lines().forEach(context::out);
        if (outcome.rejectedNonFastForward()) {
            context.out("hint: Updates were rejected because the remote contains work that you do not have locally.");
            throw new StepFailedException("the remote refused the push (non-fast-forward)",
                    "someone pushed commits to " + server.url() + " that the working copy "
                            + repository.workingCopy() + " does not have; pushing would erase them, and the "
                            + "harness never force-pushes",
                    "integrate their work first (git pull, or use a fresh --workspace), then push again");
        }
        if (!outcome.accepted()) {
            throw new StepFailedException("the remote refused the push", "see the ref update line above",
                    "fix what the remote names and run the lane again");
        }
        String pushed = branchHead();
        context.out(pushed + "\trefs/heads/" + SampleAppRepository.BRANCH);
        if (!commit.sha().equals(pushed)) {
            throw new StepFailedException("the remote's main is " + pushed + ", not the commit " + commit.sha(),
                    "the push reported success but the remote does not hold the commit",
                    "inspect " + bareRepository + " with git log");
        }
        context.note("the remote's " + SampleAppRepository.BRANCH + " is " + pushed + ", the commit that was built "
                + "and tested");
        context.record(new DevopsFacts.Push(pushed));
    }

    /** What the remote's branch points at, asked over HTTP as {@code git ls-remote} does; null while it has none. */
    String branchHead() throws Exception {
        return SampleAppRepository.lsRemote(server.url(), credentialsProvider());
    }

    private UsernamePasswordCredentialsProvider credentialsProvider() {
        return new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }
}
