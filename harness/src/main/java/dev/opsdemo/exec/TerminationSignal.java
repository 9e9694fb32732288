package dev.opsdemo.exec;

import sun.misc.Signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which signal (INT from Ctrl-C, TERM from kill or CI) is ending the JVM. A shutdown hook cannot tell, yet the JVM
 * exits with 128 + the signal's number (130 or 143) and the run's records must say the same. Each handler notes the
 * signal, then hands it to the JVM's own handler, which runs the shutdown hooks as before.
 */
public final class TerminationSignal implements AutoCloseable {

    private record Installed(Signal signal, sun.misc.SignalHandler previous) {
    }

    private final List<Installed> installed = new ArrayList<>();
    private volatile String received;
    /** While a shell of the user's own has the terminal, Ctrl-C is the shell's and its programs', not the run's. */
    private volatile boolean interruptsPaused;

    private TerminationSignal() {
    }

    public static TerminationSignal watch() {
        TerminationSignal watch = new TerminationSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
                previous[0] = Signal.handle(signal, caught -> {
                    if (watch.interruptsPaused && caught.getName().equals("INT")) {
                        return;
                    }
                    watch.received = caught.getName();
                    if (previous[0] != null) {
                        previous[0].handle(caught);
                    } else {
                        Runtime.getRuntime().exit(128 + caught.getNumber());
                    }
                });
                if (previous[0] == sun.misc.SignalHandler.SIG_IGN || previous[0] == sun.misc.SignalHandler.SIG_DFL) {
                    // Ignored (a background job's SIGINT) or not the JVM's: leave it exactly as it was.
                    Signal.handle(signal, previous[0]);
                    continue;
                }
                watch.installed.add(new Installed(signal, previous[0]));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // The JVM reserves the signal (-Xrs) or the platform lacks it: the default 130 applies.
            }
        }
        return watch;
    }

    /**
     * Until the returned handle is closed, a SIGINT does not end the run: the terminal sends Ctrl-C to every process
     * in its foreground group, and while the user's own shell runs in it, Ctrl-C is meant for that shell.
     */
    public AutoCloseable pauseInterrupts() {
        interruptsPaused = true;
        return () -> interruptsPaused = false;
    }

    /** {@code TERM} or {@code INT}, or null when no signal came (the JVM is exiting for another reason). */
    public String received() {
        return received;
    }

    @Override
    public void close() {
        installed.forEach(entry -> Signal.handle(entry.signal(), entry.previous()));
    }
}
