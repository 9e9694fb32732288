package dev.opsdemo.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's headless Chromium, as the browser tests drive it: no sandbox (containers), no GPU, nothing fetched behind
 * the page's back, and a fresh profile per launch, so nothing from an earlier launch (cache, crash state) changes
 * what renders.
 */
public final class Chromium {

    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** CI must run the check; elsewhere a missing browser only skips it, saying what {@code check} would prove. */
    public static void require(String check) {
        CiTool.require(Files.isExecutable(PATH), PATH + " is missing: install Debian's chromium (apt-get install -y "
                + "chromium) to check " + check);
    }

    /** The argv of one launch with {@code args}, its profile a new directory under {@code temp}. */
    public static String[] command(Path temp, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(PATH.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir="
                        + Files.createTempDirectory(temp, "chromium-profile-")));
        argv.addAll(List.of(args));
        return argv.toArray(String[]::new);
    }

    /**
     * The page's DOM as Chromium serialises it after {@code args} (e.g. a virtual-time budget for scripts to run),
     * written to {@code dom} and read back: Chromium's log goes to stderr, the DOM to stdout, kept apart so that the
     * log cannot interleave with the DOM.
     */
    public static String dumpDom(Path temp, Path dom, String url, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "out=$1; shift; exec \"$@\" >\"$out\"", "sh",
                dom.toString()));
        List<String> launch = new ArrayList<>(List.of(args));
        launch.addAll(List.of("--dump-dom", url));
        argv.addAll(List.of(command(temp, launch.toArray(String[]::new))));
        Shell.Output dumped = Shell.run(temp, argv.toArray(String[]::new));
        if (dumped.exitCode() != 0) {
            throw new AssertionError("chromium --dump-dom " + url + " exited " + dumped.exitCode() + ":\n"
                    + dumped.text());
        }
        return Files.readString(dom);
    }
}
