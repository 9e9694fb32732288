"""Data drift: has the production input moved away from what the model was trained on? One implementation, used by
the `monitor` entry point (monitor.py) and its tests.

Drift is not a contract violation (production_shifted.csv is valid data), but it is why a model that passed every
gate can lose accuracy after deployment. Two measures per feature, missing values ignored:
- PSI, the population stability index: the training data's deciles cut 10 bins, and PSI sums (p - q) * ln(p / q)
  over them, p and q being the production and training shares in each bin.
- KS, the two-sample Kolmogorov-Smirnov statistic D: the largest gap between the two empirical distribution
  functions, from 0 (identical) to 1 (no overlap).

The rule: a feature has drifted when PSI >= 0.2. PSI alone decides because its thresholds are the long-established
reading (credit scoring: < 0.1 stable, 0.1 to 0.2 moderate, >= 0.2 drift) and because with ten bins its sampling noise
stays far below 0.2 even for small batches (about 9 * (1/n + 1/m): 0.02 for 2000 vs 500 rows), whereas KS D's noise
shrinks only with sqrt(1/n + 1/m) and would flag small batches at random. KS is shown beside it as a second, bin-free
opinion; from 0.1 (about twice the D of two same-distribution samples of 2000 and 500 rows) it would call drift.
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import ks_2samp

PSI_DRIFT = 0.2
PSI_MODERATE = 0.1
KS_DRIFT = 0.1
BINS = 10
EPSILON = 1e-4  # the share given to a bin one side leaves empty, so that ln(p / q) stays finite


@dataclass(frozen=True)
class FeatureDrift:
    name: str
    psi: float
    ks: float

    @property
    def drifted(self):
        return self.psi >= PSI_DRIFT

    @property
    def level(self):
        return "drift" if self.drifted else "moderate" if self.psi >= PSI_MODERATE else "stable"


def psi(reference, actual):
    """PSI of actual against reference. The bins are cut at the reference's deciles (numpy's linear quantiles),
    duplicates removed, each bin closed on its right: a discrete feature like late_payments (60% zeros) gets the
    bins "0", "1", "over 1" instead of several empty ones."""
    reference, actual = _values(reference, "reference"), _values(actual, "actual")
    cuts = np.unique(np.quantile(reference, np.arange(1, BINS) / BINS))
    expected, observed = (np.bincount(np.searchsorted(cuts, x), minlength=len(cuts) + 1) / len(x)
                          for x in (reference, actual))
    p, q = np.maximum(observed, EPSILON), np.maximum(expected, EPSILON)
    return float(np.sum((p - q) * np.log(p / q)))


def ks(reference, actual):
    return float(ks_2samp(_values(reference, "reference"), _values(actual, "actual")).statistic)


def compare(reference, production, features):
    """Drift of each feature (columns of two pandas frames)."""
    return [FeatureDrift(f, psi(reference[f], production[f]), ks(reference[f], production[f])) for f in features]


def _values(column, side):
    values = np.asarray(column, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) == 0:
        raise ValueError(f"no {side} values to compare")
    return values
