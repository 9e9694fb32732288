package dev.opsdemo.support;

import dev.opsdemo.mlflow.DockerEngine;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Container tests need a Docker engine: with REQUIRE_DOCKER=1 (CI) a missing one fails them, never skips them. */
public final class Docker {

    private Docker() {
    }

    public static void require() {
        Tier.endToEndOnly("a Docker engine");
        if (DockerEngine.available()) {
            return;
        }
        if ("1".equals(System.getenv("REQUIRE_DOCKER"))) {
            fail("REQUIRE_DOCKER=1 but no Docker engine answers; start one with ./scripts/docker-engine.sh");
        }
        Assumptions.abort("no Docker engine answers (set REQUIRE_DOCKER=1 to make this a failure)");
    }

    /** Running containers the harness labelled with this workspace. */
    public static List<String> containersOf(String workspace) {
        return DockerClientFactory.instance().client().listContainersCmd()
                .withLabelFilter(java.util.Map.of("opsdemo.workspace", workspace)).exec().stream()
                .map(container -> container.getId() + " " + container.getImage())
                .toList();
    }

    public static void assertNoContainersOf(String workspace) {
        assertEquals(List.of(), containersOf(workspace), "containers left running");
    }
}
