package dev.opsdemo.reliability;

import dev.opsdemo.mlflow.DockerEngine;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After a harness process has exited: nothing it started may still run, listen, or exist as a container or a
 * network.
 */
final class NothingLeft {

    private NothingLeft() {
    }

    static void assertFor(HarnessProcess harness, Path workspace) throws InterruptedException {
        assertFor(harness, workspace, harness.announcedPorts());
    }

    static void assertFor(HarnessProcess harness, Path workspace, Set<Integer> ports) throws InterruptedException {
        // A process killed by force is reaped by init a moment later; give the table that moment, no more.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> left;
        do {
            left = leftovers(harness, workspace, ports);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(List.of(), left, "left behind by the harness (ports it announced: " + ports + ")\n"
                + harness.output());
    }

    private static List<String> leftovers(HarnessProcess harness, Path workspace, Set<Integer> ports) {
        List<String> left = new ArrayList<>();
        ProcessTable.withMarker(harness.marker()).forEach(proc -> left.add("process started by the run: " + proc));
        ProcessTable.mentioning(workspace.toString()).forEach(proc -> left.add("process naming the workspace: "
                + proc));
        for (int port : ports) {
            ProcessTable.listeningOn(port).forEach(socket -> left.add("still listening: " + socket));
            ProcessTable.mentioning("127.0.0.1:" + port).forEach(proc -> left.add("process naming port " + port
                    + ": " + proc));
            ProcessTable.mentioning("--port " + port).forEach(proc -> left.add("process naming port " + port
                    + ": " + proc));
        }
        if (DockerEngine.available()) {
            containersOf(workspace).forEach(container -> left.add("container: " + container));
            DockerClientFactory.instance().client().listNetworksCmd()
                    .withFilter("label", List.of("opsdemo.workspace=" + workspace)).exec()
                    .forEach(network -> left.add("network: " + network.getName()));
        }
        return left;
    }

    /** Containers labelled for the workspace, running or not. */
    static List<String> containersOf(Path workspace) {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("opsdemo.workspace", workspace.toString())).exec().stream()
                .map(c -> c.getId().substring(0, 12) + " " + c.getImage() + " " + c.getState())
                .toList();
    }
}
