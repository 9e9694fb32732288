package dev.opsdemo.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory a demo run owns: lanes' state, records (summary.json, transcripts, reports). */
public final class Workspace {

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** Opens (creating if needed) the workspace; a path that cannot be one is a usage error. */
    public static Workspace open(Path requested, RepoLayout repo) {
        Path root = requested.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UsageException("--workspace " + requested + " is a file, not a directory",
                    "pass a directory path (it is created if missing), or move the file away");
        }
        for (Path source : new Path[] {repo.sampleApp(), repo.sampleMlProject(), repo.root().resolve("harness")}) {
            if (root.startsWith(source.toAbsolutePath().normalize())) {
                throw new UsageException("--workspace " + requested + " is inside the harness's source folder "
                        + source.getFileName() + "/", "pass a directory outside the sources, e.g. demo-workspace/");
            }
        }
        if (root.equals(repo.root())) {
            throw new UsageException("--workspace " + requested + " is the repository itself",
                    "pass a directory of its own, e.g. demo-workspace/");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UsageException("cannot create the workspace " + requested + ": " + reason(e),
                    "check the path and its permissions, or pass another --workspace");
        }
        if (!Files.isWritable(root)) {
            throw new UsageException("the workspace " + requested + " is not writable",
                    "fix its permissions or pass another --workspace");
        }
        return new Workspace(root);
    }

    /**
     * A workspace a run left, for a command that only reopens it ({@code harness ui}): never created, so a path
     * that names none is a usage error.
     */
    public static Workspace existing(Path requested, RepoLayout repo) {
        if (!Files.exists(requested)) {
            throw new UsageException("no workspace at " + requested + ": the directory does not exist",
                    "pass the --workspace a run used (the default is demo-workspace/ in the checkout), or make one "
                            + "with ./scripts/harness.sh demo --workspace " + requested);
        }
        return open(requested, repo);
    }

    /** An I/O error in words: the operating system's reason and the path, without the exception's class name. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT) + ": "
                    + (fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile());
        }
        return e.getMessage();
    }

    public Path root() {
        return root;
    }

    /**
     * A path as the steps' commands name it: relative to the workspace when it is in it (the run works from the
     * workspace, which the first step of each lane changes into on screen), else as it is.
     */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString()
                : absolute.toString();
    }

    public Path devops() {
        return root.resolve("devops");
    }

    public Path mlops() {
        return root.resolve("mlops");
    }

    /** The monitoring run's plots, downloaded from MLflow so that report.html can show them beside its drift table. */
    public Path plots() {
        return mlops().resolve("plots");
    }

    /** Where each background server the steps start writes its own output: {@code logs/<step id>.log}. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** The log of the server {@code stepId} starts. */
    public Path log(String stepId) {
        return logs().resolve(stepId + ".log");
    }

    public Path summaryJson() {
        return root.resolve("summary.json");
    }

    public Path transcript() {
        return root.resolve("transcript.txt");
    }

    /** The learner's answers to the quiz after the run ({@code --quiz}) and the score. */
    public Path quizJson() {
        return root.resolve("quiz.json");
    }
}
