package dev.opsdemo.devops;

import java.util.ArrayList;
import java.util.List;

/** A commit as {@code git commit} reports it, read back from the repository after committing. */
public record CommitSummary(String sha, String shortSha, String branch, String message, boolean rootCommit,
                            int filesChanged, int insertions, int deletions, List<String> createdFiles) {

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
