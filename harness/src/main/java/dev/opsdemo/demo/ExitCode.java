package dev.opsdemo.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's one exit-code table: every code a run or a command ends with, and what it tells a script or CI.
 * {@code --help} lists it (see {@link #descriptions()}).
 */
public enum ExitCode {
    OK(0, "success: every step passed"),
    STEP_FAILED(1, "a step failed (its message says what, why and what to do), a record could not be written, or "
            + "(verify) a step's output differs from its golden file"),
    USAGE(2, "the command line cannot run (an unknown option, an impossible value); nothing started"),
    PREREQUISITE_MISSING(3, "a tool the run needs is missing (mvn, python3, the venv, a Docker engine)"),
    INTERRUPTED(130, "stopped by Ctrl-C (SIGINT) or q; what the run started was stopped"),
    /** 128 + SIGTERM, the status the JVM itself exits with when it is terminated. */
    TERMINATED(143, "stopped by SIGTERM; what the run started was stopped");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Ended by a signal or a key rather than by a failing step. */
    public static boolean stopped(int code) {
        return code == INTERRUPTED.code || code == TERMINATED.code;
    }

    /** Code to meaning, in the order of the table, as picocli's usage help lists exit codes. */
    public static Map<String, String> descriptions() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(String.valueOf(exit.code), exit.meaning);
        }
        return list;
    }
}
