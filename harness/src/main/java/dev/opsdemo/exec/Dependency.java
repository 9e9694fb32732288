package dev.opsdemo.exec;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Something a process needs while it runs, e.g. the tracking server a training run reports to. When it dies, a
 * client would retry for minutes; {@link ProcessRunner} stops the process instead, within a second, and says so
 * with the dependency's last lines.
 */
public record Dependency(String name, BooleanSupplier alive, Supplier<List<String>> recentOutput) {

    /** {@code dependency} stopped while {@code command} needed it; carries the dependency's last lines. */
    public static final class LostException extends RuntimeException implements RecentOutput {
        private final List<String> recentOutput;
        private final String title;

        LostException(Dependency dependency, ProcessCommand command) {
            super(dependency.name() + " stopped while `" + command.display() + "` needed it, so that was stopped "
                    + "too");
            this.recentOutput = List.copyOf(dependency.recentOutput().get());
            this.title = "last lines of " + dependency.name();
        }

        @Override
        public List<String> recentOutput() {
            return recentOutput;
        }

        @Override
        public String recentOutputTitle() {
            return title;
        }
    }
}
