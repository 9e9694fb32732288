"""Check training data against its contract (data/schema.json) before anything is trained, and record the verdict.

    mlflow run . -e validate -P data=data/train.csv

The run logs the dataset as an input (context `validation`; its digest is the one the training run will log for
the same data), the verdict as tags (`validation.passed`, `validation.violations`) and the report as the artifact
`validation.txt`. It exits 1 when the data breaks the contract, so `mlflow run` fails and nothing after it trains.
"""

import argparse
import os
import sys

import mlflow
import mlflow.data

import churn_data
import contract
import verdicts

SCHEMA = os.path.join("data", "schema.json")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default="data/train.csv", help="CSV path(s), as the training's data parameter")
    p.add_argument("--schema", default=SCHEMA, help="the data contract")
    args = p.parse_args(argv)
    churn_data.hide_noisy_warnings()

    table = churn_data.load_text(args.data)
    violations, report = contract.check(table, contract.load_contract(args.schema), args.data)
    with mlflow.start_run() as run:
        try:  # the data as training would read it, so both runs name the same digest
            dataset = mlflow.data.from_pandas(churn_data.load(args.data), source=args.data,
                                              name=churn_data.dataset_name(args.data), targets=churn_data.LABEL)
            mlflow.log_input(dataset, context="validation")
            mlflow.set_tag("dataset.digest", dataset.digest)
        except ValueError:
            pass  # unreadable for training (a required column missing, no rows): the report says why
        mlflow.set_tags({
            "run_type": "validation",
            "dataset.source": args.data,
            "validation.passed": str(not violations).lower(),
            "validation.violations": "; ".join(v.message for v in violations),
        })
        mlflow.log_metrics({"rows": len(table), "violations": len(violations)})
        mlflow.log_text("\n".join(report) + "\n", "validation.txt")
        verdicts.log(verdicts.validation(args.data, len(table), violations), verdicts.VALIDATION)
    print("\n".join(report))
    print(f"run_id={run.info.run_id}")
    if violations:
        print("=> the data breaks its contract: nothing may be trained on it", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
