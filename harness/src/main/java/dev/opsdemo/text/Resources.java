package dev.opsdemo.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Text the harness ships in its jar (templates, script parts), read from the classpath as UTF-8. */
public final class Resources {

    private Resources() {
    }

    /** {@code name} relative to {@code anchor}'s package, or absolute with a leading slash; empty when absent. */
    public static Optional<String> text(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
