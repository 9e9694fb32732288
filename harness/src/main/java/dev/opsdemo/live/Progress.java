package dev.opsdemo.live;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one status line a live step shows once it has run longer than a moment: which step, and for how long, redrawn
 * in place every second, so the room sees that something is happening while a server starts or a model trains. A
 * line of the step's own output erases it first (the next tick draws it again below), and the step's result
 * replaces it. Only the live terminal gets it: never CI output or the records.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final Duration after;
    private final Duration every;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-progress");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> ticking;
    private boolean shown;

    /** {@code after}: how long a step runs before its line appears; {@code every}: how often it is redrawn. */
    Progress(PrintStream out, Duration after, Duration every) {
        this.out = out;
        this.after = after;
        this.every = every;
    }

    synchronized void start(String stepId) {
        stop();
        long started = System.nanoTime();
        ticking = ticker.scheduleAtFixedRate(() -> draw(stepId, started), after.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void draw(String stepId, long started) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        out.print(LivePresenter.ERASE_LINE + "  ⋯ " + stepId + " running · " + seconds + "s");
        out.flush();
        shown = true;
    }

    /** Runs {@code print} (a line of output) on a row of its own: the status line is erased first. */
    synchronized void around(Runnable print) {
        erase();
        print.run();
    }

    /** The step has ended: no more status line. */
    synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        erase();
    }

    private void erase() {
        if (shown) {
            out.print(LivePresenter.ERASE_LINE);
            out.flush();
            shown = false;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        ticker.shutdownNow();
    }
}
