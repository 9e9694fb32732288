package dev.opsdemo.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands over whole lines: lets a listener that prints ({@link ConsoleListener}) feed one
 * that records, so both show exactly the same text. Bytes are split at newlines before decoding, so a multi-byte
 * character is never cut in half.
 */
final class LineCapture extends OutputStream {

    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineCapture(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } else {
            pending.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** What was printed without a final newline is a line too. */
    @Override
    public synchronized void close() {
        if (pending.size() > 0) {
            write('\n');
        }
    }
}
