package dev.opsdemo.support;

import dev.opsdemo.mlflow.DockerEngine;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Container tests need a Docker engine: with REQUIRE_DOCKER=1 (CI) a missing one fails them, never skips them. */
public final class Docker {

    private Docker() {
    }

    /** Whether this JVM has had the images made (or found them made) by their scripts. */
    private static boolean imagesMade;

    public static void require() {
        Tier.endToEndOnly("a Docker engine");
        if (DockerEngine.available()) {
            images();
            return;
        }
        if ("1".equals(System.getenv("REQUIRE_DOCKER"))) {
            fail("REQUIRE_DOCKER=1 but no Docker engine answers; start one with ./scripts/docker-engine.sh");
        }
        Assumptions.abort("no Docker engine answers (set REQUIRE_DOCKER=1 to make this a failure)");
    }

    /**
     * The MLflow and PostgreSQL images, from their scripts as a user makes them: a build still running (.ci/run's,
     * beside the first tests) is waited for, a built image is found in a second or so, a missing one is built.
     */
    private static synchronized void images() {
        if (imagesMade) {
            return;
        }
        for (String script : List.of("scripts/mlflow-image.sh", "scripts/postgres-image.sh")) {
            try {
                Shell.ok(MlflowWitness.repoRoot(), Duration.ofMinutes(15),
                        MlflowWitness.repoRoot().resolve(script).toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while " + script + " made its image");
            }
        }
        imagesMade = true;
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
