package dev.opsdemo.support;

import static org.junit.jupiter.api.Assertions.fail;

/** Which tier the suite runs: {@code ./scripts/test.sh --fast} sets {@code opsdemo.tier=fast}. */
public final class Tier {

    private Tier() {
    }

    /** Called where a test starts end-to-end work (a demo, the harness as a process, tmux): not in the fast tier. */
    public static void endToEndOnly(String what) {
        if ("fast".equals(System.getProperty("opsdemo.tier"))) {
            fail(what + " is end-to-end work, which the fast tier leaves out: annotate the test class @EndToEnd");
        }
    }
}
