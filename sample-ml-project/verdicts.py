"""The entry points' verdicts, each logged as one JSON artifact of its run (validation.json, monitoring.json): what
the harness reads back into its step records. MLflow tags and metrics stay, for the UI and the learner; these files
are the contract. tests/verdicts/ holds an example of each: pytest holds the entry points to its fields, and the
harness's JUnit tests read the same files into its records (ValidationVerdict, MonitoringVerdict)."""

import mlflow

VALIDATION = "validation.json"
MONITORING = "monitoring.json"


def validation(data, rows, violations):
    return {"data": data, "rows": rows, "passed": not violations, "violations": [v.message for v in violations]}


def monitoring(model_uri, model_version, batch, rows, before, after, max_accuracy_drop, decayed, features, retrain):
    return {
        "model_uri": model_uri,
        "model_version": str(model_version),
        "batch": batch,
        "rows": rows,
        "accuracy_before": before,
        "accuracy_after": after,
        "max_accuracy_drop": max_accuracy_drop,
        "accuracy_decayed": bool(decayed),
        "drift": [{"feature": f.name, "psi": f.psi, "ks": f.ks, "drifted": bool(f.drifted)} for f in features],
        "retrain_needed": bool(retrain),
    }


def log(verdict, name):
    """Into the active run, at the root of its artifacts."""
    mlflow.log_dict(verdict, name)
