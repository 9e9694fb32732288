"""Score an already trained model on new labelled data and record the result in MLflow.

This is the monitoring step: "how does the model in production do on this week's customers?"
    mlflow run . -e evaluate -P model_uri=runs:/<RUN_ID>/model -P data=data/production_shifted.csv

Metrics are logged as eval_accuracy / eval_f1 / eval_roc_auc (tag run_type=evaluation), so they
are never confused with the training runs' accuracy / f1 / roc_auc in the same experiment.
"""

import argparse

import mlflow
import mlflow.data
import mlflow.exceptions
import mlflow.sklearn
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

import churn_data

# How a store says a row it was about to insert is already there: SQLite's and PostgreSQL's wording, through
# SQLAlchemy, as MLflow's server passes it on.
_ALREADY_THERE = ("IntegrityError", "UniqueViolation", "UNIQUE constraint failed")


def log_input(dataset, context):
    """Logs ``dataset`` as the active run's input.

    The champion and the challenger are evaluated at the same time on the same batch (mlops.evaluate), and MLflow's
    server makes a dataset's row on first sight without a lock: when both runs log the batch at the same moment, one
    of them is refused with a unique-constraint error. The row exists by then, so logging again links to it.
    """
    try:
        mlflow.log_input(dataset, context=context)
    except mlflow.exceptions.MlflowException as error:
        if not any(sign in str(error) for sign in _ALREADY_THERE):
            raise
        mlflow.log_input(dataset, context=context)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model-uri", required=True, help="e.g. runs:/<RUN_ID>/model")
    p.add_argument(
        "--data",
        default="data/production_reference.csv",
        help="CSV path(s), comma-separated, each optionally cut like file.csv:tail=200",
    )
    args = p.parse_args(argv)
    churn_data.hide_noisy_warnings()

    df = churn_data.load(args.data)
    X = df[churn_data.FEATURES]
    y = df[churn_data.LABEL]
    model = mlflow.sklearn.load_model(args.model_uri)

    predicted = model.predict(X)
    metrics = {
        "eval_accuracy": accuracy_score(y, predicted),
        "eval_f1": f1_score(y, predicted, zero_division=0.0),
    }
    if y.nunique() == 2:  # ROC AUC needs both classes
        metrics["eval_roc_auc"] = roc_auc_score(y, model.predict_proba(X)[:, 1])

    with mlflow.start_run() as run:
        dataset = mlflow.data.from_pandas(
            df, source=args.data, name=churn_data.dataset_name(args.data), targets=churn_data.LABEL
        )
        log_input(dataset, context="evaluation")
        mlflow.set_tags({
            "dataset.digest": dataset.digest,
            "dataset.source": args.data,
            "run_type": "evaluation",
            "evaluated_model_uri": args.model_uri,
        })
        already = run.data.params
        params = {"model_uri": args.model_uri, "data": args.data, "rows": len(df)}
        mlflow.log_params({k: v for k, v in params.items() if k not in already})
        mlflow.log_metrics(metrics)

    print(f"model_uri={args.model_uri} data={args.data} rows={len(df)}")
    print(f"dataset.digest={dataset.digest}")
    for name, value in metrics.items():
        print(f"{name}={value:.4f}")
    print(f"run_id={run.info.run_id}")


if __name__ == "__main__":
    main()
