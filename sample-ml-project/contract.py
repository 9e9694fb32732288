"""The data contract check: is this data fit to train on? One implementation, used by the `validate` entry point
(validate.py) and its tests; the contract itself is data/schema.json, which the README documents.

The check reads every field as text: the contract defines a missing value as an empty field, so anything else that
is not a plain number ("NA", "nan", "12a") is a type error, not a missing value as pandas would read it.
"""

import json
import re
from dataclasses import dataclass

_NUMBER = {
    "int": re.compile(r"[+-]?\d+"),
    "float": re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"),
}


@dataclass(frozen=True)
class Violation:
    column: str  # "(table)" for min_rows
    rule: str  # min_rows, required, type, min, max, max_missing_share
    rows: int  # how many rows break it (for min_rows: how many rows there are)
    message: str


def load_contract(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check(table, contract, source):
    """Checks a table of text fields (pandas, dtype=str, empty = "") against the contract.

    Returns (violations, report lines): the lines are what a person reads, one table row per column."""
    rows = len(table)
    violations = []
    if rows < contract["min_rows"]:
        violations.append(Violation("(table)", "min_rows", rows,
                                    f"{source}: {_rows(rows)}, fewer than min_rows {contract['min_rows']}"))
    for required in contract["required_columns"]:
        if required not in table.columns:
            violations.append(Violation(required, "required", rows, f"{required}: required column missing from the header"))
    stats = [_ColumnStats.of(rule, table) for rule in contract["columns"]]
    for column in stats:
        violations.extend(column.violations(rows))
    return violations, _report(source, rows, table, contract, stats, violations)


@dataclass(frozen=True)
class _ColumnStats:
    rule: dict
    present: bool
    missing: int = 0
    wrong_type: int = 0
    example: str = None
    below: int = 0
    above: int = 0

    @staticmethod
    def of(rule, table):
        name = rule["name"]
        if name not in table.columns:
            return _ColumnStats(rule, False)
        pattern = _NUMBER[rule["type"]]
        missing = wrong_type = below = above = 0
        example = None
        for value in table[name]:
            if value == "":
                missing += 1
            elif not pattern.fullmatch(value):
                wrong_type += 1
                example = value if example is None else example
            else:
                number = float(value)
                below += number < rule["min"]
                above += number > rule["max"]
        return _ColumnStats(rule, True, missing, wrong_type, example, below, above)

    def too_many_missing(self, rows):
        # "At most" is inclusive: 100 missing of 2000 rows is still within a share of 0.05.
        return self.missing > int(self.rule["max_missing_share"] * rows + 1e-9)

    def violations(self, rows):
        rule, name = self.rule, self.rule["name"]
        found = []
        if self.wrong_type:
            found.append(Violation(name, "type", self.wrong_type,
                                   f"{name}: {_rows(self.wrong_type)} not of type {rule['type']}, e.g. '{self.example}'"))
        if self.below:
            found.append(Violation(name, "min", self.below, f"{name}: {_rows(self.below)} below min {_number(rule['min'])}"))
        if self.above:
            found.append(Violation(name, "max", self.above, f"{name}: {_rows(self.above)} above max {_number(rule['max'])}"))
        if self.too_many_missing(rows):
            found.append(Violation(name, "max_missing_share", self.missing,
                                   f"{name}: {_rows(self.missing)} missing ({_percent(self.missing / rows)}), "
                                   f"more than max_missing_share {_number(rule['max_missing_share'])}"))
        return found


def _report(source, rows, table, contract, stats, violations):
    verdict = "passed" if not violations else (
        f"FAILED, {len(violations)} violation" + ("" if len(violations) == 1 else "s"))
    lines = [f"Data contract check of {source} ({_rows(rows)}): {verdict}",
             f"  min_rows {contract['min_rows']}: {_status(rows < contract['min_rows'], _rows(rows))}"]
    cells = [["column", "header", "type", "min", "max", "missing share"]]
    described = {rule["name"] for rule in contract["columns"]}
    for column in stats:
        rule = column.rule
        name = rule["name"] + (" (label)" if rule["name"] == contract["label"] else "")
        if not column.present:
            required = rule["name"] in contract["required_columns"]
            cells.append([name, "FAIL (missing)" if required else "absent (optional)", "-", "-", "-", "-"])
            continue
        share = "" if rows == 0 else f" = {_percent(column.missing / rows)}"
        cells.append([
            name, "ok",
            f"{rule['type']} {_status(column.wrong_type > 0, _rows(column.wrong_type))}",
            f">= {_number(rule['min'])} {_status(column.below > 0, _rows(column.below))}",
            f"<= {_number(rule['max'])} {_status(column.above > 0, _rows(column.above))}",
            f"<= {_percent(rule['max_missing_share'])} "
            f"{_status(column.too_many_missing(rows), _rows(column.missing) + share)}",
        ])
    for required in contract["required_columns"]:
        if required not in described:
            cells.append([required, "ok" if required in table.columns else "FAIL (missing)", "-", "-", "-", "-"])
    lines.extend("  " + line for line in text_table(cells))
    unchecked = [c for c in table.columns if c not in described and c not in contract["required_columns"]]
    if unchecked:
        lines.append("  not in the contract, not checked: " + ", ".join(unchecked))
    return lines


def text_table(cells):
    """Rows of cells as left-aligned columns two spaces apart, trailing spaces removed."""
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]


def _status(failed, detail):
    # Passing checks name no count, so the eye finds the failures.
    return f"FAIL ({detail})" if failed else "ok"


def _rows(count):
    return f"{count} row" + ("" if count == 1 else "s")


def _number(value):
    """A bound as written in schema.json: 0 and 744, not 0.0 and 744.0."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _percent(share):
    return f"{share * 100:.1f}%"
