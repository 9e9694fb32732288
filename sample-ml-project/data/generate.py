"""Generate the synthetic customer-churn CSV files in this folder.

Run from anywhere:  python sample-ml-project/data/generate.py
Only numpy is needed. Every file is produced from a fixed numpy RandomState seed and written
with fixed number formatting, so running the script again reproduces byte-identical files
(check with `git status`: nothing should change).

The story: a mobile/broadband provider wants to predict which customers will cancel
(`churned` = 1) next month from five numeric facts about each customer.

Files written:
  train.csv                   2000 rows  the "historical" training data
  production_reference.csv     500 rows  new customers, same world as training      -> no drift
  production_shifted.csv       500 rows  new customers after a competitor's cheap plan
                                         launched: prices up, usage down, and price now
                                         drives churn much more strongly              -> drift
  corrupted.csv               2000 rows  train.csv with a broken upstream export
                                         (negative tenure, missing usage_hours)       -> gate fails
  empty.csv                      0 rows  header only                                  -> gate fails

schema.json (the data contract) is written by hand, not by this script: a contract states what
valid data must look like; it is not derived from whatever data happens to arrive.
"""

import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# Column order in every CSV; the label is last. Value = printf format used when writing.
COLUMNS = {
    "tenure_months": "%d",  # months as a customer, 1..72
    "monthly_charges": "%.2f",  # bill per month in EUR, 18..150
    "support_calls": "%d",  # support calls in the last 3 months, 0..10
    "usage_hours": "%.1f",  # hours of service used last month, 0..300
    "late_payments": "%d",  # late payments in the last 12 months, 0..6
    "churned": "%d",  # label: 1 = cancelled the next month
}
FEATURES = list(COLUMNS)[:-1]
LABEL = "churned"


def customers(rng, n, charges_mean=65.0, usage_scale=1.0):
    """Draw n customers' features (no label yet) as a dict of numpy arrays."""
    tenure = np.clip(np.round(rng.exponential(22.0, n)) + 1, 1, 72).astype(int)
    charges = np.round(np.clip(rng.normal(charges_mean, 20.0, n), 18.0, 150.0), 2)
    calls = np.clip(rng.poisson(1.4, n), 0, 10).astype(int)
    usage = np.round(np.clip(rng.gamma(4.0, 20.0, n) * usage_scale, 0.0, 300.0), 1)
    late = np.clip(rng.poisson(0.5, n), 0, 6).astype(int)
    return {
        "tenure_months": tenure,
        "monthly_charges": charges,
        "support_calls": calls,
        "usage_hours": usage,
        "late_payments": late,
    }


def churn_logit(x, base=-1.3, price_weight=0.045, tenure_weight=0.10):
    """The 'true' (hidden) churn behaviour: a log-odds score per customer.

    Higher bills, more support calls and late payments push towards churn; long tenure and
    heavy usage keep customers. The factor 3.0 sets how decisive the features are (how
    much "luck" is left), which puts a good model at roughly 0.88 accuracy.
    """
    return 3.0 * (
        base
        - tenure_weight * (x["tenure_months"] - 20)
        + price_weight * (x["monthly_charges"] - 65)
        + 0.70 * (x["support_calls"] - 1.4)
        - 0.025 * (x["usage_hours"] - 80)
        + 0.90 * (x["late_payments"] - 0.5)
    )


def label(rng, logit):
    """Draw the 0/1 label: some customers churn 'unexpectedly', so accuracy cannot reach 1.0."""
    p = 1.0 / (1.0 + np.exp(-logit))
    return (rng.uniform(size=len(p)) < p).astype(int)


def write_csv(name, data, n):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(n):
            row = []
            for col, fmt in COLUMNS.items():
                v = data[col][i]
                # a missing value is written as an empty field
                row.append("" if isinstance(v, float) and np.isnan(v) else fmt % v)
            w.writerow(row)
    print(f"wrote {name}: {n} rows")


def main():
    # Historical training data.
    rng = np.random.RandomState(42)
    train = customers(rng, 2000)
    train[LABEL] = label(rng, churn_logit(train))
    write_csv("train.csv", train, 2000)

    # Production data from the same world: no drift.
    rng = np.random.RandomState(7)
    ref = customers(rng, 500)
    ref[LABEL] = label(rng, churn_logit(ref))
    write_csv("production_reference.csv", ref, 500)

    # Production data after the market changed: a competitor launched a cheap plan.
    # Covariate shift: bills went up, usage went down.
    # Concept shift: price now drives churn far more, and long tenure protects less.
    rng = np.random.RandomState(2024)
    shifted = customers(rng, 500, charges_mean=90.0, usage_scale=0.6)
    shifted[LABEL] = label(
        rng, churn_logit(shifted, base=-5.0, price_weight=0.20, tenure_weight=0.04)
    )
    write_csv("production_shifted.csv", shifted, 500)

    # A broken export of the training data: violates data/schema.json.
    rng = np.random.RandomState(13)
    bad = {col: np.array(values, dtype=float) for col, values in train.items()}
    neg = rng.choice(2000, size=60, replace=False)
    bad["tenure_months"][neg] = -bad["tenure_months"][neg]  # sign bug: negative tenure
    missing = rng.choice(2000, size=700, replace=False)
    bad["usage_hours"][missing] = np.nan  # usage meter feed lost: 35% missing
    write_csv("corrupted.csv", bad, 2000)

    # Header only.
    write_csv("empty.csv", {}, 0)


if __name__ == "__main__":
    main()
