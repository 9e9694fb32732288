"""The data contract check on the shipped data: what passes, what fails and why."""

import pandas as pd
import pytest

import churn_data
import contract

SCHEMA = contract.load_contract("data/schema.json")


def check(spec):
    violations, report = contract.check(churn_data.load_text(spec), SCHEMA, spec)
    return {(v.column, v.rule): v.rows for v in violations}, report


@pytest.mark.parametrize("spec", ["data/train.csv", "data/production_reference.csv", "data/production_shifted.csv",
                                  "data/train.csv,data/production_shifted.csv:head=300"])
def test_valid_data_passes(spec):
    violations, report = check(spec)
    assert violations == {}
    assert report[0].endswith(": passed")


def test_the_corrupted_export_breaks_two_rules():
    violations, report = check("data/corrupted.csv")
    assert violations == {("tenure_months", "min"): 60, ("usage_hours", "max_missing_share"): 700}
    assert report[0] == "Data contract check of data/corrupted.csv (2000 rows): FAILED, 2 violations"
    assert any(line.startswith("  usage_hours ") and line.endswith("<= 5.0% FAIL (700 rows = 35.0%)")
               for line in report)


def test_an_empty_file_has_too_few_rows():
    violations, _ = check("data/empty.csv")
    assert violations == {("(table)", "min_rows"): 0}


def test_text_that_is_not_a_number_is_a_type_error_not_a_missing_value(tmp_path):
    rows = pd.read_csv("data/train.csv", dtype=str, keep_default_na=False)
    rows.loc[3, "support_calls"] = "NA"
    rows.loc[4, "support_calls"] = "2.5"
    rows.loc[5, "support_calls"] = ""
    path = tmp_path / "typed.csv"
    rows.to_csv(path, index=False)
    violations, _ = check(str(path))
    # "NA" and "2.5" are not whole numbers; only the empty field is missing (and support_calls allows none).
    assert violations == {("support_calls", "type"): 2, ("support_calls", "max_missing_share"): 1}


def test_a_missing_required_column_is_named(tmp_path):
    path = tmp_path / "no_label.csv"
    pd.read_csv("data/train.csv").drop(columns=["churned"]).to_csv(path, index=False)
    violations, report = check(str(path))
    assert violations[("churned", "required")] == 2000
    assert any("churned (label)  FAIL (missing)" in line for line in report)


def test_the_missing_share_bound_is_inclusive(tmp_path):
    rows = pd.read_csv("data/train.csv", dtype=str, keep_default_na=False)
    rows.loc[:99, "usage_hours"] = ""  # 100 of 2000 = exactly 5%
    path = tmp_path / "edge.csv"
    rows.to_csv(path, index=False)
    assert check(str(path))[0] == {}
