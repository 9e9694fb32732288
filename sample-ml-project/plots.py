"""The monitoring run's pictures, for people who would rather look than read: one plot per drifted feature (its
distribution in the training data against the production batch's) and one of the accuracy at training against the
accuracy on the batch. The `monitor` entry point logs them as artifacts of its run, under plots/:

    plots/drift_<feature>.png   for each feature that drifted (drift.py's rule), none when nothing drifted
    plots/accuracy.png          always

The MLflow UI shows them on the run's Artifacts tab; the harness downloads them for report.html.
"""

import logging

import matplotlib
import numpy as np

# Files only, never a window: the non-interactive backend, whatever the machine has.
matplotlib.use("Agg")
# Its first run on a machine announces that it builds the font cache; a one-off notice that only distracts learners.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

from matplotlib.figure import Figure  # noqa: E402  (after the backend is chosen)

import mlflow  # noqa: E402

FOLDER = "plots"
ACCURACY = f"{FOLDER}/accuracy.png"
REFERENCE_COLOUR, PRODUCTION_COLOUR = "#64748b", "#7e22ce"
SIZE = (6.4, 3.6)  # inches; 640 x 360 pixels at the default 100 dpi
DPI = 100
MAX_BINS = 30


def drift_path(feature):
    return f"{FOLDER}/drift_{feature}.png"


def drift_figure(drift, reference, production):
    """The feature's distribution in both data sets (share of rows per bin, the same bins for both), titled with its
    drift measures (a drift.FeatureDrift). reference, production: the feature's pandas columns; missing values left
    out, as drift.py leaves them out."""
    ref, prod = (np.asarray(column.dropna(), dtype=float) for column in (reference, production))
    bins = _bins(np.concatenate([ref, prod]))
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    axes = figure.subplots()
    for values, colour, label in ((ref, REFERENCE_COLOUR, f"training data ({len(ref)} rows)"),
                                  (prod, PRODUCTION_COLOUR, f"production batch ({len(prod)} rows)")):
        axes.hist(values, bins=bins, weights=np.full(len(values), 1 / len(values)), color=colour, alpha=0.45,
                  label=label)
        axes.hist(values, bins=bins, weights=np.full(len(values), 1 / len(values)), color=colour, histtype="step",
                  linewidth=1.5)
    axes.set_title(f"{drift.name}: PSI {drift.psi:.2f} ({drift.level}), KS D {drift.ks:.2f}")
    axes.set_xlabel(drift.name)
    axes.set_ylabel("share of rows")
    axes.legend(frameon=False)
    return figure


def accuracy_figure(before, after, max_accuracy_drop):
    """Accuracy at training against accuracy on the batch, with the line below which it counts as decayed."""
    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    axes = figure.subplots()
    bars = axes.bar(["at training (reference)", "on the production batch"], [before, after],
                    color=[REFERENCE_COLOUR, PRODUCTION_COLOUR], width=0.5)
    axes.bar_label(bars, labels=[f"{before:.4f}", f"{after:.4f}"], padding=3)
    axes.axhline(before - max_accuracy_drop, color="#b91c1c", linestyle="--", linewidth=1.2,
                 label=f"decay threshold {before - max_accuracy_drop:.4f} ({before:.4f} - {max_accuracy_drop:.2f})")
    axes.set_ylim(0, 1.12)
    axes.set_ylabel("accuracy")
    axes.set_title(f"accuracy: {before:.4f} -> {after:.4f}")
    axes.legend(frameon=False, loc="upper right")
    return figure


def log(reference, production, features, before, after, max_accuracy_drop):
    """Logs the plots to the active run; returns their artifact paths, drift plots first (in feature order)."""
    paths = []
    for feature in features:
        if feature.drifted:
            figure = drift_figure(feature, reference[feature.name], production[feature.name])
            paths.append(_logged(figure, drift_path(feature.name)))
    paths.append(_logged(accuracy_figure(before, after, max_accuracy_drop), ACCURACY))
    return paths


def _logged(figure, path):
    mlflow.log_figure(figure, path)
    return path


def _bins(values):
    """Whole-number data with few distinct values (support calls, late payments) gets a bin per value; anything else
    MAX_BINS equal bins over both data sets' range."""
    low, high = float(values.min()), float(values.max())
    if np.all(values == np.round(values)) and high - low < MAX_BINS:
        return np.arange(low - 0.5, high + 1.5)
    return np.linspace(low, high, MAX_BINS + 1) if high > low else np.array([low - 0.5, low + 0.5])
