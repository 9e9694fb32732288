package dev.opsdemo.exec;

import java.util.List;

/** A failure that carries the last lines a process or server printed: the tool's own words explain it best. */
public interface RecentOutput {

    List<String> recentOutput();

    /** The heading the lines are shown under. */
    default String recentOutputTitle() {
        return "last output";
    }
}
