package dev.opsdemo.devops;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A commit as {@code git commit} reports it, read back from the repository after committing. */
public record CommitSummary(String sha, String shortSha, String branch, String message, boolean rootCommit,
                            int filesChanged, int insertions, int deletions, List<String> createdFiles,
                            java.time.Instant committed) {

    /** Read back from the repository: what changed against the parent (nothing, for the root commit). */
    static CommitSummary of(Repository repository, RevCommit commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
             ObjectReader reader = repository.newObjectReader();
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            RevCommit parsed = walk.parseCommit(commit);
            boolean root = parsed.getParentCount() == 0;
            AbstractTreeIterator before = root ? new EmptyTreeIterator()
                    : new CanonicalTreeParser(null, reader, walk.parseCommit(parsed.getParent(0)).getTree());
            AbstractTreeIterator after = new CanonicalTreeParser(null, reader, parsed.getTree());
            diff.setRepository(repository);
            int insertions = 0;
            int deletions = 0;
            List<String> created = new ArrayList<>();
            List<DiffEntry> entries = diff.scan(before, after);
            for (DiffEntry entry : entries) {
                for (Edit edit : diff.toFileHeader(entry).toEditList()) {
                    insertions += edit.getLengthB();
                    deletions += edit.getLengthA();
                }
                if (entry.getChangeType() == DiffEntry.ChangeType.ADD) {
                    created.add(entry.getNewPath());
                }
            }
            return new CommitSummary(parsed.name(), reader.abbreviate(parsed).name(), repository.getBranch(),
                    parsed.getShortMessage(), root, entries.size(), insertions, deletions, created,
                    java.time.Instant.ofEpochSecond(parsed.getCommitTime()));
        }
    }

    /** The lines git itself prints: {@code [main (root-commit) abc1234] message}, the stat line, create modes. */
    public List<String> gitLines() {
        List<String> lines = new ArrayList<>();
        lines.add("[" + branch + (rootCommit ? " (root-commit)" : "") + " " + shortSha + "] " + message);
        StringBuilder stat = new StringBuilder(" " + filesChanged + (filesChanged == 1 ? " file" : " files")
                + " changed");
        if (insertions > 0 || deletions == 0) {
            stat.append(", ").append(insertions).append(insertions == 1 ? " insertion(+)" : " insertions(+)");
        }
        if (deletions > 0 || insertions == 0) {
            stat.append(", ").append(deletions).append(deletions == 1 ? " deletion(-)" : " deletions(-)");
        }
        lines.add(stat.toString());
        createdFiles.forEach(path -> lines.add(" create mode 100644 " + path));
        return lines;
    }
}
