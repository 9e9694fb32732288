package dev.opsdemo.devops;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.PrerequisiteMissingException;
import dev.opsdemo.demo.ScriptGlue;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepFailedException;
import dev.opsdemo.exec.ProcessCommand;
import dev.opsdemo.exec.ProcessRunner;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Git remote that already exists ({@code --git-remote URL}: the class's Git host, a learner's own repository). The
 * lane talks to it with the real {@code git}, which signs in with git's own credential helpers, the ones a {@code git
 * push} typed by hand uses: JGit cannot ask them, and so the harness never holds, shows or stores those credentials.
 * Every command on screen is then exactly the one that ran.
 */
final class ExistingGitRemote extends GitRemote {

    /** A remote across a network may be slow; the limit only stops a hung command. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** git asks helpers only: with no terminal prompt, missing credentials fail at once instead of waiting. */
    private static final Map<String, String> NO_PROMPT = Map.of("GIT_TERMINAL_PROMPT", "0");

    private final URI url;
    /** Where the commands that need no working copy run: the workspace, as the step's {@code cd} says. */
    private final Path workspace;

    /** The working copy the push step pushes from. */
    private final Path workingCopy;

    ExistingGitRemote(URI url, Path workspace, Path workingCopy) {
        this.url = url;
        this.workspace = workspace;
        this.workingCopy = workingCopy;
    }

    /**
     * The URL {@code --git-remote} takes: http(s), with a host and a repository path, and no credentials in it (they
     * would show wherever the URL does, and land in the working copy's config).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static URI parse(String value) {
        String trimmed = value == null ? "" : value.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + value + "' is not an http(s) URL: the lane pushes over HTTP(S)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + value + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("for " + uri.getHost() + " carries credentials, which would show "
                    + "wherever the URL does and land in the working copy's config");
        }
        if (uri.getPath() == null || uri.getPath().isBlank() || uri.getPath().equals("/")) {
            throw new IllegalArgumentException("'" + value + "' names no repository (its path is empty)");
        }
        return uri;
    }

    @Override
    String title() {
        return "Reach the Git remote";
    }

    @Override
    Command startCommand() {
        return Command.of("cd ${WORKSPACE}", "git ls-remote ${REMOTE_URL}");
    }

    @Override
    ScriptGlue script() {
        return ScriptGlue.before("REMOTE_URL=" + Command.quote(url.toString()));
    }

    @Override
    String url() {
        return url.toString();
    }

    @Override
    Path bareRepository() {
        return null;
    }

    @Override
    String pushHint() {
        return "The push signs in as any git push to " + url.getHost() + " does: with what your credential helper "
                + "gives git, so no password is typed.";
    }

    @Override
    Map<String, String> shellEnvironment() {
        return Map.of();
    }

    /** {@code git ls-remote URL}: the remote answers, and lets these credentials in, before anything is built. */
    @Override
    void start(StepContext context) throws Exception {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = git(context, workspace, lines::add, "ls-remote", url());
        lines.forEach(context::out);
        if (!result.succeeded()) {
            throw refused("git ls-remote " + url(), lines);
        }
        context.note("an existing remote, " + (lines.isEmpty() ? "empty so far" : "with " + lines.size()
                + " ref(s)") + "; git signs in to it with its own credential helpers: the harness never sees, shows "
                + "or stores those credentials");
        context.record(new DevopsFacts.Remote(url(), null, SampleAppRepository.BRANCH));
    }

    /** None: git asks the user's own credential helpers, as a push typed by hand does. */
    @Override
    String pushGitOptions() {
        return "";
    }

    /** The shown lines, run: git's own output goes on screen as it comes. */
    @Override
    PushOutcome pushMain(StepContext context, SampleAppRepository repository) throws Exception {
        Path workingCopy = repository.workingCopy();
        ProcessRunner.Result origin = git(context, workingCopy, context::out, "remote",
                hasOrigin(repository) ? "set-url" : "add", "origin", url());
        if (!origin.succeeded()) {
            throw new StepFailedException("git could not point origin at " + url(), String.join("\n",
                    origin.recentOutput()), "fix the working copy's remotes (git -C " + workingCopy + " remote -v)");
        }
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result push = git(context, workingCopy, line -> {
            lines.add(line);
            context.out(line);
        }, "push", "origin", SampleAppRepository.BRANCH);
        boolean rejected = lines.stream().anyMatch(line -> line.contains("[rejected]")
                && (line.contains("(fetch first)") || line.contains("(non-fast-forward)")));
        if (!push.succeeded() && !rejected && signInFailed(lines)) {
            throw refused("git push", lines);
        }
        return new PushOutcome(push.succeeded(), rejected, List.of());
    }

    /**
     * Shown, it is the push step's last line, {@code git -C APP_DIR ls-remote origin refs/heads/main}; a practice
     * check asks the URL itself, since the learner's working copy may have no origin yet.
     */
    @Override
    String branchHead(StepContext context, boolean shown) throws Exception {
        List<String> lines = new ArrayList<>();
        String ref = "refs/heads/" + SampleAppRepository.BRANCH;
        ProcessRunner.Result result = shown
                ? git(context, workspace, lines::add, "-C", workingCopy.toString(), "ls-remote", "origin", ref)
                : git(context, workspace, lines::add, "ls-remote", url(), ref);
        if (shown) {
            lines.forEach(context::out);
        }
        if (!result.succeeded()) {
            throw refused("git ls-remote " + url(), lines);
        }
        return lines.stream().filter(line -> line.endsWith("\trefs/heads/" + SampleAppRepository.BRANCH))
                .map(line -> line.substring(0, line.indexOf('\t'))).findFirst().orElse(null);
    }

    private static ProcessRunner.Result git(StepContext context, Path dir, Consumer<String> lines, String... args)
            throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return context.processes().run(new ProcessCommand(argv, dir, NO_PROMPT), TIMEOUT, lines);
    }

    /** What git says when the remote wants credentials its helpers did not give, or did not accept. */
    private static boolean signInFailed(List<String> lines) {
        return lines.stream().anyMatch(line -> line.contains("could not read Username")
                || line.contains("could not read Password") || line.contains("Authentication failed")
                || line.contains("The requested URL returned error: 403"));
    }

    private StepFailedException refused(String command, List<String> lines) {
        String last = lines.isEmpty() ? "it printed nothing" : lines.get(lines.size() - 1);
        if (signInFailed(lines)) {
            boolean none = lines.stream().anyMatch(line -> line.contains("could not read"));
            return new PrerequisiteMissingException("the Git remote " + url() + " wants credentials git "
                    + (none ? "has none of" : "cannot sign in with"),
                    command + " said: " + last,
                    "give git the credentials for " + url.getScheme() + "://" + url.getHost()
                            + (url.getPort() < 0 ? "" : ":" + url.getPort()) + " through a credential helper (the "
                            + "README's \"Pushing to a Git remote of your own\"), then run again");
        }
        return new StepFailedException("the Git remote " + url() + " did not answer " + command,
                command + " said: " + last, "check the URL, and that the server lets you reach it (git ls-remote "
                + url() + ")");
    }
}
