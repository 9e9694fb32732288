package dev.opsdemo.live;

import dev.opsdemo.demo.Lane;
import dev.opsdemo.demo.ShellContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The user's own shell, opened off-script from a live demo ({@code !} at a step's prompt) in that step's context:
 * its lane's directory, and every lane's variables as they stand (the venv on PATH, {@code MLFLOW_TRACKING_URI},
 * git's credential helper), so the room's "what is in the registry now?" gets a real answer. Its prompt says it is
 * off-script; {@code exit} returns to the demo where it was. The run's servers keep running meanwhile.
 */
public final class OffScriptShell {

    private OffScriptShell() {
    }

    /**
     * What the shell's opening says: where it is, and for a server that asks who you are with secrets the harness
     * keeps (the stack's), the line that signs this shell in, shown, not run (see {@link ShellContext#signIn}).
     */
    static List<String> opening(Path directory, List<ShellContext> contexts) {
        List<String> lines = new ArrayList<>();
        lines.add("→ off-script: your shell in " + directory + " (the demo waits; `exit` returns to it)");
        contexts.stream().map(ShellContext::signIn).filter(Objects::nonNull).distinct().forEach(signIn -> {
            lines.add("→ MLflow here asks who you are; to sign this shell in (then `env` shows the password):");
            lines.add("→   " + signIn);
        });
        return lines;
    }

    /**
     * Runs the shell on this terminal until it exits. {@code pauseInterrupts}: while it runs, Ctrl-C is the shell's,
     * not the run's (closed when the shell ends).
     */
    public static void open(List<Lane> lanes, Lane current, PrintStream out, Keyboard keyboard,
                     Supplier<AutoCloseable> pauseInterrupts) throws InterruptedException {
        Map<String, String> environment = new HashMap<>();
        List<ShellContext> contexts = lanes.stream().map(lane -> lane.shell().get()).filter(Objects::nonNull)
                .toList();
        contexts.forEach(context -> environment.putAll(context.environment()));
        ShellContext here = current.shell().get();
        Path directory = here != null && Files.isDirectory(here.directory()) ? here.directory()
                : Path.of(System.getProperty("user.dir"));
        out.println();
        opening(directory, contexts).forEach(out::println);
        out.flush();
        Path rc = null;
        keyboard.suspend();
        try (AutoCloseable paused = pauseInterrupts.get()) {
            rc = Files.createTempFile("opsdemo-off-script", ".bashrc");
            // The user's own bash set-up first, then a prompt that says where they are.
            Files.writeString(rc, "[ -f ~/.bashrc ] && . ~/.bashrc\n"
                    + "PS1='(off-script · exit returns to the demo) \\w \\$ '\n", StandardCharsets.UTF_8);
            ProcessBuilder shell = new ProcessBuilder("bash", "--rcfile", rc.toString(), "-i").directory(
                    directory.toFile()).inheritIO();
            Map<String, String> env = shell.environment();
            env.putAll(environment);
            shell.start().waitFor();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            out.println("→ the off-script shell could not start: " + e.getMessage());
        } finally {
            keyboard.resume();
            if (rc != null) {
                try {
                    Files.deleteIfExists(rc);
                } catch (IOException e) {
                    // A temporary file left in the temporary directory.
                }
            }
        }
        out.println("→ back on script");
        out.flush();
    }
}
