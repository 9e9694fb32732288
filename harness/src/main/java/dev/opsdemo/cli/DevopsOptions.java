package dev.opsdemo.cli;

import dev.opsdemo.devops.DevopsLane;
import dev.opsdemo.workspace.UsageException;
import picocli.CommandLine.Option;

import java.net.URI;

/** Options of the DevOps lane, shared by the commands that run it. */
public final class DevopsOptions {

    @Option(names = "--git-remote", paramLabel = "URL",
            description = "Push the sample app to this existing Git repository (http or https) instead of the "
                    + "remote the lane serves itself; git signs in with its own credential helpers, never with "
                    + "credentials in the URL.")
    String gitRemote;

    /**
     * The existing remote to push to, or null for the lane's own.
     *
     * @throws UsageException when the URL cannot be one (exit 2, before anything starts)
     */
    URI gitRemote() {
        if (gitRemote == null) {
            return null;
        }
        try {
            return DevopsLane.gitRemote(gitRemote);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--git-remote " + e.getMessage(), "pass the repository's http(s) URL, e.g. "
                    + "--git-remote https://git.example.org/ada/sample-app.git, and keep its credentials in a git "
                    + "credential helper (README: \"Pushing to a Git remote of your own\")");
        }
    }
}
