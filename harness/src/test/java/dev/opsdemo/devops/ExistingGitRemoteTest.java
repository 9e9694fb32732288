package dev.opsdemo.devops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.support.EndToEnd;
import dev.opsdemo.support.GitHttpBackend;
import dev.opsdemo.support.HarnessRun;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --git-remote URL}: the DevOps lane pushes to a Git host it did not start, git's own http-backend behind
 * Apache with HTTP Basic auth, signing in through git's credential helper (the README's, which reads two environment
 * variables). Without credentials the lane stops at its first step (exit 3), before anything is built; with them the
 * remote's main is the commit that was built and tested, and the password is in no file of the workspace and not in
 * the output; a workspace whose history the remote does not hold is refused (fast-forward only) and told why.
 */
@EndToEnd
class ExistingGitRemoteTest {

    private static final String REPO = "sample-app.git";
    /** The README's helper: git asks it for credentials, and it answers with two environment variables. */
    private static final String ENV_HELPER = "!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' "
            + "\"$GIT_USERNAME\" \"$GIT_PASSWORD\"; }; f";

    @TempDir
    Path dir;

    @Test
    void withGitsCredentialHelperTheLanePushesTheTestedCommitAndOtherHistoryIsRefused() throws Exception {
        String password = UUID.randomUUID().toString();
        try (GitHttpBackend git = GitHttpBackend.start(dir.resolve("git"), REPO, "ada", password)) {
            String url = git.url(REPO);
            Path one = dir.resolve("one");

            HarnessRun refused = lane(noCredentials(), one, url);
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.out().contains("$ git ls-remote " + url), refused.all());
            assertTrue(refused.out().contains("the Git remote " + url + " wants credentials git has none of"),
                    refused.all());
            assertTrue(refused.out().contains("- devops.build skipped"), "nothing was built:\n" + refused.all());

            Map<String, String> ada = new HashMap<>(noCredentials());
            ada.putAll(Map.of("GIT_CONFIG_COUNT", "1", "GIT_CONFIG_KEY_0", "credential.helper",
                    "GIT_CONFIG_VALUE_0", ENV_HELPER, "GIT_USERNAME", "ada", "GIT_PASSWORD", password));
            HarnessRun pushed = lane(ada, one, url);
            assertEquals(0, pushed.exitCode(), pushed.all());
            assertTrue(pushed.out().contains("$ git -C devops/sample-app push origin main"), pushed.all());
            assertTrue(pushed.out().contains("[new branch]      main -> main"), "git's own line:\n" + pushed.all());
            String head = Shell.ok(one, "git", "-C", one.resolve("devops/sample-app").toString(), "rev-parse",
                    "HEAD").firstLine();
            assertEquals(head, git.head(REPO), "the remote's main is the commit that was built and tested");
            JsonNode facts = HarnessRun.summary(one).at("/facts/devops");
            assertEquals(url, facts.get("remoteUrl").asText());
            assertEquals(head, facts.get("pushedSha").asText());
            assertEquals(url, Shell.ok(one, "git", "-C", one.resolve("devops/sample-app").toString(), "remote",
                    "get-url", "origin").firstLine(), "origin holds no credentials");
            assertFalse(pushed.all().contains(password), "the password is in the output");
            try (Stream<Path> files = Files.walk(one)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(password),
                            "the password is in " + file);
                }
            }

            // Another workspace starts a history of its own: pushing it would erase the remote's, so git refuses.
            HarnessRun other = lane(ada, dir.resolve("two"), url);
            assertEquals(1, other.exitCode(), other.all());
            assertTrue(other.out().contains("! [rejected]        main -> main (fetch first)"), other.all());
            assertTrue(other.out().contains("the remote refused the push (non-fast-forward)"), other.all());
            assertTrue(other.out().contains("the harness never force-pushes"), other.all());
            assertEquals(head, git.head(REPO), "the remote's main is left as it was");
        }
    }

    /** No helper, no config of the user's: git has nothing to give the server. */
    private Map<String, String> noCredentials() throws Exception {
        Path empty = dir.resolve("gitconfig");
        if (!Files.exists(empty)) {
            Files.writeString(empty, "");
        }
        return Map.of("GIT_CONFIG_GLOBAL", empty.toString(), "GIT_CONFIG_NOSYSTEM", "1");
    }

    private static HarnessRun lane(Map<String, String> env, Path workspace, String url) throws Exception {
        return HarnessRun.launched(env, "devops", "--non-interactive", "--workspace", workspace.toString(),
                "--git-remote", url);
    }
}
