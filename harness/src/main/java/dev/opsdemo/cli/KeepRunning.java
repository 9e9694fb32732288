package dev.opsdemo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Runner;
import dev.opsdemo.live.Keyboard;
import dev.opsdemo.text.TerminalWidth;
import dev.opsdemo.text.TextWrap;

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

    /** Where a line's lane, its name and its address start ({@code "→   %-7s %-17s %s"}). */
    private static final int LANE_COLUMN = 4;
    private static final int NAME_COLUMN = LANE_COLUMN + 8;
    private static final int ADDRESS_COLUMN = NAME_COLUMN + NAME_WIDTH + 1;
    /** Where the text of a line that has nothing but its marker before it starts ({@code "→ "}). */
    private static final int MARKED = 2;

    private final PrintStream out;
    private final Keyboard keyboard;
    /** The live terminal's columns (0: unknown, a line each as it comes). */
    private final int columns;

    KeepRunning(PrintStream out, Keyboard keyboard, int columns) {
        this.out = out;
        this.keyboard = keyboard;
        this.columns = columns;
    }

    PrintStream out() {
        return out;
    }

    /** Null outside a terminal. */
    Keyboard keyboard() {
        return keyboard;
    }

    @Override
    public void await(RunSummary summary) throws InterruptedException {
        await("still up, as the steps left them, so the $ lines above can be tried by hand", urls(summary.facts()));
    }

    /** Says {@code what} is up, one line per address, then waits for a stop. */
    void await(String what, List<Up> up) throws InterruptedException {
        out.println();
        lines(what, up, columns).forEach(out::println);
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

    /**
     * The screen's lines for a terminal {@code columns} wide (0: unknown): one per address, in columns (lane, name,
     * address). On a terminal too narrow for a line, each row is cut where the terminal would have wrapped it back to
     * column 0: the heading wraps under its text, and an address goes under its name, as far right as it fits (in
     * the addresses' column, under the name, under the lane, right after the marker, or alone); one wider than the
     * terminal is cut into rows.
     */
    static List<String> lines(String what, List<Up> up, int columns) {
        int room = columns > 0 ? columns - 1 : 0;  // one short, as the step's lines (ConsoleListener)
        String heading = "→ " + what + " (" + STOP_KEYS + "):";
        List<String> lines = new ArrayList<>(room > 0 ? TextWrap.wrap(heading, room, 2) : List.of(heading));
        for (Up line : up) {
            String lane = String.format("→   %-7s ", line.lane());
            String whole = lane + String.format("%-" + NAME_WIDTH + "s ", line.name()) + line.url();
            if (line.name().length() <= NAME_WIDTH && fits(whole, room)) {
                lines.add(whole);
                continue;
            }
            // A link's text (or a name on a narrow terminal): the address goes under it.
            List<String> name = room > NAME_COLUMN ? TextWrap.wrap(line.name(), room - NAME_COLUMN, 0)
                    : List.of(line.name());
            for (int i = 0; i < name.size(); i++) {
                lines.add((i == 0 ? lane : "→" + " ".repeat(NAME_COLUMN - 1)) + name.get(i));
            }
            lines.addAll(address(line.url(), room));
        }
        return lines;
    }

    /**
     * An address on a row of its own, as far right as it fits; without its marker, up to the terminal's last column,
     * before cutting it, since an address cut in two can be neither clicked nor copied (a terminal that wraps at its
     * last column adds an empty row at worst). Only one wider than the terminal is cut into rows.
     */
    private static List<String> address(String url, int room) {
        for (int column : new int[] {ADDRESS_COLUMN, NAME_COLUMN, LANE_COLUMN, MARKED}) {
            String row = "→" + " ".repeat(column - 1) + url;
            if (fits(row, room)) {
                return List.of(row);
            }
        }
        return fits(url, room + 1) ? List.of(url) : TerminalWidth.fold(url, room);
    }

    private static boolean fits(String row, int room) {
        return room <= 0 || TerminalWidth.of(row) <= room;
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
