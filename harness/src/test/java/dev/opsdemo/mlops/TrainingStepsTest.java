package dev.opsdemo.mlops;

import dev.opsdemo.demo.StepFailedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The data check's verdict as the validate step reads it from the run's tags. What validate.py tags and raises for
 * broken, empty or missing data is the ML project's pytest (tests/test_contract.py, tests/test_entry_points.py).
 */
class TrainingStepsTest {

    private static final MlflowProjectRun.Outcome FAILED_RUN = new MlflowProjectRun.Outcome(1, "r1",
            "FileNotFoundError: data file not found: data/no-such-file.csv (working dir /work/sample-ml-project)");

    @Test
    void dataThatPassesItsContractGoesOn() {
        assertDoesNotThrow(() -> TrainingSteps.requirePassed(new MlflowProjectRun.Outcome(0, "r1", ""),
                new ValidationVerdict("data/train.csv", 2000, true, List.of()), "data/train.csv"));
    }

    @Test
    void aBrokenContractIsAFailedStepNamingTheViolations() {
        StepFailedException failed = assertThrows(StepFailedException.class, () -> TrainingSteps.requirePassed(
                new MlflowProjectRun.Outcome(1, "r1", ""), new ValidationVerdict("data/empty.csv", 0, false,
                        List.of("data/empty.csv: 0 rows, fewer than min_rows 100")), "data/empty.csv"));
        assertEquals("the data breaks its contract: data/empty.csv: 0 rows, fewer than min_rows 100\n"
                + "  why: training on it would produce a model without any error, just a wrong one; nothing was "
                + "trained or registered\n"
                + "  next: fix the data (or the contract in data/schema.json) and run again, e.g. --data "
                + "data/train.csv", failed.getMessage());
    }

    /** validate.py stopped before it logged a verdict: a missing file, as `mlflow run` shows it. */
    @Test
    void noVerdictIsAFailedStepNamingTheDataAndWhatToDo() {
        StepFailedException failed = assertThrows(StepFailedException.class,
                () -> TrainingSteps.requirePassed(FAILED_RUN, null, "data/no-such-file.csv"));
        assertEquals("cannot check the training data data/no-such-file.csv: FileNotFoundError: data file not "
                + "found: data/no-such-file.csv (working dir /work/sample-ml-project)\n"
                + "  why: --data must name CSV files, relative to sample-ml-project/ or absolute\n"
                + "  next: pass an existing file, e.g. --data data/train.csv; nothing was trained",
                failed.getMessage());
    }

    @Test
    void aRunThatSucceededWithoutAVerdictIsNoPassEither() {
        assertThrows(StepFailedException.class, () -> TrainingSteps.requirePassed(
                new MlflowProjectRun.Outcome(0, "r1", ""), null, "data/train.csv"));
    }
}
