package dev.opsdemo.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a run that was killed outright (SIGKILL, a closed laptop lid, power loss) can leave in its workspace, found
 * and put right when the next run starts: its half-written summary, Git lock files that would make the next commit
 * or push fail, and a summary still saying {@code running}. Runs only under the {@link WorkspaceLock}, so no other
 * harness run can be using any of it; a lock file some other process (a person's git command) still has open is
 * left alone and reported instead.
 */
public final class WorkspaceRepair {

    private static final List<String> GIT_LOCKS = List.of("index.lock", "HEAD.lock", "config.lock",
            "packed-refs.lock", "shallow.lock");

    private WorkspaceRepair() {
    }

    /** Repairs what it can and returns one line per finding, for the terminal and the transcript. */
    public static List<String> repair(Workspace workspace) {
        List<String> notes = new ArrayList<>();
        staleSummary(workspace).ifPresent(notes::add);
        Path partial = workspace.summaryJson().resolveSibling(workspace.summaryJson().getFileName() + ".tmp");
        if (Files.exists(partial)) {
            delete(partial, notes, "removed " + partial + ", a summary the previous run did not finish writing");
        }
        for (Path gitDir : List.of(workspace.devops().resolve("sample-app/.git"),
                workspace.devops().resolve("remote/sample-app.git"))) {
            for (Path lock : gitLocks(gitDir)) {
                List<Long> holders = OpenFiles.holders(lock);
                if (holders.isEmpty()) {
                    delete(lock, notes, "removed the stale Git lock " + lock + " (no process has it open; "
                            + "a run was killed while Git was writing)");
                } else {
                    notes.add("left the Git lock " + lock + " alone: process " + holders + " has it open; if the "
                            + "next Git step fails, stop that process first");
                }
            }
        }
        return notes;
    }

    private static Optional<String> staleSummary(Workspace workspace) {
        Path summary = workspace.summaryJson();
        if (!Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(summary.toFile());
        } catch (IOException e) {
            return Optional.of("the previous run's " + summary.getFileName() + " is unreadable ("
                    + e.getMessage().lines().findFirst().orElse("") + "); this run replaces it");
        }
        if (!"running".equals(root.path("status").asText())) {
            return Optional.empty();
        }
        JsonNode steps = root.path("steps");
        String last = steps.isArray() && !steps.isEmpty()
                ? "; its last recorded step: " + steps.get(steps.size() - 1).path("id").asText() + " "
                        + steps.get(steps.size() - 1).path("status").asText()
                : "";
        return Optional.of("the previous run in this workspace (started " + root.path("startedAt").asText("?")
                + ") did not finish: it was killed before it could stop cleanly" + last
                + "; this run replaces its records");
    }

    private static List<Path> gitLocks(Path gitDir) {
        List<Path> locks = new ArrayList<>();
        for (String name : GIT_LOCKS) {
            if (Files.isRegularFile(gitDir.resolve(name))) {
                locks.add(gitDir.resolve(name));
            }
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> paths = Files.walk(refs)) {
                paths.filter(path -> path.getFileName().toString().endsWith(".lock") && Files.isRegularFile(path))
                        .forEach(locks::add);
            } catch (IOException e) {
                // An unreadable refs tree is Git's to report at the next Git step.
            }
        }
        return locks;
    }

    private static void delete(Path path, List<String> notes, String note) {
        try {
            Files.deleteIfExists(path);
            notes.add(note);
        } catch (IOException e) {
            throw new UsageException("cannot remove " + path + ": " + Workspace.reason(e),
                    "remove it by hand, or pass another --workspace");
        }
    }

    /** Which processes have a file open, from /proc (Linux); elsewhere nothing is known to hold it. */
    static final class OpenFiles {

        private OpenFiles() {
        }

        static List<Long> holders(Path file) {
            Path target = file.toAbsolutePath().normalize();
            List<Long> pids = new ArrayList<>();
            Path proc = Path.of("/proc");
            if (!Files.isDirectory(proc)) {
                return pids;
            }
            try (Stream<Path> processes = Files.list(proc)) {
                processes.filter(dir -> dir.getFileName().toString().matches("\\d+")).forEach(dir -> {
                    try (Stream<Path> fds = Files.list(dir.resolve("fd"))) {
                        if (fds.anyMatch(fd -> points(fd, target))) {
                            pids.add(Long.parseLong(dir.getFileName().toString()));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // The process ended, or is not ours to look at.
                    }
                });
            } catch (IOException e) {
                return pids;
            }
            return pids;
        }

        private static boolean points(Path fd, Path target) {
            try {
                return Files.readSymbolicLink(fd).equals(target);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
