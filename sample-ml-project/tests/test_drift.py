"""Drift on the shipped batches: the shifted one drifts in the two features the story changed, the reference one in
none; PSI and KS behave as their definitions say."""

import numpy as np
import pytest

import churn_data
import drift

TRAIN = churn_data.load("data/train.csv")


def drift_of(spec):
    return {f.name: f for f in drift.compare(TRAIN, churn_data.load(spec), churn_data.FEATURES)}


def test_the_shifted_batch_drifts_in_charges_and_usage():
    features = drift_of("data/production_shifted.csv")
    assert [name for name, f in features.items() if f.drifted] == ["monthly_charges", "usage_hours"]
    assert features["monthly_charges"].psi == pytest.approx(1.5700, abs=1e-4)
    assert features["monthly_charges"].ks == pytest.approx(0.4940, abs=1e-4)
    assert features["tenure_months"].level == "stable"


def test_the_reference_batch_does_not_drift():
    features = drift_of("data/production_reference.csv")
    assert [name for name, f in features.items() if f.drifted] == []
    assert all(f.psi < drift.PSI_MODERATE for f in features.values())


def test_identical_samples_have_no_drift():
    values = TRAIN["usage_hours"]
    assert drift.psi(values, values) == pytest.approx(0.0)
    assert drift.ks(values, values) == pytest.approx(0.0)


def test_disjoint_samples_are_as_far_apart_as_ks_allows():
    assert drift.ks(np.arange(100), np.arange(100) + 1000) == pytest.approx(1.0)
    assert drift.psi(np.arange(100), np.arange(100) + 1000) > drift.PSI_DRIFT


def test_missing_values_are_ignored_and_no_values_is_an_error():
    assert drift.psi([1.0, 2.0, np.nan, 3.0], [1.0, 2.0, 3.0]) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="no actual values"):
        drift.psi([1.0, 2.0], [np.nan])
