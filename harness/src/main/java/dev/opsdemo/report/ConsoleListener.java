package dev.opsdemo.report;

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
import dev.opsdemo.text.TerminalRows;
import dev.opsdemo.text.TerminalWidth;
import dev.opsdemo.text.TextWrap;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The run as a person reads it, on the terminal or in {@code transcript.txt}: each step's caption and equivalent
 * command, its real output, and how it ended. With a lane prefix, interleaved lanes stay readable.
 *
 * <p>At a known width (the live terminal's, or a record's: {@link #forRecord}, the transcript and the cast, which
 * must agree row for row) every row fits it, rather than being left to a terminal that would cut words and lose the
 * lane prefix: the harness's prose wraps under its own start, a command's output at word boundaries two columns
 * under its own indentation ({@link TerminalRows}), and a command at the blanks outside its quotes, each row but
 * the last ending in a backslash. In a record a command is cut nowhere else, so that its rows, the prefixes left
 * out, are still the command bash runs.
 */
public final class ConsoleListener implements RunListener {

    /** The lane prefix: the lane's name padded to this width, then {@link #LANE_SEPARATOR}. */
    private static final int LANE_NAME_WIDTH = 6;
    private static final String LANE_SEPARATOR = " │ ";
    private static final int GUTTER_WIDTH = LANE_NAME_WIDTH + LANE_SEPARATOR.length();
    private static final String COMMAND_LEAD = "  $ ";
    /** Where a step's output and notes start, under its commands. */
    private static final String OUTPUT_LEAD = "    ";

    private final PrintStream out;
    private final Style style;
    private final boolean lanePrefix;
    /** The widest row: one short of the live terminal's width, or a record's width; 0: no wrapping (a CI log). */
    private final int columns;
    /** A record's: a command is cut only where bash reads its rows back as the one command. */
    private final boolean record;
    private final Map<String, Integer> stepNumbers = new HashMap<>();
    private int stepCount;

    public ConsoleListener(PrintStream out, Style style, boolean lanePrefix) {
        this(out, style, lanePrefix, 0);
    }

    /**
     * {@code width}: the terminal's columns (0: unknown). The harness's own lines (captions, its {@code →} lines, a
     * step's failure) wrap at word boundaries with a hanging indent, and command lines and their output are cut
     * into rows ({@link TerminalRows}), so that no row runs back to column 0.
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

    /**
     * A terminal where someone types the shown commands themselves (practice): as the live terminal's, but a command
     * is cut only where bash reads its rows back, typed one by one, as the one command.
     */
    public static ConsoleListener forTyping(PrintStream out, Style style, boolean lanePrefix, int width) {
        return new ConsoleListener(out, style, lanePrefix, width > 0 ? width - 1 : 0, true);
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
        command.forEach(line -> commandRows(line).forEach(row -> print(step.lane(), row)));
    }

    /**
     * The step's title and teaching caption; the live presenter types the command itself. Returns the rows it took
     * on the terminal.
     */
    public synchronized int announce(Step step) {
        print(step.lane(), "");
        print(step.lane(), style.bold(style.cyan("▶ [" + stepNumbers.getOrDefault(step.id(), 0) + "/" + stepCount
                + "] " + step.id()))
                + style.dim(" · " + step.stage().label() + " · ") + style.bold(step.title()));
        return 2 + prose(step.lane(), "  # ", step.caption(), style::dim);
    }

    /**
     * One line a step runs, as the terminal shows it: one row, or at a known width the rows it is cut into. A
     * record's rows are continued only where bash reads them back as the one command (a word too wide stays whole).
     */
    public List<String> commandRows(String line) {
        return TerminalRows.command(COMMAND_LEAD, line, room(), record).stream().map(style::yellow).toList();
    }

    /** A step the audience does not need to watch (resumed past, or skipped with 's'): one line. */
    public synchronized void quietly(StepResult result) {
        print(result.step().lane(), style.dim("  ↺ " + result.step().id() + " ran quietly ("
                + result.status().label() + " in " + Durations.seconds(result.durationMs()) + ")"));
    }

    @Override
    public void output(Step step, String line) {
        show(step, line);
    }

    /** A line of the step's output as {@link #output} shows it; returns the rows it took on the terminal. */
    public synchronized int show(Step step, String line) {
        List<String> rows = rows(line);
        rows.forEach(row -> print(step.lane(), row));
        return rows.size();
    }

    /** The rows a line of a step's output takes on the terminal (after the lane's prefix), as {@link #show} prints. */
    public List<String> rows(String line) {
        // A command the step ran mid-way is shown as its first ones are; everything else is output under them.
        if (line.startsWith(StepContext.COMMAND_PREFIX)) {
            return commandRows(line.substring(StepContext.COMMAND_PREFIX.length()));
        } else if (line.startsWith(StepContext.NOTE_PREFIX)) {
            return proseRows(OUTPUT_LEAD + StepContext.NOTE_PREFIX, line.substring(StepContext.NOTE_PREFIX.length()),
                    text -> text);
        }
        return TerminalRows.output(OUTPUT_LEAD + line, room());
    }

    /** A line of the harness's own about a step's output (such as where it folded), styled as a quiet aside. */
    public synchronized int aside(Step step, String text) {
        return prose(step.lane(), OUTPUT_LEAD, text, style::dim);
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
                    result.failure().lines().forEach(line -> prose(lane, "  ", line, style::yellow));
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
        String label = summary.passed() ? "PASSED" : summary.stopped() ? "STOPPED" : "FAILED";
        UnaryOperator<String> colour = summary.passed() ? style::green : summary.stopped() ? style::yellow
                : style::red;
        List<String> verdict = proseRows(label + " ", passed + "/" + summary.results().size()
                + " steps passed (exit code " + summary.exitCode() + ")"
                + (summary.lateStop() != null ? ": " + summary.lateStop() : ""), text -> text);
        out.println(colour.apply(style.bold(label)) + verdict.get(0).substring(label.length()));
        verdict.subList(1, verdict.size()).forEach(out::println);
        for (String problem : summary.cleanupProblems()) {
            proseRows("✘ ", problem + "; it may still be running: stop it yourself", style::red)
                    .forEach(out::println);
        }
        out.flush();
    }

    /** A line of the harness's own outside any lane (what it repaired before the first step), fitted as others. */
    public synchronized void line(String text) {
        (columns > 0 ? TerminalRows.output(Ansi.strip(text), columns) : List.of(text)).forEach(out::println);
    }

    /**
     * How a record {@code width} columns wide shows a plain line of a lane: the rows, each with the lane's prefix.
     * For a test to expect what a command printed as the record shows it.
     */
    public static List<String> recordRows(String lane, String text, int width) {
        return TerminalRows.output(text, width - GUTTER_WIDTH).stream().map(row -> gutter(lane) + row).toList();
    }

    /**
     * The harness's own text after {@code lead}, wrapped to the terminal's width (when known) with continuation
     * lines indented under the text's start, each line styled by {@code styled}; returns the rows it took.
     */
    private int prose(String lane, String lead, String text, UnaryOperator<String> styled) {
        List<String> rows = proseRows(lead, text, styled);
        rows.forEach(row -> print(lane, row));
        return rows.size();
    }

    private List<String> proseRows(String lead, String text, UnaryOperator<String> styled) {
        int room = room() - lead.length();
        if (columns <= 0 || room < 20 || TerminalWidth.of(text) <= room) {
            return List.of(styled.apply(lead + text));
        }
        List<String> lines = TextWrap.wrap(text, room, 0);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(styled.apply((i == 0 ? lead : " ".repeat(lead.length())) + lines.get(i)));
        }
        return rows;
    }

    /** The columns a line may take after the lane's prefix ({@link #columns} less the prefix), 0 when unknown. */
    private int room() {
        return columns <= 0 ? 0 : columns - (lanePrefix ? GUTTER_WIDTH : 0);
    }

    /** A row of a lane, fitted already (prose, commands and output are fitted before they are styled). */
    private void print(String lane, String row) {
        out.println(lanePrefix ? style.magenta(gutter(lane)) + row : row);
    }

    private static String gutter(String lane) {
        return String.format("%-" + LANE_NAME_WIDTH + "s", lane) + LANE_SEPARATOR;
    }
}
