package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.live.Keyboard;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code --keep-running}: after a passed run, says what is still up (every URL the lanes recorded: servers, UI links)
 * and waits for Enter or q; Ctrl-C ends the wait too. Without a terminal (stdin at its end, or a pipe nobody writes
 * to) only a signal ends it, which is how scripts and tests stop it.
 */
final class KeepRunning implements Runner.Hold {

    private final PrintStream out;
    private final Keyboard keyboard;

    KeepRunning(PrintStream out, Keyboard keyboard) {
        this.out = out;
        this.keyboard = keyboard;
    }

    @Override
    public void await(RunSummary summary) throws InterruptedException {
        out.println();
        out.println("→ still up, as the steps left them, so the $ lines above can be tried by hand "
                + "(Enter, q or Ctrl-C stops everything):");
        for (Iterator<Map.Entry<String, JsonNode>> lanes = summary.facts().fields(); lanes.hasNext(); ) {
            Map.Entry<String, JsonNode> lane = lanes.next();
            lane.getValue().fields().forEachRemaining(fact -> {
                if (fact.getKey().matches(".*(Url|Uri)") && fact.getValue().isTextual()) {
                    out.printf("→   %-7s %-17s %s%n", lane.getKey(), fact.getKey(), fact.getValue().asText());
                }
            });
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
}
