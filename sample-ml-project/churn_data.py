"""Loading the churn CSV files; shared by the entry points (train, evaluate, validate, monitor).

A data spec is one or more CSV paths separated by commas, loaded and concatenated in order.
Each path may end in `:head=N` (keep only the first N rows of that file) or `:tail=N` (keep
only the last N rows), so one file can be split into a part to train on and a part to test on:

    data/train.csv                                       all rows of one file
    data/train.csv,data/production_shifted.csv           both files, one after the other
    data/train.csv,data/production_shifted.csv:head=300  train.csv + first 300 shifted rows
    data/production_shifted.csv:tail=200                 the last 200 shifted rows

(No brackets or spaces on purpose: `mlflow run` shell-quotes such values and then records the
quotes as part of the run parameter.)
"""

import os
import re
import warnings

import pandas as pd

LABEL = "churned"
FEATURES = ["tenure_months", "monthly_charges", "support_calls", "usage_hours", "late_payments"]

_ROWS = re.compile(r"^(?P<path>.+?)(?::(?P<part>head|tail)=(?P<n>\d+))?$")


def parse_spec(spec):
    """'a.csv,b.csv:head=300' -> [('a.csv', None, None), ('b.csv', 'head', 300)]"""
    parts = [p.strip() for p in str(spec).split(",")]
    if not spec or not all(parts):
        raise ValueError(f"data must be one or more comma-separated CSV paths, got {spec!r}")
    result = []
    for part in parts:
        m = _ROWS.match(part)
        result.append((m["path"], m["part"], int(m["n"]) if m["n"] else None))
    return result


def _frames(spec, **read_csv):
    """The files of a data spec, each read with pandas and cut to its head or tail."""
    frames = []
    for path, part, n in parse_spec(spec):
        if not os.path.isfile(path):
            raise FileNotFoundError(f"data file not found: {path} (working dir {os.getcwd()})")
        df = pd.read_csv(path, **read_csv)
        if part == "head":
            df = df.head(n)
        elif part == "tail":
            df = df.tail(n)
        frames.append((path, df))
    return frames


def load(spec):
    """Read and concatenate the CSV files of a data spec. Fails loudly on unusable data."""
    frames = []
    for path, df in _frames(spec):
        missing = [c for c in FEATURES + [LABEL] if c not in df.columns]
        if missing:
            raise ValueError(f"{path}: missing required columns {missing}")
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)[FEATURES + [LABEL]]
    if len(df) == 0:
        raise ValueError(f"data {spec!r} contains no rows")
    return df


def load_text(spec):
    """The rows of a data spec as the files hold them: every field a string, an empty field "" (not NaN, and "NA"
    stays "NA"). Keeps the columns every file has, in the first file's order, so that a column missing from one
    file shows up as missing, as it makes training fail. For the data contract check (contract.py)."""
    frames = [df for _, df in _frames(spec, dtype=str, keep_default_na=False)]
    columns = [c for c in frames[0].columns if all(c in df.columns for df in frames)]
    return pd.concat([df[columns] for df in frames], ignore_index=True).fillna("")


def dataset_name(spec):
    """A short readable name: 'data/train.csv,data/x.csv:head=300' -> 'train+x:head=300'."""
    names = []
    for part in str(spec).split(","):
        base = os.path.basename(part.strip())
        names.append(base.replace(".csv", ""))
    return "+".join(names)


def hide_noisy_warnings():
    """Hide MLflow output that is irrelevant here and would only distract learners."""
    if "MLFLOW_RUN_ID" in os.environ:
        # Started by `mlflow run`, which prints the run's "View run" and "View experiment" links itself once the run
        # ends: printed here too, they would show twice.
        os.environ.setdefault("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "true")
    for message in (
        "Failed to determine whether UCVolumeDatasetSource",  # we never use Databricks
        "The specified dataset source can be interpreted in multiple ways",  # it's a local file
        "Hint: Inferred schema contains integer column",  # the integer column is the 0/1 output
    ):
        warnings.filterwarnings("ignore", message=message)
