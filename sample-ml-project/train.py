"""Train the customer-churn classifier and record everything in MLflow.

Normally started by `mlflow run` (see MLproject), which creates the MLflow run and sets
MLFLOW_RUN_ID / MLFLOW_TRACKING_URI; it also works by hand:
    python train.py --data data/train.csv --n-estimators 50 --max-depth 6 --test-size 0.2 --seed 42

Same data + same parameters -> same split, same model, same metrics (everything is seeded).
Invalid parameters or unusable data end the script with an error and a non-zero exit code.
"""

import argparse
import importlib.metadata

import mlflow
import mlflow.data
import mlflow.sklearn
from mlflow.models import infer_signature
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

import churn_data


# The same code runs on MLflow 3 (the default) and on MLflow 2.17, which learners may still have.
MLFLOW_3 = int(mlflow.__version__.split(".")[0]) >= 3
# MLflow 3 saves scikit-learn models with skops, which loads back only the types it is told to trust (pickle would
# run any code the file holds). Reviewed: a random forest holds its trees in this one compiled type, and nothing
# else outside skops' defaults (skops.io.get_untrusted_types on a saved model lists exactly this).
SKOPS_TRUSTED_TYPES = ["sklearn.tree._tree.Tree"]


def model_requirements():
    """What loading and scoring the model needs, at the versions it was trained with: its own environment, not the
    project's whole lock (pytest and asciinema are the project's tools, and MLflow would warn about each on every
    load in another environment). Listing them also skips MLflow's slow automatic requirement detection."""
    serializer = "skops" if MLFLOW_3 else "cloudpickle"
    return [f"{name}=={importlib.metadata.version(name)}"
            for name in ("mlflow", "scikit-learn", "numpy", "pandas", "scipy", serializer)]


def model_logging_options():
    """How log_model is told where and how to save the model, in each MLflow line's own terms."""
    if MLFLOW_3:
        # MLflow 3 keeps a logged model apart from the run's artifacts, under a name.
        return {"name": "model", "serialization_format": "skops", "skops_trusted_types": SKOPS_TRUSTED_TYPES}
    return {"artifact_path": "model"}  # MLflow 2: the model is an artifact of the run, saved with cloudpickle


def _number(text, kind):
    try:
        return kind(text)
    except ValueError:
        expected = "a whole number" if kind is int else "a number"
        raise argparse.ArgumentTypeError(f"must be {expected}, got {text!r}") from None


def positive_int(text):
    value = _number(text, int)  # "abc" or "2.5" are rejected
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {text}")
    return value


def non_negative_int(text):
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, got {text}")
    return value


def fraction(text):
    value = _number(text, float)
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"must be a number between 0 and 1, got {text}")
    return value


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--data",
        default="data/train.csv",
        help="CSV path(s), comma-separated, each optionally cut like file.csv:head=300",
    )
    p.add_argument("--n-estimators", type=positive_int, default=50, help="number of trees")
    p.add_argument("--max-depth", type=positive_int, default=6, help="maximum tree depth")
    p.add_argument("--test-size", type=fraction, default=0.2, help="share of rows held out")
    p.add_argument("--seed", type=non_negative_int, default=42, help="random seed")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    churn_data.hide_noisy_warnings()

    df = churn_data.load(args.data)
    X = df[churn_data.FEATURES]  # int and float columns, as in the CSV (and the model signature)
    y = df[churn_data.LABEL]
    if y.nunique() < 2:
        raise ValueError(f"label column '{churn_data.LABEL}' has only one class; cannot train")
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, random_state=args.seed, stratify=y
    )

    with mlflow.start_run() as run:  # reuses the run created by `mlflow run`, if any
        # The dataset as a run input: name, digest (a fingerprint of the content), source, schema.
        dataset = mlflow.data.from_pandas(
            df, source=args.data, name=churn_data.dataset_name(args.data), targets=churn_data.LABEL
        )
        mlflow.log_input(dataset, context="training")
        mlflow.set_tags({
            "dataset.digest": dataset.digest,
            "dataset.source": args.data,
            "run_type": "training",
        })

        params = {
            "data": args.data,
            "n_estimators": args.n_estimators,
            "max_depth": args.max_depth,
            "test_size": args.test_size,
            "seed": args.seed,
            "model_type": "RandomForestClassifier",
            "rows": len(df),
            "train_rows": len(X_train),
            "test_rows": len(X_test),
        }
        # `mlflow run` already logged the entry-point parameters exactly as given on the
        # command line (e.g. "0.20"); logging a differently spelled value would be rejected.
        already = run.data.params
        mlflow.log_params({k: v for k, v in params.items() if k not in already})

        model = RandomForestClassifier(
            n_estimators=args.n_estimators,
            max_depth=args.max_depth,
            random_state=args.seed,
            n_jobs=1,
        )
        model.fit(X_train, y_train)

        predicted = model.predict(X_test)
        metrics = {
            "accuracy": accuracy_score(y_test, predicted),
            "f1": f1_score(y_test, predicted),
            "roc_auc": roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]),
        }
        mlflow.log_metrics(metrics)

        logged = mlflow.sklearn.log_model(
            model,
            **model_logging_options(),
            signature=infer_signature(X_train, model.predict(X_train)),
            input_example=X_train.head(5),
            pip_requirements=model_requirements(),
        )

    print(f"data={args.data} rows={len(df)} train_rows={len(X_train)} test_rows={len(X_test)}")
    print(f"dataset.digest={dataset.digest}")
    for name, value in metrics.items():
        print(f"{name}={value:.4f}")
    print(f"model_uri={logged.model_uri}")
    print(f"run_id={run.info.run_id}")


if __name__ == "__main__":
    main()
