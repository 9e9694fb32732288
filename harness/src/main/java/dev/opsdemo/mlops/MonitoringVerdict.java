package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The monitor entry point's verdict, as it logs it ({@code monitoring.json}, sample-ml-project/verdicts.py): what it
 * measured of the served model on the production batch and whether that calls for retraining. The fields of the
 * example in sample-ml-project/tests/verdicts/, which pytest holds the entry point to as well.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MonitoringVerdict(String modelUri, String modelVersion, String batch, int rows, double accuracyBefore,
                                double accuracyAfter, double maxAccuracyDrop, boolean accuracyDecayed,
                                List<FeatureDrift> drift, boolean retrainNeeded) {

    /** The artifact's name among its run's artifacts. */
    static final String ARTIFACT = "monitoring.json";

    /** One feature's distribution in training against the batch: PSI, the KS statistic, and the verdict. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeatureDrift(String feature, double psi, double ks, boolean drifted) {
    }
}
