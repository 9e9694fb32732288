package dev.opsdemo.report;

import dev.opsdemo.demo.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Report files are replaced whole, so a reader (or a browser refreshing) never sees half a report. */
final class TextFiles {

    private TextFiles() {
    }

    /** Masks the whole text last, whatever the renderer already masked: a secret must not reach the disk. */
    static void writeMasked(Path file, String text, Secrets secrets) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, secrets.mask(text));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
