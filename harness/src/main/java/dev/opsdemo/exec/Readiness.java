package dev.opsdemo.exec;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** The one way the harness waits for something to become ready (Awaitility), failing fast when its process died. */
public final class Readiness {

    /** Why a wait ended without the thing becoming ready. */
    public static final class NotReadyException extends RuntimeException implements RecentOutput {
        private final List<String> recentOutput;

        NotReadyException(String message, List<String> recentOutput) {
            super(message);
            this.recentOutput = List.copyOf(recentOutput);
        }

        @Override
        public List<String> recentOutput() {
            return recentOutput;
        }
    }

    private Readiness() {
    }

    public static void await(String what, Duration timeout, Callable<Boolean> ready) {
        await(what, timeout, ready, null);
    }

    /**
     * Waits until {@code ready} is true; when {@code running} turns false first (a container that exited), fails at
     * once.
     */
    public static void awaitWhile(String what, Duration timeout, Callable<Boolean> ready,
                                  java.util.function.BooleanSupplier running) {
        try {
            polling(what, timeout).failFast(what + ": stopped", () -> !running.getAsBoolean()).until(ready);
        } catch (ConditionTimeoutException e) {
            throw new NotReadyException(what + " was not ready within " + timeout.toSeconds() + "s", List.of());
        } catch (org.awaitility.core.TerminalFailureException e) {
            throw new NotReadyException(what + ": it stopped before it was ready", List.of());
        }
    }

    /** From now, every quarter of a second, a failed check counting as not yet. */
    private static org.awaitility.core.ConditionFactory polling(String what, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions();
    }

    /** Waits until {@code ready} is true; when {@code owner} exits first, fails at once with its last lines. */
    public static void await(String what, Duration timeout, Callable<Boolean> ready, RunningProcess owner) {
        try {
            var wait = polling(what, timeout);
            if (owner != null) {
                wait = wait.failFast(what + ": process exited", () -> !owner.isAlive());
            }
            wait.until(ready);
        } catch (ConditionTimeoutException e) {
            throw new NotReadyException(what + " was not ready within " + timeout.toSeconds() + "s",
                    owner == null ? List.of() : owner.recentOutput());
        } catch (org.awaitility.core.TerminalFailureException e) {
            try {
                // Its last lines (often the error) may still be in the pipe: read them before quoting them.
                owner.waitFor(Duration.ofSeconds(2));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            String code = owner.exitCode().isPresent() ? " with exit code " + owner.exitCode().getAsInt() : "";
            throw new NotReadyException(what + ": the process exited" + code + " before it was ready",
                    owner.recentOutput());
        }
    }
}
