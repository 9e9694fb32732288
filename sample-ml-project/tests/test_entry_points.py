"""What the entry points do with bad input before they reach MLflow: the errors `mlflow run` shows, which the
harness quotes when the step fails (MlflowProjectRunTest, TrainingStepsTest check the harness's side)."""

import os

import mlflow
import mlflow.exceptions
import pytest

import contract
import churn_data
import evaluate
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


def _refused_once(message, calls):
    def log_input(dataset, context):
        calls.append(context)
        if len(calls) == 1:
            raise mlflow.exceptions.MlflowException(message)
    return log_input


def test_an_evaluation_that_loses_the_race_to_create_the_batchs_dataset_row_links_to_it(monkeypatch):
    # The server's answer when the other evaluation made the same dataset row a moment earlier (seen in a run).
    calls = []
    monkeypatch.setattr(mlflow, "log_input", _refused_once(
        "BAD_REQUEST: (sqlite3.IntegrityError) UNIQUE constraint failed: datasets.experiment_id, datasets.name, "
        "datasets.digest", calls))
    evaluate.log_input(object(), context="evaluation")
    assert calls == ["evaluation", "evaluation"]


def test_any_other_refusal_to_log_the_input_is_not_retried(monkeypatch):
    calls = []
    monkeypatch.setattr(mlflow, "log_input", _refused_once("RESOURCE_DOES_NOT_EXIST: Run 'x' not found", calls))
    with pytest.raises(mlflow.exceptions.MlflowException, match="not found"):
        evaluate.log_input(object(), context="evaluation")
    assert calls == ["evaluation"]


def test_under_mlflow_run_the_run_links_are_left_to_it(monkeypatch):
    monkeypatch.setenv("MLFLOW_RUN_ID", "0" * 32)
    # Set, then removed, so that monkeypatch removes what the entry point sets once the test ends.
    monkeypatch.setenv("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "unset")
    monkeypatch.delenv("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT")
    churn_data.hide_noisy_warnings()
    assert os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] == "true"


def test_run_on_its_own_an_entry_point_prints_its_run_links(monkeypatch):
    monkeypatch.delenv("MLFLOW_RUN_ID", raising=False)
    # Set, then removed, so that monkeypatch removes what the entry point sets once the test ends.
    monkeypatch.setenv("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "unset")
    monkeypatch.delenv("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT")
    churn_data.hide_noisy_warnings()
    assert "MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT" not in os.environ


def test_a_logged_model_lists_its_own_runtime_not_the_projects_tools():
    requirements = train.model_requirements()
    names = [line.split("==")[0] for line in requirements]
    assert names[:5] == ["mlflow", "scikit-learn", "numpy", "pandas", "scipy"]
    assert names[5] == ("skops" if train.MLFLOW_3 else "cloudpickle")
    assert "pytest" not in names and "asciinema" not in names
    with open("requirements.txt" if train.MLFLOW_3 else "requirements-mlflow2.txt") as lock:
        pins = {line.strip() for line in lock}
    assert set(requirements) <= pins, "the versions trained with are the lock's"
