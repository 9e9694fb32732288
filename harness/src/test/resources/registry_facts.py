"""Reads an MLflow store with the real MLflow Python client and prints what it holds as JSON.

Used by the harness's tests as an independent witness: summary.json must agree with what MLflow itself reads.
Usage: python registry_facts.py STORE MODEL_NAME [EXPERIMENT_NAME]
STORE: an SQLite file (mlflow.db), or a tracking server's URL (signed in with MLflow's client settings from the
environment).
"""
import json
import sys

from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

db, model_name = sys.argv[1], sys.argv[2]
experiment_name = sys.argv[3] if len(sys.argv) > 3 else None
uri = db if "://" in db else "sqlite:///" + db
client = MlflowClient(tracking_uri=uri, registry_uri=uri)

facts = {"versions": [], "aliases": {}, "runs": {}}
try:
    model = client.get_registered_model(model_name)
    facts["aliases"] = dict(model.aliases)
except MlflowException:
    model = None

for mv in client.search_model_versions(f"name='{model_name}'") if model else []:
    run = client.get_run(mv.run_id)
    facts["versions"].append({"version": mv.version, "run_id": mv.run_id, "status": mv.status, "source": mv.source,
                              "tags": dict(mv.tags), "aliases": list(mv.aliases)})
    facts["runs"][mv.run_id] = {
        "metrics": run.data.metrics,
        "params": run.data.params,
        "tags": {k: v for k, v in run.data.tags.items() if not k.startswith("mlflow.log-model")},
        "dataset_digests": [d.dataset.digest for d in run.inputs.dataset_inputs],
    }
facts["versions"].sort(key=lambda v: int(v["version"]))

if experiment_name:
    experiment = client.get_experiment_by_name(experiment_name)
    facts["experiment_runs"] = 0 if experiment is None else len(
        client.search_runs([experiment.experiment_id], max_results=1000))

print(json.dumps(facts))
