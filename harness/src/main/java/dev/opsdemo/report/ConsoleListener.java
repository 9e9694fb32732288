package dev.opsdemo.report;

import dev.opsdemo.demo.Command;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Schedule;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepContext;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.demo.StepStatus;
import dev.opsdemo.text.Ansi;
import dev.opsdemo.text.Durations;
import dev.opsdemo.text.TerminalWidth;
import dev.opsdemo.text.TextWrap;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The run as a person reads it, on the terminal or in {@code transcript.txt}: each step's caption and equivalent
 * command, its real output, and how it ended. With a lane prefix, interleaved lanes stay readable.
 *
 * <p>A record ({@link #forRecord}: the transcript and the cast, which must agree row for row) fits every row to its
 * width itself rather than leave it to whatever terminal replays it, which would cut words and lose the lane prefix:
 * the harness's prose wraps under its own start, a command's output at word boundaries two columns under its own
 * indentation, and a command at the blanks outside its quotes, each row but the last ending in a backslash, so
 * that the rows, the prefixes left out, are still the command bash runs.
 */
public final class ConsoleListener implements RunListener {

    /** The lane prefix: the lane's name padded to this width, then {@link #LANE_SEPARATOR}. */
    private static final int LANE_NAME_WIDTH = 6;
    private static final String LANE_SEPARATOR = " │ ";
    private static final int GUTTER_WIDTH = LANE_NAME_WIDTH + LANE_SEPARATOR.length();
    private static final String COMMAND_LEAD = "  $ ";
    /** What ends a command's row when the command goes on on the next: bash reads the rows as one line. */
    private static final String CONTINUED = " \\";

    private final PrintStream out;
    private final Style style;
    private final boolean lanePrefix;
    /** The widest row the harness's own prose may take; 0: no wrapping (a CI log). */
    private final int columns;
    /** A record's: every row fits {@link #columns}, what commands print and the commands themselves too. */
    private final boolean record;
    private final Map<String, Integer> stepNumbers = new HashMap<>();
    private int stepCount;

    public ConsoleListener(PrintStream out, Style style, boolean lanePrefix) {
        this(out, style, lanePrefix, 0);
    }

    /**
     * {@code width}: the terminal's columns (0: unknown). The harness's own lines (captions, its {@code →} lines, a
     * step's failure) wrap at word boundaries with a hanging indent, so that no row runs back to column 0; what a
     * command prints and the command lines themselves are left as they are.
     */
    public ConsoleListener(PrintStream out, Style style, boolean lanePrefix, int width) {
        // Not the last column: a terminal that wraps when it is written to would show an empty row after it.
        this(out, style, lanePrefix, width > 0 ? width - 1 : 0, false);
    }

    private ConsoleListener(PrintStream out, Style style, boolean lanePrefix, int columns, boolean record) {
        this.out = out;
        this.style = style;
        this.lanePrefix = lanePrefix;
        this.columns = columns;
        this.record = record;
    }

    /** A record of the run ({@code transcript.txt}, the cast): lane prefixes, and no row wider than {@code width}. */
    public static ConsoleListener forRecord(PrintStream out, Style style, int width) {
        return new ConsoleListener(out, style, true, width, true);
    }

    @Override
    public void runStarted(List<Lane> lanes) {
        // Numbered in the one order every record uses (the lanes interleaved by stage), not by start time: when the
        // lanes run in parallel, "step 5" is then the same step here, in report.md and in report.html.
        List<Step> ordered = Schedule.interleave(lanes);
        stepCount = ordered.size();
        for (int i = 0; i < ordered.size(); i++) {
            stepNumbers.put(ordered.get(i).id(), i + 1);
        }
    }

    @Override
    public synchronized void stepStarted(Step step, List<String> command) {
        announce(step);
        command.forEach(line -> command(step.lane(), line));
    }

    /** The step's title and teaching caption; the live presenter types the command itself. */
    public synchronized void announce(Step step) {
        print(step.lane(), "");
        print(step.lane(), style.bold(style.cyan("▶ [" + stepNumbers.getOrDefault(step.id(), 0) + "/" + stepCount
                + "] " + step.id()))
                + style.dim(" · " + step.stage().label() + " · ") + style.bold(step.title()));
        prose(step.lane(), "  # ", step.caption(), style::dim);
    }

    /** One line a step runs, as the terminal shows it. */
    public String commandLine(String line) {
        return style.yellow(COMMAND_LEAD + line);
    }

    /** A step the audience does not need to watch (resumed past, or skipped with 's'): one line. */
    public synchronized void quietly(StepResult result) {
        print(result.step().lane(), style.dim("  ↺ " + result.step().id() + " ran quietly ("
                + result.status().label() + " in " + Durations.seconds(result.durationMs()) + ")"));
    }

    @Override
    public synchronized void output(Step step, String line) {
        // A command the step ran mid-way is shown as its first ones are; everything else is output under them.
        if (line.startsWith(StepContext.COMMAND_PREFIX)) {
            command(step.lane(), line.substring(StepContext.COMMAND_PREFIX.length()));
        } else if (line.startsWith(StepContext.NOTE_PREFIX)) {
            prose(step.lane(), "    " + StepContext.NOTE_PREFIX, line.substring(StepContext.NOTE_PREFIX.length()),
                    text -> text);
        } else {
            print(step.lane(), "    " + line);
        }
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        String lane = result.step().lane();
        String took = Durations.seconds(result.durationMs());
        switch (result.status()) {
            case PASSED -> print(lane, style.green("  ✔ " + result.step().id() + " passed in " + took));
            case SKIPPED -> {
                print(lane, style.dim("  - " + result.step().id() + " skipped"));
                if (result.failure() != null) {  // the run was stopped just before this step
                    result.failure().lines().forEach(line -> print(lane, style.yellow("  " + line)));
                }
            }
            case FAILED, INTERRUPTED -> {
                print(lane, style.red("  ✘ " + result.step().id() + " " + result.status().label() + " after "
                        + took));
                if (result.failure() != null) {
                    result.failure().lines().forEach(line -> prose(lane, "  ", line, style::red));
                }
            }
        }
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        line("");
        long passed = summary.results().stream().filter(r -> r.status() == StepStatus.PASSED).count();
        String verdict = summary.passed() ? style.green(style.bold("PASSED"))
                : summary.stopped() ? style.yellow(style.bold("STOPPED"))
                : style.red(style.bold("FAILED"));
        line(verdict + " " + passed + "/" + summary.results().size() + " steps passed (exit code "
                + summary.exitCode() + ")" + (summary.lateStop() != null ? ": " + summary.lateStop() : ""));
        for (String problem : summary.cleanupProblems()) {
            line(style.red("✘ " + problem) + "; it may still be running: stop it yourself");
        }
        out.flush();
    }

    /** A line of the harness's own outside any lane (what it repaired before the first step), fitted as others. */
    public synchronized void line(String text) {
        (record ? rows(text, columns) : List.of(text)).forEach(out::println);
    }

    /**
     * How a record {@code width} columns wide shows a plain line of a lane: the rows, each with the lane's prefix.
     * For a test to expect what a command printed as the record shows it.
     */
    public static List<String> recordRows(String lane, String text, int width) {
        return rows(text, width - GUTTER_WIDTH).stream().map(row -> gutter(lane) + row).toList();
    }

    /** A command line: in a record too wide for a row, continued on the next ones at the blanks outside quotes. */
    private void command(String lane, String line) {
        int room = columns - (lanePrefix ? GUTTER_WIDTH : 0) - COMMAND_LEAD.length() - CONTINUED.length();
        if (!record || TerminalWidth.of(COMMAND_LEAD + line) <= room + CONTINUED.length()) {
            print(lane, commandLine(line));
            return;
        }
        List<String> rows = TextWrap.wrapWords(Command.words(line), room, 2);
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1;
            // As it is: a row with a word too wide for any row (a request's JSON body) must not be cut.
            printRow(lane, style.yellow((i == 0 ? COMMAND_LEAD : " ".repeat(COMMAND_LEAD.length())) + rows.get(i)
                    + (last ? "" : CONTINUED)));
        }
    }

    /**
     * The harness's own text after {@code lead}, wrapped to the terminal's width (when known) with continuation
     * lines indented under the text's start, each line styled by {@code styled}.
     */
    private void prose(String lane, String lead, String text, UnaryOperator<String> styled) {
        int room = columns - (lanePrefix ? GUTTER_WIDTH : 0) - lead.length();
        if (columns <= 0 || room < 20 || TerminalWidth.of(text) <= room) {
            print(lane, styled.apply(lead + text));
            return;
        }
        List<String> lines = TextWrap.wrap(text, room, 0);
        for (int i = 0; i < lines.size(); i++) {
            print(lane, styled.apply((i == 0 ? lead : " ".repeat(lead.length())) + lines.get(i)));
        }
    }

    private void print(String lane, String text) {
        for (String row : record ? rows(text, columns - (lanePrefix ? GUTTER_WIDTH : 0)) : List.of(text)) {
            printRow(lane, row);
        }
    }

    private void printRow(String lane, String row) {
        out.println(lanePrefix ? style.magenta(gutter(lane)) + row : row);
    }

    /**
     * A line in rows of at most {@code room} columns: as it is when it fits; else cut at word boundaries, the rows
     * after the first indented two columns more than the line. The plain text is what is cut, so such a line loses
     * its colour; the lines the harness styles (prose, commands) are fitted before they are styled.
     */
    private static List<String> rows(String text, int room) {
        String plain = Ansi.strip(text);
        int indent = plain.length() - plain.stripLeading().length();
        if (room <= 0 || TerminalWidth.of(plain) <= room || room - indent < 20) {
            return List.of(text);
        }
        return TextWrap.wrap(plain, room - indent, 2).stream().map(row -> " ".repeat(indent) + row).toList();
    }

    private static String gutter(String lane) {
        return String.format("%-" + LANE_NAME_WIDTH + "s", lane) + LANE_SEPARATOR;
    }
}
