"""What the entry points do with bad input before they reach MLflow: the errors `mlflow run` shows, which the
harness quotes when the step fails (MlflowProjectRunTest, TrainingStepsTest check the harness's side)."""

import pytest

import contract
import churn_data
import train
import validate


@pytest.mark.parametrize("value", ["abc", "2.5", "0", "-1"])
def test_a_bad_number_of_trees_is_an_argument_error(value, capsys):
    with pytest.raises(SystemExit) as stopped:
        train.main(["--n-estimators", value])
    assert stopped.value.code == 2
    assert "error: argument --n-estimators: must be a whole number" in capsys.readouterr().err


def test_a_bad_test_size_is_an_argument_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        train.parse_args(["--test-size", "1.5"])
    assert stopped.value.code == 2
    assert "error: argument --test-size: must be a number between 0 and 1, got 1.5" in capsys.readouterr().err


def test_validating_a_missing_file_names_it():
    # Raised before any run starts: `mlflow run` fails, and the harness's step quotes this error.
    with pytest.raises(FileNotFoundError, match="data file not found: data/no-such-file.csv"):
        validate.main(["--data", "data/no-such-file.csv"])


def test_training_on_a_missing_file_names_it():
    with pytest.raises(FileNotFoundError, match="data file not found: data/no-such-file.csv"):
        train.main(["--data", "data/no-such-file.csv"])


def test_an_empty_file_breaks_the_contract_saying_why():
    violations, report = contract.check(churn_data.load_text("data/empty.csv"),
                                        contract.load_contract(validate.SCHEMA), "data/empty.csv")
    assert [v.message for v in violations] == ["data/empty.csv: 0 rows, fewer than min_rows 100"]
    assert report[0].endswith(": FAILED, 1 violation")


def test_training_on_an_empty_file_is_an_error():
    with pytest.raises(ValueError, match="contains no rows"):
        train.main(["--data", "data/empty.csv"])
