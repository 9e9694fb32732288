python - "$REPO/sample-ml-project/data/schema.json" "$REPO/sample-ml-project/$TRAIN_DATA" <<'PY'
import csv, json, sys

schema = json.load(open(sys.argv[1]))
with open(sys.argv[2], newline="") as f:
    reader = csv.DictReader(f)
    rows = list(reader)
    header = reader.fieldnames or []
problems = [f"column {name} is missing" for name in schema["required_columns"] if name not in header]
if len(rows) < schema["min_rows"]:
    problems.append(f"{len(rows)} rows, fewer than min_rows {schema['min_rows']}")
for column in (c for c in schema["columns"] if c["name"] in header):
    name, kind = column["name"], int if column["type"] == "int" else float
    present = [row[name] for row in rows if row[name] != ""]
    missing = 1 - len(present) / len(rows) if rows else 0.0
    if missing > column["max_missing_share"]:
        problems.append(f"{name}: {missing:.1%} missing, more than {column['max_missing_share']:.1%}")
    for value in present:
        try:
            number = kind(value)
        except ValueError:
            problems.append(f"{name}: {value!r} is not {column['type']}")
            break
        if not column["min"] <= number <= column["max"]:
            problems.append(f"{name}: {value} outside {column['min']}..{column['max']}")
            break
print(f"Data contract check of {sys.argv[2]} ({len(rows)} rows): {'FAILED' if problems else 'passed'}")
for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
PY
