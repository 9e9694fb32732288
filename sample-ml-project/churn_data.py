"""Loading the churn CSV files; shared by train.py and evaluate.py.

A data spec is one or more CSV paths separated by commas. Each path may end in a Python-style
row slice, which keeps only those rows of that file (0-based, end exclusive):

    data/train.csv                                 all rows of one file
    data/train.csv,data/production_shifted.csv     both files, one after the other
    data/production_shifted.csv[:300]              rows 0..299
    data/production_shifted.csv[300:]              rows 300..end
"""

import os
import re
import warnings

import pandas as pd

LABEL = "churned"
FEATURES = ["tenure_months", "monthly_charges", "support_calls", "usage_hours", "late_payments"]

_SLICE = re.compile(r"^(?P<path>.+?)(?:\[(?P<start>-?\d*):(?P<stop>-?\d*)\])?$")


def parse_spec(spec):
    """'a.csv,b.csv[:300]' -> [('a.csv', None, None), ('b.csv', None, 300)]"""
    parts = [p.strip() for p in str(spec).split(",")]
    if not spec or not all(parts):
        raise ValueError(f"data must be one or more comma-separated CSV paths, got {spec!r}")
    result = []
    for part in parts:
        m = _SLICE.match(part)
        start = int(m["start"]) if m["start"] else None
        stop = int(m["stop"]) if m["stop"] else None
        result.append((m["path"], start, stop))
    return result


def load(spec):
    """Read and concatenate the CSV files of a data spec. Fails loudly on unusable data."""
    frames = []
    for path, start, stop in parse_spec(spec):
        if not os.path.isfile(path):
            raise FileNotFoundError(f"data file not found: {path} (working dir {os.getcwd()})")
        df = pd.read_csv(path)
        missing = [c for c in FEATURES + [LABEL] if c not in df.columns]
        if missing:
            raise ValueError(f"{path}: missing required columns {missing}")
        frames.append(df.iloc[start:stop])
    df = pd.concat(frames, ignore_index=True)[FEATURES + [LABEL]]
    if len(df) == 0:
        raise ValueError(f"data {spec!r} contains no rows")
    return df


def dataset_name(spec):
    """A short readable name: 'data/train.csv,data/x.csv[:300]' -> 'train+x[:300]'."""
    names = []
    for part in str(spec).split(","):
        base = os.path.basename(part.strip())
        names.append(base.replace(".csv", ""))
    return "+".join(names)


def hide_noisy_warnings():
    """Hide MLflow warnings that are irrelevant here and would only distract learners."""
    for message in (
        "Failed to determine whether UCVolumeDatasetSource",  # we never use Databricks
        "The specified dataset source can be interpreted in multiple ways",  # it's a local file
        "Hint: Inferred schema contains integer column",  # the integer column is the 0/1 output
    ):
        warnings.filterwarnings("ignore", message=message)
