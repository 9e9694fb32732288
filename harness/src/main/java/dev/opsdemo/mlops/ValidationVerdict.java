package dev.opsdemo.mlops;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The validate entry point's verdict, as it logs it ({@code validation.json}, sample-ml-project/verdicts.py): the
 * fields of the example in sample-ml-project/tests/verdicts/, which pytest holds the entry point to as well.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ValidationVerdict(String data, int rows, boolean passed, List<String> violations) {

    /** The artifact's name among its run's artifacts. */
    static final String ARTIFACT = "validation.json";
}
