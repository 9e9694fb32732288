package dev.opsdemo.mlflow;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.util.function.Consumer;

/**
 * Which image runs the server. The default is MLflow's published image; where it is not present and cannot be
 * pulled, {@code scripts/mlflow-image.sh} builds an equivalent locally, which is used instead (and said so).
 */
public final class MlflowImages {

    public static final String LOCAL_BUILD = "opsdemo/mlflow:" + MlflowContainer.MLFLOW_VERSION;

    private MlflowImages() {
    }

    public static String resolve(String requested, Consumer<String> say) {
        if (isPresent(requested)) {
            return requested;
        }
        if (requested.equals(MlflowContainer.DEFAULT_IMAGE) && isPresent(LOCAL_BUILD)) {
            say.accept("image " + requested + " is not present locally; using the equivalent local build "
                    + LOCAL_BUILD + " (scripts/mlflow-image.sh)");
            return LOCAL_BUILD;
        }
        say.accept("image " + requested + " is not present locally; pulling it");
        return requested;
    }

    /**
     * The image as the container runs it. Every image named here is an MLflow server: the default, its local build
     * ({@code scripts/mlflow-image.sh}), or the one {@code --mlflow-image} names, which the user vouches for as
     * Testcontainers' users do, so each is declared a compatible substitute for MLflow's.
     */
    static DockerImageName named(String image) {
        return DockerImageName.parse(image).asCompatibleSubstituteFor(MlflowContainer.DEFAULT_IMAGE_NAME);
    }

    static boolean isPresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
