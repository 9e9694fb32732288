package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the DevOps lane releases to: the remote its first step makes ready and its push step pushes the tested
 * commit to, fast-forward only. Either one the harness serves itself ({@link EmbeddedGitRemote}) or one that already
 * exists ({@link ExistingGitRemote}, {@code --git-remote URL}).
 */
abstract sealed class GitRemote permits EmbeddedGitRemote, ExistingGitRemote {

    /**
     * {@code existing}: the remote {@code --git-remote} names, or null for the one the harness serves;
     * {@code workingCopy}: the one the lane pushes from.
     */
    static GitRemote of(Workspace workspace, Path workingCopy, URI existing) {
        return existing == null ? new EmbeddedGitRemote(workspace.devops())
                : new ExistingGitRemote(existing, workspace.root(), workingCopy);
    }

    /** The first step's title. */
    abstract String title();

    /** The first step's lines, which make the remote ready (the run works in the workspace from then on). */
    abstract Command startCommand();

    /** What the learner's script adds to those lines. */
    abstract ScriptGlue script();

    abstract void start(StepContext context) throws Exception;

    /** The remote's address; null while unknown. */
    abstract String url();

    /** The bare repository in the workspace that the harness serves; null for an existing remote. */
    abstract Path bareRepository();

    /** What the push step shows: origin added (or re-pointed, on a later run), pushed, and read back. */
    final Command pushCommand(SampleAppRepository repository) {
        String git = "git " + pushGitOptions();
        return Command.of("git -C ${APP_DIR} remote " + (hasOrigin(repository) ? "set-url" : "add")
                        + " origin ${REMOTE_URL}",
                git + "-C ${APP_DIR} push origin " + SampleAppRepository.BRANCH,
                git + "-C ${APP_DIR} ls-remote origin refs/heads/" + SampleAppRepository.BRANCH);
    }

    /** What git's push and ls-remote need on their line to sign in ("" or options ending in a blank). */
    abstract String pushGitOptions();

    /** How the push signs in, for the learner who types it. */
    abstract String pushHint();

    /** What an off-script shell in the working copy needs so that git can push and fetch there. */
    abstract Map<String, String> shellEnvironment();

    /** Points origin at the remote and pushes {@code main} to it, never forced; its lines are on screen after. */
    abstract PushOutcome pushMain(StepContext context, SampleAppRepository repository) throws Exception;

    /**
     * What the remote's branch points at, asked as {@code git ls-remote} does; null while it has none. {@code shown}:
     * the answer's lines go on screen, as those of the push step's last command.
     */
    abstract String branchHead(StepContext context, boolean shown) throws Exception;

    /** Whether the working copy has the remote {@code origin} already (a later run), so it is re-pointed. */
    static boolean hasOrigin(SampleAppRepository repository) {
        try {
            return repository.hasOrigin();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working copy " + repository.workingCopy(), e);
        }
    }

    /** Pushes the commit that was built and tested, then asks the remote for its branch, as ls-remote does. */
    final void push(StepContext context, SampleAppRepository repository, CommitSummary commit) throws Exception {
        PushOutcome outcome = pushMain(context, repository);
        outcome.lines().forEach(context::out);
        if (outcome.rejectedNonFastForward()) {
            throw new StepFailedException("the remote refused the push (non-fast-forward)",
                    "someone pushed commits to " + url() + " that the working copy "
                            + repository.workingCopy() + " does not have; pushing would erase them, and the "
                            + "harness never force-pushes",
                    "integrate their work first (git pull, or use a fresh --workspace), then push again");
        }
        if (!outcome.accepted()) {
            throw new StepFailedException("the remote refused the push", "see the ref update line above",
                    "fix what the remote names and run the lane again");
        }
        String pushed = branchHead(context, true);
        if (!commit.sha().equals(pushed)) {
            throw new StepFailedException("the remote's main is " + pushed + ", not the commit " + commit.sha(),
                    "the push reported success but the remote does not hold the commit",
                    "inspect " + url() + " with git ls-remote");
        }
        context.note("the remote's " + SampleAppRepository.BRANCH + " is " + pushed + ", the commit that was built "
                + "and tested");
        context.record(new DevopsFacts.Push(pushed));
    }
}
