package dev.opsdemo.devops;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The DevOps lane's working copy of sample-app. The first run copies the sources and makes the root commit; every
 * later run makes a real change (the release number goes up) and commits it on top.
 */
public final class SampleAppRepository {

    public static final String BRANCH = "main";
    static final String RELEASE_FILE = "src/main/resources/release.properties";
    /** Who the harness commits as, whatever git identity the machine has. */
    static final String AUTHOR = "Demo Harness";
    static final String EMAIL = "harness@opsdemo.invalid";

    private final Path source;
    private final Path workingCopy;

    public SampleAppRepository(Path source, Path workingCopy) {
        this.source = source;
        this.workingCopy = workingCopy;
    }

    public Path workingCopy() {
        return workingCopy;
    }

    public Path source() {
        return source;
    }

    /**
     * This run's commit, decided before it is made so that the step can show it: the first run copies the sources
     * and makes the root commit ({@code fromScratch}); a later one raises the release number ({@code release}).
     */
    public record NextCommit(boolean fromScratch, boolean bump, int release, String message) {
    }

    public NextCommit nextCommit() throws IOException {
        if (!Files.isDirectory(workingCopy.resolve(".git"))) {
            int release = releaseIn(source);
            return new NextCommit(true, false, release, initialMessage(release));
        }
        try (Git git = Git.open(workingCopy.toFile())) {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                int release = readRelease();
                return new NextCommit(false, false, release, initialMessage(release));
            }
        }
        int next = readRelease() + 1;
        return new NextCommit(false, true, next, "Release " + next + ": bump the service's release number");
    }

    private static String initialMessage(int release) {
        return "Initial commit: sample-app release " + release;
    }

    /** Makes the change {@code next} describes and commits it ({@link #head()} reads it back). */
    public void commit(NextCommit next) throws Exception {
        if (next.fromScratch()) {
            FileUtils.delete(workingCopy.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            copySources(source, workingCopy);
            Git.init().setDirectory(workingCopy.toFile()).setInitialBranch(BRANCH).call().close();
        }
        if (next.bump()) {
            writeRelease(next.release());
        }
        try (Git git = Git.open(workingCopy.toFile())) {
            commit(git, next.message());
        }
    }

    /**
     * The working copy's HEAD as {@code git commit} reported it (what changed against its parent), or null when
     * there is no repository or no commit yet: what the commit step, done by the harness or by the learner, reads.
     */
    public CommitSummary head() throws IOException {
        if (!Files.isDirectory(workingCopy.resolve(".git"))) {
            return null;
        }
        try (Git git = Git.open(workingCopy.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            var head = git.getRepository().resolve(Constants.HEAD);
            return head == null ? null : CommitSummary.of(git.getRepository(), walk.parseCommit(head));
        }
    }

    /** What {@code git status --porcelain} would list: the paths not committed as they are (target/ is ignored). */
    public List<String> uncommitted() throws Exception {
        try (Git git = Git.open(workingCopy.toFile())) {
            org.eclipse.jgit.api.Status status = git.status().call();
            return status.getUncommittedChanges().isEmpty() && status.getUntracked().isEmpty() ? List.of()
                    : java.util.stream.Stream.concat(status.getUncommittedChanges().stream(),
                    status.getUntracked().stream()).sorted().toList();
        }
    }

    /** Whether the working copy already has the remote {@code origin} (a later run), so it is re-pointed. */
    public boolean hasOrigin() throws IOException {
        if (!Files.isDirectory(workingCopy.resolve(".git"))) {
            return false;
        }
        try (Git git = Git.open(workingCopy.toFile())) {
            return git.getRepository().getConfig().getSubsections("remote").contains("origin");
        }
    }

    /** The branch's commit on the remote, asked over HTTP as {@code git ls-remote} does. */
    public static String lsRemote(String remoteUrl, CredentialsProvider credentials) throws Exception {
        return Git.lsRemoteRepository().setRemote(remoteUrl).setHeads(true).setCredentialsProvider(credentials)
                .call().stream().filter(ref -> ref.getName().equals(Constants.R_HEADS + BRANCH))
                .map(ref -> ref.getObjectId().name()).findFirst().orElse(null);
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor(AUTHOR, EMAIL).setCommitter(AUTHOR, EMAIL).call();
    }

    /**
     * Pushes {@code main} to {@code origin} (re-pointed at this run's remote URL), never forced. Lines come in
     * git's shape, composed from the real {@link PushResult} as JGit's own {@code pgm/Push.java} does; like git
     * writing to a pipe, no progress meter.
     */
    public PushOutcome push(String remoteUrl, CredentialsProvider credentials)
            throws Exception {
        try (Git git = Git.open(workingCopy.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", remoteUrl);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            Iterable<PushResult> results = git.push()
                    .setRemote("origin")
                    .setRefSpecs(new RefSpec("refs/heads/" + BRANCH + ":refs/heads/" + BRANCH))
                    .setForce(false)
                    .setCredentialsProvider(credentials)
                    .call();
            try (ObjectReader reader = git.getRepository().newObjectReader()) {
                return PushOutcome.of(results, reader);
            }
        }
    }

    int readRelease() throws IOException {
        return releaseIn(workingCopy);
    }

    private static int releaseIn(Path project) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(project.resolve(RELEASE_FILE))) {
            props.load(in);
        }
        return Integer.parseInt(props.getProperty("release", "0").strip());
    }

    private void writeRelease(int release) throws IOException {
        Path file = workingCopy.resolve(RELEASE_FILE);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.startsWith("release=") ? "release=" + release : line);
        }
        Files.write(file, lines);
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // As the shown `cp -R ... && rm -rf .../target` does: everything but the build output, dot
                // directories too (.mvn holds the JVM options Maven's build starts with).
                if (!dir.equals(from) && dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
