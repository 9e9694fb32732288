"""Monitor a deployed model on a labelled production batch: input drift against the training data, accuracy decay,
and the verdict whether to retrain; everything recorded in MLflow as a monitoring run.

    mlflow run . -e monitor --experiment-name monitoring -P model_uri=models:/churn-classifier@champion \\
        -P scoring_url=http://127.0.0.1:5001/invocations -P data=data/production_shifted.csv

The batch's features are sent to the deployed model (scoring_url, what `mlflow models serve` answers at), its
predictions compared with the batch's labels; the accuracy at training is read from the model version's training run.
The run's tags (model.name, model.version, drift.detected, retrain.needed) link it to the model version; its metrics
are psi.<feature>, ks.<feature>, accuracy_before, accuracy_after; its artifacts the plots of plots.py (a drift plot
per drifted feature, the accuracy before and after).
"""

import argparse
import json
import urllib.request

import mlflow
import mlflow.data
from mlflow.tracking import MlflowClient

import churn_data
import drift
import plots
import verdicts
from contract import text_table

# Accuracies are ratios of row counts; a difference this small is floating-point rounding (0.85 - 0.80 is
# 0.04999999999999993), not a change, so a drop of exactly the threshold counts as decay.
TOLERANCE = 1e-9


def accuracy_decayed(before, after, max_accuracy_drop):
    """Whether accuracy fell from before to after by at least max_accuracy_drop."""
    return before - after >= max_accuracy_drop - TOLERANCE


def retrain_needed(drifted, decayed):
    """The retrain rule: retrain when any input feature drifted or the accuracy decayed."""
    return bool(drifted) or decayed


def model_version(client, model_uri):
    """models:/NAME@ALIAS or models:/NAME/VERSION -> the registry's model version."""
    if not model_uri.startswith("models:/"):
        raise ValueError(f"model_uri must name a registered version (models:/NAME@ALIAS or models:/NAME/N), got {model_uri!r}")
    name_and_version = model_uri[len("models:/"):]
    if "@" in name_and_version:
        name, alias = name_and_version.split("@", 1)
        return client.get_model_version_by_alias(name, alias)
    name, _, version = name_and_version.rpartition("/")
    return client.get_model_version(name, version)


def score(scoring_url, features):
    """The deployed model's predictions for these rows, as a client of `mlflow models serve` gets them."""
    body = json.dumps({"dataframe_split": json.loads(features.to_json(orient="split", index=False))}).encode()
    request = urllib.request.Request(scoring_url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["predictions"]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model-uri", required=True, help="the deployed version, e.g. models:/churn-classifier@champion")
    p.add_argument("--scoring-url", required=True, help="where it is served, e.g. http://127.0.0.1:5001/invocations")
    p.add_argument("--data", default="data/production_shifted.csv", help="the labelled production batch")
    p.add_argument("--reference", default="data/train.csv", help="what the model was trained on")
    p.add_argument("--max-accuracy-drop", type=float, default=0.05, help="decay that calls for retraining")
    args = p.parse_args(argv)
    churn_data.hide_noisy_warnings()

    client = MlflowClient()
    version = model_version(client, args.model_uri)
    before = client.get_run(version.run_id).data.metrics["accuracy"]
    reference, batch = churn_data.load(args.reference), churn_data.load(args.data)
    predictions = score(args.scoring_url, batch[churn_data.FEATURES])
    correct = int(sum(int(p) == int(y) for p, y in zip(predictions, batch[churn_data.LABEL])))
    after = correct / len(batch)
    features = drift.compare(reference, batch, churn_data.FEATURES)
    drifted = [f.name for f in features if f.drifted]
    decayed = accuracy_decayed(before, after, args.max_accuracy_drop)
    retrain = retrain_needed(drifted, decayed)

    with mlflow.start_run() as run:
        dataset = mlflow.data.from_pandas(batch, source=args.data, name=churn_data.dataset_name(args.data),
                                          targets=churn_data.LABEL)
        mlflow.log_input(dataset, context="monitoring")
        mlflow.set_tags({
            "run_type": "monitoring",
            "model.name": version.name,
            "model.version": version.version,
            "model.uri": args.model_uri,
            "batch.source": args.data,
            "dataset.digest": dataset.digest,
            "drift.detected": str(bool(drifted)).lower(),
            "drift.features": ",".join(drifted),
            "accuracy.decayed": str(decayed).lower(),
            "retrain.needed": str(retrain).lower(),
        })
        metrics = {"accuracy_before": before, "accuracy_after": after, "correct": correct, "rows": len(batch)}
        for f in features:
            metrics[f"psi.{f.name}"] = f.psi
            metrics[f"ks.{f.name}"] = f.ks
        mlflow.log_metrics(metrics)
        logged = plots.log(reference, batch, features, before, after, args.max_accuracy_drop)
        verdicts.log(verdicts.monitoring(args.model_uri, version.version, args.data, len(batch), before, after,
                                         args.max_accuracy_drop, decayed, features, retrain), verdicts.MONITORING)

    print(f"Model {version.name} v{version.version} ({args.model_uri}), trained at accuracy {before:.4f}")
    print(f"Production batch: {args.data} ({len(batch)} labelled rows) scored by {args.scoring_url}")
    cells = [["feature", "PSI", "", "KS D", "drift"]]
    cells += [[f.name, f"{f.psi:.4f}", f.level, f"{f.ks:.4f}", "DRIFT" if f.drifted else "no"] for f in features]
    print("\n".join(text_table(cells)))
    print(f"accuracy: {before:.4f} at training -> {after:.4f} on this batch ({correct}/{len(batch)} correct); "
          f"decay threshold {args.max_accuracy_drop:.2f}")
    print("drift: " + (("yes in " + ", ".join(drifted)) if drifted else "none") + f" (PSI >= {drift.PSI_DRIFT})")
    reasons = [r for r, yes in (("the inputs drifted", drifted), ("the accuracy decayed", decayed)) if yes]
    print("=> retraining needed: " + " and ".join(reasons) if retrain
          else "=> no retraining needed: the model still fits the data")
    print("plots: " + ", ".join(logged) + " (artifacts of this run)")
    print(f"run_id={run.info.run_id}")


if __name__ == "__main__":
    main()
