package dev.opsdemo.reliability;

import dev.opsdemo.support.EndToEnd;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Ports;
import dev.opsdemo.support.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Ctrl-C with MLflow in a container: the container goes too, whether it was still starting or already serving; and
 * with the stack, both its containers and their network.
 */
@EndToEnd
class ContainerInterruptTest {

    @TempDir
    Path workspace;

    @Test
    void ctrlCWhileTheContainerStartsOrServesRemovesItAndItsPortIsOnLoopbackOnly() throws Exception {
        Docker.require();
        // While Testcontainers is still creating the container and waiting for /health.
        try (HarnessProcess harness = mlops()) {
            harness.awaitLine("→ starting MLflow in a container from ", Duration.ofSeconds(120));
            awaitContainer(harness);
            harness.signal("INT");
            assertEquals(130, harness.awaitExit(Duration.ofSeconds(25)), harness.output());
            assertTrue(harness.output().matches("(?s).*interrupted during mlops\\.server; stopped: .*MLflow "
                    + "container from .*"), harness.output());
            NothingLeft.assertFor(harness, workspace);
        }
        // While it serves `mlflow run`.
        try (HarnessProcess harness = mlops()) {
            harness.awaitLine("▶ \\[\\d+/\\d+\\] mlops.train · ", Duration.ofSeconds(180));
            harness.awaitProcess("mlflow run", Duration.ofSeconds(60));
            List<Container> containers = labelled();
            assertEquals(1, containers.size(), containers.toString());
            assertPublishedOnLoopbackOnly(containers.get(0).getId());
            harness.signal("INT");
            assertEquals(130, harness.awaitExit(Duration.ofSeconds(25)), harness.output());
            assertTrue(harness.output().matches("(?s).*interrupted during mlops\\.train; stopped: .*mlflow run "
                    + "\\(pid \\d+\\).*MLflow container from .*"), harness.output());
            NothingLeft.assertFor(harness, workspace);
        }
    }

    /**
     * The stack, once PostgreSQL is up and the tracking server's container exists, still starting: both containers
     * and their network go, and both containers were published on 127.0.0.1 only.
     */
    @Test
    void ctrlCWhileTheStackStartsRemovesBothContainersAndTheirNetwork() throws Exception {
        Docker.require();
        try (HarnessProcess harness = mlops("stack")) {
            harness.awaitLine("→ starting PostgreSQL from ", Duration.ofSeconds(120));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (labelled().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Container> containers = labelled();
            assertEquals(2, containers.size(), "PostgreSQL and the tracking server: " + containers + "\n"
                    + harness.output());
            containers.forEach(container -> assertPublishedOnLoopbackOnly(container.getId()));
            harness.signal("INT");
            assertEquals(130, harness.awaitExit(Duration.ofSeconds(25)), harness.output());
            assertTrue(harness.output().matches("(?s).*interrupted during mlops\\.server; stopped: .*MLflow stack "
                    + "\\(PostgreSQL .*"), harness.output());
            NothingLeft.assertFor(harness, workspace);
        }
    }

    private HarnessProcess mlops() {
        return mlops("container");
    }

    private HarnessProcess mlops(String mode) {
        return HarnessProcess.start("mlops", "--non-interactive", "--mlflow", mode, "--workspace",
                workspace.toString());
    }

    private List<Container> labelled() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("opsdemo.workspace", workspace.toString())).exec();
    }

    private void awaitContainer(HarnessProcess harness) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!labelled().isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no container labelled for the workspace appeared; output:\n" + harness.output());
    }

    /** What the engine was asked for and what it did: the server's port is published on 127.0.0.1, nowhere else. */
    private static void assertPublishedOnLoopbackOnly(String id) {
        DockerClient docker = DockerClientFactory.instance().client();
        InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
        Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> requested =
                inspect.getHostConfig().getPortBindings().getBindings();
        Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> actual =
                inspect.getNetworkSettings().getPorts().getBindings();
        for (Map<com.github.dockerjava.api.model.ExposedPort, Ports.Binding[]> bindings : List.of(requested, actual)) {
            assertFalse(bindings.isEmpty(), "the server's port is published");
            bindings.forEach((port, hosts) -> {
                assertTrue(hosts != null && hosts.length > 0, port + " has a host binding");
                for (Ports.Binding host : hosts) {
                    assertEquals("127.0.0.1", host.getHostIp(), port + " is published on " + host);
                }
            });
        }
    }
}
