package dev.opsdemo.support;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real tool a test drives (Chromium, shellcheck): CI installs it (.ci/run), so there a missing one fails the test;
 * elsewhere it only skips the check, saying what to install. CI is told by CI or REQUIRE_DOCKER being set.
 */
public final class CiTool {

    private CiTool() {
    }

    /** Returns when present; otherwise fails under CI, or aborts (skips) the test with the message. */
    public static void require(boolean present, String message) {
        if (present) {
            return;
        }
        if (isSet("CI") || isSet("REQUIRE_DOCKER")) {
            fail(message + " (CI must run this check: .ci/run installs it)");
        }
        Assumptions.abort(message);
    }

    private static boolean isSet(String name) {
        String value = System.getenv(name);
        return value != null && !value.isEmpty();
    }
}
