package dev.opsdemo.devops;

import dev.opsdemo.exec.Http;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * HTTP Basic credentials for the Git remote, generated once per workspace and kept in a file only its owner can
 * read. The password is a secret: it is masked wherever output goes.
 */
public record GitCredentials(String username, String password) {

    public static final String FILE_NAME = "git-credentials.properties";

    public static GitCredentials loadOrCreate(Path devopsDir) throws IOException {
        Path file = devopsDir.resolve(FILE_NAME);
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
            String user = props.getProperty("username");
            String password = props.getProperty("password");
            if (user != null && password != null && !password.isBlank()) {
                return new GitCredentials(user, password);
            }
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        GitCredentials created = new GitCredentials("demo", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(random));
        Files.createDirectories(devopsDir);
        props.setProperty("username", created.username());
        props.setProperty("password", created.password());
        java.io.StringWriter text = new java.io.StringWriter();
        props.store(text, "Git remote credentials for this workspace; never printed by the harness");
        AtomicFile.writePrivate(file, text.toString());
        return created;
    }

    /** Git's credential store file ({@code git credential-store}) beside the properties, for the shown commands. */
    public static final String STORE_FILE_NAME = "git-credentials";

    /**
     * Writes the credentials for {@code remoteUrl} in the format of git's {@code store} credential helper, readable by
     * its owner only, so that the commands the push step shows work when typed: {@code git -c credential.helper='store
     * --file=...' push}. The password stays out of the command line, the output and the working copy's config.
     */
    public Path writeCredentialStore(Path devopsDir, String remoteUrl) throws IOException {
        java.net.URI uri = java.net.URI.create(remoteUrl);
        Path file = devopsDir.resolve(STORE_FILE_NAME);
        AtomicFile.writePrivate(file, uri.getScheme() + "://" + username + ":" + password + "@" + uri.getHost() + ":"
                + uri.getPort() + "\n");
        return file;
    }

    /** Checks a {@code Basic} Authorization header value in constant time. */
    public boolean matchesBasicHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = Http.basicAuthorization(username, password).substring(6);
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                header.substring(6).strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", password=********]";
    }
}
