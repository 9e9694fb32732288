package dev.opsdemo.mlops;

import dev.opsdemo.demo.StepFailedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How the harness reports an entry point's run that failed, from the lines {@code mlflow run} printed (taken from
 * real runs; the Python side of these errors is the ML project's pytest, tests/test_entry_points.py).
 */
class MlflowProjectRunTest {

    private static final String FAILED = "2026/12/01 21:43:50 ERROR mlflow.cli: === Run (ID "
            + "'37d787fcdee749b1900675cf921ae974') failed ===";

    /** {@code mlflow run sample-ml-project -P n_estimators=abc}: train.py's argument error, then MLflow's line. */
    private static final List<String> BAD_PARAMETER = List.of(
            "2026/12/01 21:43:43 INFO mlflow.projects.backend.local: === Running command 'python train.py --data "
                    + "data/train.csv --n-estimators abc --max-depth 6 --test-size 0.2 --seed 42' in run with ID "
                    + "'37d787fcdee749b1900675cf921ae974' === ",
            "usage: train.py [-h] [--data DATA] [--n-estimators N_ESTIMATORS]",
            "                [--max-depth MAX_DEPTH] [--test-size TEST_SIZE] [--seed SEED]",
            "train.py: error: argument --n-estimators: must be a whole number, got 'abc'",
            FAILED);

    /** {@code mlflow run sample-ml-project -e validate -P data=data/no-such-file.csv}: a Python traceback. */
    private static final List<String> MISSING_FILE = List.of(
            "  File \"/work/sample-ml-project/churn_data.py\", line 45, in _frames",
            "    raise FileNotFoundError(f\"data file not found: {path} (working dir {os.getcwd()})\")",
            "FileNotFoundError: data file not found: data/no-such-file.csv (working dir /work/sample-ml-project)",
            FAILED);

    @Test
    void aFailedRunIsAFailedStepQuotingThePythonError() {
        MlflowProjectRun.Outcome outcome = new MlflowProjectRun.Outcome(1, "37d787fcdee749b1900675cf921ae974",
                MlflowProjectRun.lastError(BAD_PARAMETER));
        StepFailedException failed = assertThrows(StepFailedException.class,
                () -> MlflowProjectRun.runId(outcome, MlflowProjectRun.MAIN));
        assertEquals("mlflow run failed with exit code 1\n"
                + "  why: the main run did not finish: train.py: error: argument --n-estimators: must be a whole "
                + "number, got 'abc'\n"
                + "  next: read the Python error above, fix the parameter or the data, and run again; nothing was "
                + "registered", failed.getMessage());
    }

    @Test
    void theQuotedErrorIsTheLastErrorOrExceptionLine() {
        assertEquals("FileNotFoundError: data file not found: data/no-such-file.csv (working dir "
                + "/work/sample-ml-project)", MlflowProjectRun.lastError(MISSING_FILE));
        assertEquals(FAILED, MlflowProjectRun.lastError(List.of("no error here", FAILED)), "else the last line");
        assertEquals("no output", MlflowProjectRun.lastError(List.of()));
    }

    @Test
    void aRunThatPrintedNoIdIsAFailedStepToo() {
        StepFailedException failed = assertThrows(StepFailedException.class,
                () -> MlflowProjectRun.runId(new MlflowProjectRun.Outcome(0, null, "no output"), "main"));
        assertEquals("mlflow run exited 0 but never printed its run id", failed.getMessage().lines().findFirst()
                .orElseThrow());
    }

    @Test
    void aSucceededRunGivesItsId() {
        assertEquals("abc", MlflowProjectRun.runId(new MlflowProjectRun.Outcome(0, "abc", ""), "main"));
    }
}
