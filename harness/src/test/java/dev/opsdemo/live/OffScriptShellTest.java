package dev.opsdemo.live;

import dev.opsdemo.demo.ShellContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the off-script shell says as it opens: where it is, and how to sign it in where the harness holds the keys. */
class OffScriptShellTest {

    private static final Path HERE = Path.of("/work/demo-workspace/sample-ml-project");

    @Test
    void onAServerThatAsksNobodyItSaysOnlyWhereItIs() {
        assertEquals(List.of("→ off-script: your shell in " + HERE + " (the demo waits; `exit` returns to it)"),
                OffScriptShell.opening(HERE, List.of(new ShellContext(HERE, Map.of("MLFLOW_TRACKING_URI",
                        "http://127.0.0.1:5000")), new ShellContext(Path.of("/elsewhere"), Map.of()))));
    }

    @Test
    void onTheStackItShowsTheLineThatSignsItInAndDoesNotRunIt() {
        String signIn = "set -a && . /work/demo-workspace/mlops/stack/stack.env && set +a";
        ShellContext stack = new ShellContext(HERE, Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"),
                List.of(signIn), signIn);
        assertEquals(List.of("→ off-script: your shell in " + HERE + " (the demo waits; `exit` returns to it)",
                "→ MLflow here asks who you are; to sign this shell in (then `env` shows the password):",
                "→   " + signIn), OffScriptShell.opening(HERE, List.of(stack)));
        // Its variables hold no secret: the line names the file, the shell does not source it.
        assertEquals(Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000"), stack.environment());
    }
}
