#!/usr/bin/env bash
# How long does a new user wait? From a fresh `git clone` of this checkout's HEAD in a temporary directory, with an
# empty Maven repository, no venv, empty uv and pip caches and no Docker engine (DOCKER_HOST names a socket nothing
# listens on, so `--mlflow auto` runs MLflow locally, as on a machine without Docker), runs what the README tells a
# new user to run, `./scripts/demo.sh`, here `demo --non-interactive`, and prints each phase: the clone, the
# harness build (Maven, then the class-data archive), the venv, the first step on screen and the demo's end.
# Removes everything it made at the end (when the demo fails, keeps it and says where).
# Usage: bench/setup.sh [--installer uv|pip]   (default: what python-env.sh picks; see bench/README.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
installer="${OPSDEMO_INSTALLER:-uv}"
while [ $# -gt 0 ]; do
  case "$1" in
    --installer) installer="${2:-}"; shift $(($# > 1 ? 2 : 1)) ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument '$1' (usage: --installer uv|pip)" >&2; exit 2 ;;
  esac
done
case "$installer" in
  uv|pip) ;;
  *) echo "setup.sh: --installer must be uv or pip, got '$installer'" >&2; exit 2 ;;
esac

scratch="$(mktemp -d "${TMPDIR:-/tmp}/opsdemo-setup.XXXXXX")"
keep=false
trap '$keep || rm -rf "$scratch"' EXIT
clone="$scratch/clone"
# Times in microseconds since the epoch, as whole numbers for bash's arithmetic.
now() { local t="${EPOCHREALTIME/[.,]/}"; echo "$t"; }
mtime() { if [ -e "$1" ]; then local t; t="$(stat -c %.6Y "$1")"; echo "${t/[.,]/}"; fi; }
seconds() { printf '%d.%01d' "$(($1 / 1000000))" "$(($1 % 1000000 / 100000))"; }

echo "Timing a new user's first run from a fresh clone of $(git -C "$root" rev-parse --short HEAD) (uncommitted changes are not in it)..."
start=$(now)
git clone --quiet --no-hardlinks "$root" "$clone"
cloned=$(now)

# Everything a first run downloads or caches goes to the scratch directory, empty at the start.
mkdir -p "$scratch/m2" "$scratch/cache"
export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Dmaven.repo.local=$scratch/m2"
export XDG_CACHE_HOME="$scratch/cache" UV_CACHE_DIR="$scratch/cache/uv" PIP_CACHE_DIR="$scratch/cache/pip"
export DOCKER_HOST="unix://$scratch/no-docker.sock" OPSDEMO_INSTALLER="$installer"
unset OPSDEMO_VENV

# Each line of the demo's output, stamped with the seconds since the demo started as it arrives.
demo_start=$(now)
set +e
(cd "$clone" && ./scripts/demo.sh demo --non-interactive) 2>&1 | while IFS= read -r line; do
  t="${EPOCHREALTIME/[.,]/}"
  printf '%d.%03d %s\n' "$(((t - demo_start) / 1000000))" "$(((t - demo_start) % 1000000 / 1000))" "$line"
done >"$scratch/demo.log"
status=${PIPESTATUS[0]}
set -e
ended=$(now)
if [ "$status" -ne 0 ]; then
  keep=true
  echo "setup.sh: the demo exited $status; the end of its output ($scratch/demo.log):" >&2
  tail -n 30 "$scratch/demo.log" >&2
  exit 1
fi

since() { if [ -n "$1" ]; then seconds $(($1 - demo_start)); else echo "-"; fi; }
# The set-up's lines are its scripts' (build.sh: ..., python-env.sh| ...); the first other line is the harness's.
first_step="$(awk '$2 !~ /^[a-z-]*\.sh[:|]$/ { print $1; exit }' "$scratch/demo.log")"
printf '  %-38s %6s s\n' "clone" "$(seconds $((cloned - start)))"
printf '  %-38s %6s s\n' "harness built (Maven)" "$(since "$(mtime "$clone/harness/target/harness.jar")")"
printf '  %-38s %6s s\n' "class-data archive made" "$(since "$(mtime "$clone/harness/target/harness.jsa")")"
printf '  %-38s %6s s   (%s)\n' "venv made" "$(since "$(mtime "$clone/.venv/.lock.sha256")")" \
  "$(grep -o 'installed by [a-z]*[ 0-9.]*' "$scratch/demo.log" | tail -1)"
printf '  %-38s %6s s\n' "first step on screen" "${first_step:--}"
printf '  %-38s %6s s\n' "demo end" "$(seconds $((ended - demo_start)))"
printf '  %-38s %6s s\n' "fresh clone to the demo's end" "$(seconds $((ended - start)))"
echo "  (the harness and the venv times are counted from the demo's start; both are made at the same time)"
echo "  downloaded: Maven repository $(du -sh "$scratch/m2" | cut -f1), uv and pip caches $(du -sh "$scratch/cache" | cut -f1)"
python3 - "$clone/demo-workspace/summary.json" <<'PY'
import json, sys

steps = json.load(open(sys.argv[1]))["steps"]
lanes = {}
for step in steps:
    lanes.setdefault(step["lane"], []).append(step)
print("  each lane's steps, in seconds:")
for lane, lane_steps in sorted(lanes.items(), key=lambda item: -sum(s["durationMs"] for s in item[1])):
    total = sum(s["durationMs"] for s in lane_steps) / 1000
    parts = ", ".join(f"{s['id'].split('.', 1)[1]} {s['durationMs'] / 1000:.1f}" for s in lane_steps)
    print(f"    {lane:<7} {total:6.1f}: {parts}")
PY
