#!/usr/bin/env bash
# What does the harness cost over typing the same commands by hand? Runs the harness's demo and the plain script
# `harness commands` prints, N times each, alternating, on this machine with the same warm venv and Maven
# repository; prints both medians, their ratio, how long the harness takes to show its first line and each lane's
# steps (the critical path).
# Usage: bench/demo-vs-plain.sh [--runs N]     (default 3; see bench/README.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:-}"; shift $(($# > 1 ? 2 : 1)) ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "demo-vs-plain.sh: unknown argument '$1' (usage: --runs N)" >&2; exit 2 ;;
  esac
done
case "$runs" in
  ''|*[!0-9]*|0) echo "demo-vs-plain.sh: --runs wants a positive whole number, got '$runs'" >&2; exit 2 ;;
esac

"$root/scripts/build.sh"
"$root/scripts/python-env.sh"
python="$root/.venv/bin/python"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/opsdemo-bench.XXXXXX")"
keep=false
trap '$keep || rm -rf "$scratch"' EXIT
"$root/scripts/harness.sh" commands >"$scratch/plain.sh"

# Stamps every line with the seconds since the command was started, as it arrives (readline does not wait for a
# full buffer), and at the end of the output prints "NAME TOTAL FIRST_LINE" in seconds.
cat >"$scratch/stamp.py" <<'PY'
import sys, time

start, log, name = float(sys.argv[1]), sys.argv[2], sys.argv[3]
first = None
with open(log, "w") as out:
    for line in iter(sys.stdin.readline, ""):
        now = time.time() - start
        first = now if first is None else first
        out.write(f"{now:9.3f} {line}")
print(f"{name} {time.time() - start:.3f} {first if first is not None else float('nan'):.3f}")
PY

# Runs "$@" in a fresh directory DIR with stdout and stderr through the stamper; appends its result line.
timed() {
  local name=$1 dir=$2 start status
  shift 2
  mkdir -p "$dir"
  start=$(date +%s.%N)
  set +e
  (cd "$dir" && "$@") 2>&1 | "$python" "$scratch/stamp.py" "$start" "$scratch/$name.log" "$name" >>"$scratch/results"
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    keep=true
    echo "demo-vs-plain.sh: $name exited $status; the end of its output ($scratch/$name.log):" >&2
    tail -n 30 "$scratch/$name.log" >&2
    exit 1
  fi
  tail -n 1 "$scratch/results" | awk '{ printf "  %-10s %7.1f s, first line after %.2f s\n", $1, $2, $3 }'
}

echo "Timing the harness demo and the plain script, $runs run(s) each, alternating (each run in a fresh directory)..."
for i in $(seq "$runs"); do
  timed "harness-$i" "$scratch/harness-$i" \
    "$root/scripts/harness.sh" demo --non-interactive --mlflow local --workspace "$scratch/harness-$i/workspace"
  # As a learner runs it: its MLOps steps activate the venv themselves.
  timed "plain-$i" "$scratch/plain-$i" bash "$scratch/plain.sh"
done

"$python" - "$scratch/results" "$scratch/harness-$runs/workspace/summary.json" <<'PY'
import json, statistics, sys

times = {"harness": [], "plain": []}
first = []
for line in open(sys.argv[1]):
    name, total, first_line = line.split()
    kind = name.split("-")[0]
    times[kind].append(float(total))
    if kind == "harness":
        first.append(float(first_line))
harness, plain = statistics.median(times["harness"]), statistics.median(times["plain"])
runs = lambda values, digits: ", ".join(f"{v:.{digits}f}" for v in values)
print()
print(f"harness demo, median            {harness:7.1f} s   (runs: {runs(times['harness'], 1)})")
print(f"plain script, median            {plain:7.1f} s   (runs: {runs(times['plain'], 1)})")
print(f"ratio harness/plain             {harness / plain:7.2f}")
print(f"harness, start to first line    {statistics.median(first):7.2f} s   (runs: {runs(first, 2)})")

# Each lane runs its steps one after the other, the lanes side by side: the longer lane is the critical path.
steps = json.load(open(sys.argv[2]))["steps"]
lanes = {}
for step in steps:
    lanes.setdefault(step["lane"], []).append(step)
print()
print(f"each lane's steps in the last harness run, in seconds (the longest lane is the critical path):")
for lane, lane_steps in sorted(lanes.items(), key=lambda item: -sum(s["durationMs"] for s in item[1])):
    total = sum(s["durationMs"] for s in lane_steps) / 1000
    parts = ", ".join(f"{s['id'].split('.', 1)[1]} {s['durationMs'] / 1000:.1f}" for s in lane_steps)
    print(f"  {lane:<7} {total:6.1f}: {parts}")
PY
