package dev.opsdemo.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.RunListener;
import dev.opsdemo.demo.RunSummary;
import dev.opsdemo.demo.Secrets;
import dev.opsdemo.demo.Step;
import dev.opsdemo.demo.StepResult;
import dev.opsdemo.json.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code transcript.cast}: the run as an asciicast v2 recording, replayable with {@code asciinema play} at the
 * pace it really happened. The lines are the transcript's own (a {@link ConsoleListener} with lane prefixes
 * formats them), in colour because a player is a terminal; a marker at every step lets the player jump to it. It
 * ends, as the transcript does, on the contrast and the closing lines. Its rows are the transcript's own, fitted to
 * the recording's declared width as the transcript is ({@link ConsoleListener#forRecord}), so that {@code asciinema
 * cat} gives back the transcript row for row and a player of that width never wraps a row itself. Each event is
 * written as it happens, so a run that is killed still leaves a playable recording.
 */
public final class AsciicastListener implements RunListener {

    /** The contrast's width on the terminal and in the transcript (RunSession). */
    public static final int CONTRAST_WIDTH = 100;

    private final Path file;
    private final Secrets secrets;
    private final int width;
    private final int height;
    private final LongSupplier nanoClock;
    private final List<String> preamble;
    private final PrintStream screen;
    private final ConsoleListener console;
    private final ContrastTableListener contrast;
    private BufferedWriter writer;
    private long startedNanos;

    /**
     * {@code preamble}: the lines the terminal and the transcript show before the first step (what the run
     * repaired in its workspace), so that the recording starts where they do.
     */
    public AsciicastListener(Path file, Secrets secrets, int width, int height, List<String> preamble) {
        this(file, secrets, width, height, preamble, System::nanoTime);
    }

    /** With a clock of one's own, so a test can check the timing without waiting. */
    AsciicastListener(Path file, Secrets secrets, int width, int height, List<String> preamble,
                      LongSupplier nanoClock) {
        this.file = file;
        this.secrets = secrets;
        this.width = width;
        this.height = height;
        this.preamble = List.copyOf(preamble);
        this.nanoClock = nanoClock;
        this.screen = new PrintStream(new LineCapture(line -> event("o", line + "\r\n")), true,
                StandardCharsets.UTF_8);
        this.console = ConsoleListener.forRecord(screen, new Style(true), width);
        this.contrast = new ContrastTableListener(screen, new Style(true), Math.min(width, CONTRAST_WIDTH));
    }

    @Override
    public synchronized void runStarted(List<Lane> lanes) {
        open(ContrastTable.title(lanes.stream().map(lane -> lane.story().label()).toList()));
        preamble.forEach(console::line);
        console.runStarted(lanes);
    }

    @Override
    public synchronized void stepStarted(Step step, List<String> command) {
        event("m", step.id());
        console.stepStarted(step, command);
    }

    @Override
    public synchronized void output(Step step, String line) {
        console.output(step, line);
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        console.stepFinished(result);
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        console.runFinished(summary);
        contrast.runFinished(summary);
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            } finally {
                writer = null;
            }
        }
    }

    private void open(String title) {
        startedNanos = nanoClock.getAsLong();
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("version", 2);
        header.put("width", width);
        header.put("height", height);
        header.put("timestamp", Instant.now().getEpochSecond());
        header.put("title", title + ": opsdemo run");
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            write(header.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private synchronized void event(String type, String data) {
        if (writer == null) {
            return;
        }
        long micros = (nanoClock.getAsLong() - startedNanos) / 1_000;
        ArrayNode event = Json.MAPPER.createArrayNode();
        event.add(BigDecimal.valueOf(micros, 6));
        event.add(type);
        // Masked before encoding too: JSON escaping could otherwise hide a secret with a quote from the mask.
        event.add(secrets.mask(data));
        try {
            write(Json.PLAIN_DECIMALS.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void write(String json) throws IOException {
        writer.write(secrets.mask(json));
        writer.write('\n');
        writer.flush();
    }
}
