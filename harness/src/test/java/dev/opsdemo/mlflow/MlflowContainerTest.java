package dev.opsdemo.mlflow;

import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which images the container accepts; nothing here starts one (a container is made only by start()). */
class MlflowContainerTest {

    @Test
    void takesMlflowsImageAndWhatIsDeclaredToStandInForIt() {
        assertDoesNotThrow(() -> new MlflowContainer(DockerImageName.parse(MlflowContainer.DEFAULT_IMAGE)));
        assertDoesNotThrow(() -> new MlflowContainer(MlflowImages.named(MlflowImages.LOCAL_BUILD)));
        assertDoesNotThrow(() -> new MlflowContainer(MlflowImages.named(MlflowContainer.DEFAULT_IMAGE)));
    }

    @Test
    void refusesAnImageNobodyDeclaredCompatible() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new MlflowContainer(DockerImageName.parse("busybox:1.36")));
        assertTrue(refused.getMessage().contains("compatible substitute for '" + MlflowContainer.REPOSITORY + "'"),
                refused.getMessage());
    }
}
