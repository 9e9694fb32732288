"""The monitor entry point's pictures: a drift plot per drifted feature and the accuracy plot, logged as artifacts of
its run, in a tracking store of the test's own. The served model and the registry stand aside (stand-ins for
score() and model_version()): what is tested is what the run logs, read back through the MLflow client."""

import os
import types

import matplotlib.image
import pytest

import monitor


@pytest.fixture
def store(tracking, monkeypatch):
    """The test's tracking store (conftest), with a training run to monitor."""
    client = tracking
    experiment = os.environ["MLFLOW_EXPERIMENT_ID"]
    training = client.create_run(experiment)
    client.log_metric(training.info.run_id, "accuracy", 0.88)
    client.set_terminated(training.info.run_id)
    version = types.SimpleNamespace(name="churn-classifier", version="1", run_id=training.info.run_id)
    monkeypatch.setattr(monitor, "model_version", lambda client, uri: version)
    monkeypatch.setattr(monitor, "score", lambda url, features: [0] * len(features))
    return client


def monitored(data, capsys):
    monitor.main(["--model-uri", "models:/churn-classifier@champion", "--scoring-url", "http://127.0.0.1:1/invocations",
                  "--data", data])
    out = capsys.readouterr().out.splitlines()
    return out[-1].removeprefix("run_id="), out


def test_the_shifted_batch_logs_a_plot_per_drifted_feature_and_the_accuracy_plot(store, capsys, tmp_path):
    run_id, out = monitored("data/production_shifted.csv", capsys)

    listed = [f.path for f in store.list_artifacts(run_id, "plots")]
    assert sorted(listed) == ["plots/accuracy.png", "plots/drift_monthly_charges.png", "plots/drift_usage_hours.png"]
    assert out[-2] == ("plots: plots/drift_monthly_charges.png, plots/drift_usage_hours.png, plots/accuracy.png "
                       "(artifacts of this run)")
    for path in listed:
        image = matplotlib.image.imread(store.download_artifacts(run_id, path, str(tmp_path)))
        assert image.shape[:2] == (360, 640), path


def test_a_batch_without_drift_logs_only_the_accuracy_plot(store, capsys):
    run_id, out = monitored("data/production_reference.csv", capsys)

    assert [f.path for f in store.list_artifacts(run_id, "plots")] == ["plots/accuracy.png"]
    assert out[-2] == "plots: plots/accuracy.png (artifacts of this run)"
