package dev.opsdemo.quiz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Where a quiz's answers come from: one line, or one key, per answer. */
public interface Answers {

    /**
     * The next answer as typed (a line without its end, or one key), or null when no more will come.
     *
     * @throws InterruptedException when Ctrl-C stops the run while the quiz waits
     */
    String next() throws IOException, InterruptedException;

    /** Where they come from, for the message the quiz stops with when they end early: "stdin", "the keyboard". */
    String source();

    /**
     * One answer per line of {@code in} (CI mode: a learner or a test pipes them). Read a byte at a time, so that
     * nothing after the quiz's last line is taken from a reader that comes after it (the end screen's keys); and on
     * a thread of its own, one line when asked, because a read of stdin cannot be interrupted and Ctrl-C must not
     * wait for a line that never comes.
     */
    static Answers lines(InputStream in) {
        return new Answers() {
            private boolean ended;

            @Override
            public String next() throws IOException, InterruptedException {
                if (ended) {
                    return null;
                }
                CompletableFuture<String> line = CompletableFuture.supplyAsync(this::readLine, task -> {
                    Thread reader = new Thread(task, "quiz-answers");
                    reader.setDaemon(true);
                    reader.start();
                });
                try {
                    return line.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                            : new IOException(e.getCause());
                }
            }

            private String readLine() {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                try {
                    while ((b = in.read()) != -1 && b != '\n') {
                        line.write(b);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ended = b == -1;
                return ended && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8).replaceFirst("\r$", "");
            }

            @Override
            public String source() {
                return "stdin";
            }
        };
    }
}
