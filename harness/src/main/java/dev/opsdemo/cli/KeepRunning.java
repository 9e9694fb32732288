package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.live.Keyboard;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The screen of what is still up, until someone says stop: after a passed run with {@code --keep-running} (or a
 * live demo), every URL the lanes recorded (servers, UI links); for {@code harness ui}, the servers it reopened
 * and the run's links on them. Enter or q ends it; Ctrl-C too. Without a terminal (stdin at its end, or a pipe
 * nobody writes to) only a signal ends it, which is how scripts and tests stop it.
 */
final class KeepRunning implements Runner.Hold {

    static final String STOP_KEYS = "Enter, q or Ctrl-C stops everything";
    /** The names column: a fact's name fits ({@code modelServerUrl}); a longer link text gets a line of its own. */
    private static final int NAME_WIDTH = 17;

    /** One line of the screen: which lane's, what it is, its address. */
    record Up(String lane, String name, String url) {
    }

    private final PrintStream out;
    private final Keyboard keyboard;

    KeepRunning(PrintStream out, Keyboard keyboard) {
        this.out = out;
        this.keyboard = keyboard;
    }

    @Override
    public void await(RunSummary summary) throws InterruptedException {
        await("still up, as the steps left them, so the $ lines above can be tried by hand", urls(summary.facts()));
    }

    /** Says {@code what} is up, one line per address, then waits for a stop. */
    void await(String what, List<Up> up) throws InterruptedException {
        out.println();
        out.println("→ " + what + " (" + STOP_KEYS + "):");
        for (Up line : up) {
            if (line.name().length() <= NAME_WIDTH) {
                out.printf("→   %-7s %-" + NAME_WIDTH + "s %s%n", line.lane(), line.name(), line.url());
            } else {  // a link's text: the address goes under it, in the addresses' column
                out.printf("→   %-7s %s%n", line.lane(), line.name());
                out.printf("→   %-7s %-" + NAME_WIDTH + "s %s%n", "", "", line.url());
            }
        }
        out.flush();
        while (true) {
            int key;
            try {
                key = keyboard.read(null);
            } catch (IOException e) {
                key = -1;
            }
            if (key == '\n' || key == '\r' || key == 'q' || key == 'Q') {
                out.println("→ stopping everything");
                return;
            }
            if (key == -1) {
                Thread.sleep(Long.MAX_VALUE);  // no keyboard: a signal ends the wait
            }
        }
    }

    /** Every address among the lanes' facts (as in summary.json): the facts named {@code ...Url} or {@code ...Uri}. */
    static List<Up> urls(JsonNode facts) {
        List<Up> up = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> lanes = facts.fields(); lanes.hasNext(); ) {
            Map.Entry<String, JsonNode> lane = lanes.next();
            lane.getValue().fields().forEachRemaining(fact -> {
                if (isAddress(fact.getKey()) && fact.getValue().isTextual()) {
                    up.add(new Up(lane.getKey(), fact.getKey(), fact.getValue().asText()));
                }
            });
        }
        return up;
    }

    /** The lanes name the facts that hold an address so: {@code trackingUri}, {@code remoteUrl}, {@code runUrl}. */
    static boolean isAddress(String fact) {
        return fact.matches(".*(Url|Uri)");
    }
}
