"""The retrain rule of monitor.py on the shared cases (tests/rule_cases.json, which the harness's tests read too)."""

import json

import pytest

import monitor

with open("tests/rule_cases.json", encoding="utf-8") as cases_file:
    CASES = json.load(cases_file)


@pytest.mark.parametrize("case", CASES["retrain"], ids=lambda case: case["case"])
def test_retrain_rule(case):
    decayed = monitor.accuracy_decayed(case["accuracy_before"], case["accuracy_after"], case["max_accuracy_drop"])
    assert monitor.retrain_needed(case["drifted"], decayed) is case["retrain"]


def test_the_verdict_is_tagged_as_the_harness_reads_it():
    # monitor.py tags str(verdict).lower(); the harness and the script compare the tag with "true".
    assert [str(monitor.retrain_needed(d, False)).lower() for d in ([], ["usage_hours"])] == ["false", "true"]
