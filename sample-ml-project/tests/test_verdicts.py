"""The verdicts the entry points log (verdicts.py) have exactly the fields of the examples in tests/verdicts/, which
the harness's JUnit tests read into its records: a field renamed on one side fails on both."""

import json
import os
import types

import pytest

import monitor
import validate
import verdicts

EXAMPLES = os.path.join("tests", "verdicts")


def example(name):
    with open(os.path.join(EXAMPLES, name)) as file:
        return json.load(file)


def shape(value):
    """The value's fields and their types, recursively (a list by its first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return "number" if isinstance(value, (int, float)) and not isinstance(value, bool) else type(value).__name__


def logged(client, run_id, name, tmp_path):
    with open(client.download_artifacts(run_id, name, str(tmp_path))) as file:
        return json.load(file)


def test_the_validation_verdict_is_the_examples_shape_and_says_why(tracking, capsys, tmp_path):
    with pytest.raises(SystemExit):
        validate.main(["--data", "data/corrupted.csv"])
    run_id = capsys.readouterr().out.splitlines()[-1].removeprefix("run_id=")

    verdict = logged(tracking, run_id, verdicts.VALIDATION, tmp_path)
    assert verdict == example(verdicts.VALIDATION)
    assert tracking.get_run(run_id).data.tags["validation.passed"] == "false", "the tag stays, for the UI"


def test_valid_data_passes_with_no_violations(tracking, capsys, tmp_path):
    validate.main(["--data", "data/train.csv"])
    run_id = capsys.readouterr().out.splitlines()[-1].removeprefix("run_id=")

    verdict = logged(tracking, run_id, verdicts.VALIDATION, tmp_path)
    assert shape(verdict) == {**shape(example(verdicts.VALIDATION)), "violations": []}
    assert verdict["passed"] is True and verdict["violations"] == []


def test_the_monitoring_verdict_is_the_examples(tracking, capsys, tmp_path, monkeypatch):
    training = tracking.create_run(os.environ["MLFLOW_EXPERIMENT_ID"])
    tracking.log_metric(training.info.run_id, "accuracy", 0.88)
    tracking.set_terminated(training.info.run_id)
    version = types.SimpleNamespace(name="churn-classifier", version="1", run_id=training.info.run_id)
    monkeypatch.setattr(monitor, "model_version", lambda client, uri: version)
    monkeypatch.setattr(monitor, "score", lambda url, features: [0] * len(features))
    monitor.main(["--model-uri", "models:/churn-classifier@champion", "--scoring-url",
                  "http://127.0.0.1:1/invocations", "--data", "data/production_shifted.csv"])
    run_id = capsys.readouterr().out.splitlines()[-1].removeprefix("run_id=")

    verdict = logged(tracking, run_id, verdicts.MONITORING, tmp_path)
    assert verdict == example(verdicts.MONITORING)
    assert [f["feature"] for f in verdict["drift"] if f["drifted"]] == ["monthly_charges", "usage_hours"]
