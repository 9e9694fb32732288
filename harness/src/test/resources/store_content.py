"""Prints what an MLflow SQLite store holds, as JSON without what differs between two equal runs of a workflow.

Used by the tests to compare two stores (the exported script's and the demo's): experiments and their runs in start
order (entry point, parameters, metrics, dataset digests, the verdict tags), registered models with their versions
(status, where their model comes from, tags, the run they came from) and aliases. Runs that overlapped in time are
ordered by their parameters instead: the demo runs its two evaluations at once, a script may run them in turn.
Left out: ids, times, run names, absolute paths and ports.
Usage: python store_content.py MLFLOW_DB
"""
import json
import re
import sys

from mlflow.tracking import MlflowClient

uri = "sqlite:///" + sys.argv[1]
client = MlflowClient(tracking_uri=uri, registry_uri=uri)
VERDICT_TAGS = ("validation.", "retrain.", "drift.", "mlflow.project.entryPoint")
VOLATILE = re.compile(r"127\.0\.0\.1:\d+|(?<![\w:/])/(?:[\w.-]+/)+")


def in_start_order(runs):
    """Runs by start time; a group of runs that overlapped in time by their parameters, as their order is chance."""
    ordered, group, group_end = [], [], None
    for run in sorted(runs, key=lambda r: r.info.start_time):
        end = run.info.end_time or run.info.start_time
        if group and run.info.start_time <= group_end:
            group.append(run)
            group_end = max(group_end, end)
            continue
        ordered += sorted(group, key=lambda r: sorted(r.data.params.items()))
        group, group_end = [run], end
    return ordered + sorted(group, key=lambda r: sorted(r.data.params.items()))


position = {}
content = {"experiments": {}, "models": {}}
for experiment in sorted(client.search_experiments(), key=lambda e: e.name):
    runs = in_start_order(client.search_runs([experiment.experiment_id], max_results=1000))
    listed = []
    for index, run in enumerate(runs):
        position[run.info.run_id] = f"{experiment.name}#{index + 1}"
        listed.append({
            "status": run.info.status,
            "params": {k: VOLATILE.sub("*", v) for k, v in sorted(run.data.params.items())},
            "metrics": {k: round(v, 6) for k, v in sorted(run.data.metrics.items())},
            "tags": {k: v for k, v in sorted(run.data.tags.items()) if k.startswith(VERDICT_TAGS)},
            "dataset_digests": [d.dataset.digest for d in run.inputs.dataset_inputs],
        })
    content["experiments"][experiment.name] = listed

for model in client.search_registered_models():
    versions = sorted(client.search_model_versions(f"name='{model.name}'"), key=lambda v: int(v.version))
    content["models"][model.name] = {
        "aliases": dict(sorted(model.aliases.items())),
        "versions": [{
            "version": v.version,
            "status": v.status,
            "source": "logged model" if v.source.startswith("models:/m-") else VOLATILE.sub("*", v.source),
            "tags": dict(sorted(v.tags.items())),
            "run": position.get(v.run_id),
        } for v in versions],
    }

print(json.dumps(content, sort_keys=True))
