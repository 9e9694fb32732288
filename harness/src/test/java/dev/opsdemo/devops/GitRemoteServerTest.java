package dev.opsdemo.devops;

import dev.opsdemo.exec.Http;
import dev.opsdemo.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitRemoteServerTest {

    @TempDir
    Path dir;

    @Test
    void anAnonymousPushIsRefusedWith401() throws Exception {
        GitCredentials credentials = GitCredentials.loadOrCreate(dir);
        Path bare = dir.resolve("remote/sample-app.git");
        try (GitRemoteServer remote = GitRemoteServer.start(bare, credentials)) {
            assertTrue(remote.url().startsWith("http://127.0.0.1:"), remote.url());
            HttpResponse<String> advertisement = Http.get(remote.url() + "/info/refs?service=git-receive-pack",
                    Duration.ofSeconds(5));
            assertEquals(401, advertisement.statusCode());
            assertTrue(advertisement.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

            Path local = dir.resolve("local");
            Files.createDirectories(local);
            Shell.ok(local, "git", "init", "-q", "-b", "main");
            Files.writeString(local.resolve("README"), "hello\n");
            Shell.ok(local, "git", "add", "README");
            Shell.ok(local, "git", "-c", "user.name=A", "-c", "user.email=a@example.invalid", "commit", "-q", "-m",
                    "anonymous");
            Shell.Output push = Shell.run(local, Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_ASKPASS", "/bin/false"),
                    "git", "-c", "credential.helper=", "push", remote.url(), "main");
            assertNotEquals(0, push.exitCode(), push.text());
            assertNull(GitRemoteServer.readRef(bare, "refs/heads/main"), "nothing reached the remote");

            String wrong = remote.url().replace("http://", "http://demo:wrong-password@");
            Shell.Output wrongPush = Shell.run(local, Map.of("GIT_TERMINAL_PROMPT", "0"),
                    "git", "-c", "credential.helper=", "push", wrong, "main");
            assertNotEquals(0, wrongPush.exitCode(), wrongPush.text());
            assertNull(GitRemoteServer.readRef(bare, "refs/heads/main"));
        }
    }

    @Test
    void credentialsAreKeptPerWorkspaceAndReadableOnlyByTheOwner() throws Exception {
        GitCredentials first = GitCredentials.loadOrCreate(dir);
        GitCredentials again = GitCredentials.loadOrCreate(dir);
        assertEquals(first, again);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(GitCredentials.FILE_NAME))));
        assertTrue(!first.toString().contains(first.password()));
    }
}
