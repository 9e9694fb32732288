package dev.opsdemo.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks that a run left nothing behind: no child process of this JVM, nothing listening where it served. */
public final class Leftovers {

    private Leftovers() {
    }

    public static void assertNoChildProcesses() {
        List<String> children = ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
        assertEquals(List.of(), children, "processes left running after the run");
    }

    public static void assertNotListening(String url) {
        java.net.URI uri = java.net.URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            fail("something still listens at " + url);
        } catch (IOException expected) {
            // Refused: the server is gone.
        }
    }
}
