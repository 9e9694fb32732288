#!/usr/bin/env bash
# Soak test: runs the full demo RUNS times (default 10) in one workspace and checks, after every run, that
#   - it exited 0;
#   - the remote's main gained exactly one commit and the registry exactly the model versions the run reports
#     (one, plus the challenger when monitoring asked for retraining);
#   - nothing accumulates: no process the run started, no container labelled for the workspace, no socket still
#     listening on a port the run served on, no new entry in the runs' temporary directory (their own, in the
#     workspace: what other programs write to /tmp meanwhile is not theirs).
# It prints its counts per run and a verdict, and exits non-zero on any failure. Not part of ./scripts/test.sh.
#
#   scripts/soak.sh [RUNS] [--workspace DIR] [harness options...]
#
# Harness options pass through (default --mlflow local); without --workspace a fresh one is made under the temp
# directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

runs=10
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  runs="$1"
  shift
fi
workspace=""
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --workspace) workspace="$2"; shift 2 ;;
    --workspace=*) workspace="${1#*=}"; shift ;;
    *) options+=("$1"); shift ;;
  esac
done
if [[ " ${options[*]-} " != *" --mlflow"* ]]; then
  options+=(--mlflow local)
fi
if [ -z "$workspace" ]; then
  workspace="$(mktemp -d "${TMPDIR:-/tmp}/opsdemo-soak.XXXXXX")"
fi
mkdir -p "$workspace"
workspace="$(cd "$workspace" && pwd)"
logs="$workspace/soak-logs"
mkdir -p "$logs"
# The runs' own temporary directory, handed to every process they start: TMPDIR for Python, git and the shell
# tools, java.io.tmpdir for the JVMs (the harness, Maven and its test forks, the app), which read no TMPDIR.
tmp="$workspace/soak-tmp"
mkdir -p "$tmp"

"$root/scripts/build.sh"

docker_ok=false
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  docker_ok=true
fi

# --- counts, each read from the real system --------------------------------------------------------------------

commits() {
  git --git-dir "$workspace/devops/remote/sample-app.git" rev-list --count main -- 2>/dev/null || echo 0
}

# Model versions in the workspace's registry, read with the MLflow Python client (as a person would).
model_versions() {
  local db="$workspace/mlops/mlflow/mlflow.db" name
  name="$(summary_field '.facts.mlops.modelName' 'churn-classifier')"
  if [ ! -f "$db" ]; then echo 0; return; fi
  "$root/.venv/bin/python" - "$db" "$name" 2>/dev/null <<'PY'
import sys
from mlflow import MlflowClient
client = MlflowClient(tracking_uri="sqlite:///" + sys.argv[1])
print(len(client.search_model_versions(f"name='{sys.argv[2]}'")))
PY
}

# A field of summary.json, via the venv's Python (no jq needed).
summary_field() {
  "$root/.venv/bin/python" - "$workspace/summary.json" "$1" "$2" <<'PY'
import json, sys
try:
    node = json.load(open(sys.argv[1]))
    for key in sys.argv[2].strip(".").split("."):
        node = node[key]
    print("" if node is None else node)
except Exception:
    print(sys.argv[3])
PY
}

# Processes of one run: every process the harness starts inherits OPSDEMO_SOAK_RUN in its environment, so even
# orphans whose parent died are found.
run_processes() {
  local id="$1" pid found=0
  for environ in /proc/[0-9]*/environ; do
    if grep -qaF "OPSDEMO_SOAK_RUN=$id" "$environ" 2>/dev/null; then
      pid="${environ#/proc/}"; pid="${pid%/environ}"
      echo "  process $pid: $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)" >&2
      found=$((found + 1))
    fi
  done
  echo "$found"
}

containers() {
  if $docker_ok; then
    docker ps -aq --filter "label=opsdemo.workspace=$workspace" | wc -l | tr -d ' '
  else
    echo 0
  fi
}

# Listening TCP ports (IPv4 and IPv6), from /proc/net/tcp{,6}: state 0A is LISTEN, the port is hex.
listening_ports() {
  local sl local_address rest state
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | while read -r sl local_address rest; do
    state="${rest#* }"; state="${state%% *}"
    if [ "$state" = "0A" ]; then echo $((16#${local_address##*:})); fi
  done | sort -un
}

tmp_entries() {
  ls -A "$tmp" | sort
}

# Ports the run served on, as its output names them (Git remote, app, MLflow server, model server).
served_ports() {
  grep -oE '127\.0\.0\.1:[0-9]+' "$1" | cut -d: -f2 | sort -un
}

# --- the soak ---------------------------------------------------------------------------------------------------

failures=()
echo "soak: $runs runs of 'demo --non-interactive ${options[*]}' in $workspace"
printf '%-7s %-5s %-6s %-9s %-16s %-10s %-11s %-16s %-14s\n' run exit time commits "model versions" processes \
  containers "listening ports" "tmp entries"

for ((i = 1; i <= runs; i++)); do
  commits_before="$(commits)"
  versions_before="$(model_versions)"
  listening_before="$(listening_ports | wc -l)"
  tmp_before="$(tmp_entries)"
  id="soak-$$-$i"
  log="$logs/run-$i.log"

  started=$SECONDS
  set +e
  OPSDEMO_SOAK_RUN="$id" TMPDIR="$tmp" JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$tmp${JAVA_TOOL_OPTIONS:+ $JAVA_TOOL_OPTIONS}" \
    "$root/scripts/harness.sh" demo --non-interactive --workspace "$workspace" \
    "${options[@]}" >"$log" 2>&1
  code=$?
  set -e
  took=$((SECONDS - started))

  commits_after="$(commits)"
  versions_after="$(model_versions)"
  challenger="$(summary_field '.facts.mlops.monitoring.challengerVersion' '')"
  expected_versions=1
  if [ -n "$challenger" ]; then expected_versions=2; fi
  left_processes="$(run_processes "$id" 2>"$logs/run-$i.processes")"
  left_containers="$(containers)"
  listening_after="$(listening_ports | wc -l)"
  still_listening=()
  for port in $(served_ports "$log"); do
    if listening_ports | grep -qx "$port"; then still_listening+=("$port"); fi
  done
  new_tmp="$(comm -13 <(echo "$tmp_before") <(tmp_entries) || true)"
  new_tmp_count="$(printf '%s' "$new_tmp" | grep -c . || true)"

  printf '%-7s %-5s %-6s %-9s %-16s %-10s %-11s %-16s %-14s\n' "$i/$runs" "$code" "${took}s" \
    "$commits_after (+$((commits_after - commits_before)))" \
    "$versions_after (+$((versions_after - versions_before)))" "$left_processes" "$left_containers" \
    "$listening_after ($(printf '%+d' $((listening_after - listening_before))))" \
    "+$new_tmp_count"

  [ "$code" -eq 0 ] || failures+=("run $i exited $code (see $log)")
  [ $((commits_after - commits_before)) -eq 1 ] \
    || failures+=("run $i: commits $commits_before -> $commits_after, expected +1")
  [ $((versions_after - versions_before)) -eq "$expected_versions" ] \
    || failures+=("run $i: model versions $versions_before -> $versions_after, expected +$expected_versions")
  [ "$left_processes" -eq 0 ] || failures+=("run $i left $left_processes processes: $(cat "$logs/run-$i.processes")")
  [ "$left_containers" -eq 0 ] || failures+=("run $i left $left_containers containers labelled for $workspace")
  [ ${#still_listening[@]} -eq 0 ] || failures+=("run $i: still listening on ${still_listening[*]}")
  [ "$new_tmp_count" -eq 0 ] || failures+=("run $i left in $tmp: $(echo $new_tmp)")
done

echo
if [ ${#failures[@]} -eq 0 ]; then
  echo "SOAK PASSED: $runs/$runs runs exited 0; commits and model versions grew as expected; nothing accumulated"
  echo "  (workspace $workspace, logs in $logs)"
else
  echo "SOAK FAILED (${#failures[@]} problems; logs in $logs):"
  printf '  - %s\n' "${failures[@]}"
  exit 1
fi
