package dev.opsdemo.report;

import dev.opsdemo.demo.Secrets;
import dev.opsdemo.workspace.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Report files are replaced whole, so a reader (or a browser refreshing) never sees half a report. */
final class TextFiles {

    private TextFiles() {
    }

    /** Masks the whole text last, whatever the renderer already masked: a secret must not reach the disk. */
    static void writeMasked(Path file, String text, Secrets secrets) {
        try {
            AtomicFile.write(file, secrets.mask(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
