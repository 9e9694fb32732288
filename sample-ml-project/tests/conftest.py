"""Tests run from the project folder, as `mlflow run` runs the entry points: relative data paths, local imports."""

import os
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
os.chdir(HERE)


import pytest  # noqa: E402 (after the path set-up above)
from mlflow.tracking import MlflowClient  # noqa: E402


@pytest.fixture
def tracking(tmp_path, monkeypatch):
    """A SQLite tracking store of the test's own, with an experiment whose artifacts go to tmp_path: what an entry
    point run by the test logs to, read back through the returned client."""
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", uri)
    client = MlflowClient(uri)
    experiment = client.create_experiment("tests", artifact_location=(tmp_path / "artifacts").as_uri())
    monkeypatch.setenv("MLFLOW_EXPERIMENT_ID", experiment)
    return client
