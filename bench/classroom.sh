#!/usr/bin/env bash
# How does one tracking server hold up under a class? Starts one server that runs MLflow's authentication app, makes
# N learner accounts on it with `harness classroom --once` (as its admin), then runs N learners' MLOps lanes at once
# (`harness mlops --mlflow URL --learner NAME`, the lesson's drifting batch, each in a workspace of its own, signed in
# as its learner), and prints each learner's time and exit code, and the errors the server logged. Two backends, side by side in one run:
#   stack   `--mlflow stack` (PostgreSQL and the tracking server in containers), kept up with --keep-running
#   sqlite  `mlflow server --app-name basic-auth` from the venv, its stores in SQLite files
# Removes everything it made at the end (when a lane fails, keeps its workspace and says where).
# Usage: bench/classroom.sh [N] [--backend stack|sqlite|both]   (default: 8 learners, both backends)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
learners=8
backends=(stack sqlite)
while [ $# -gt 0 ]; do
  case "$1" in
    --backend)
      case "${2:-}" in
        stack|sqlite) backends=("$2") ;;
        both) backends=(stack sqlite) ;;
        *) echo "classroom.sh: --backend must be stack, sqlite or both" >&2; exit 2 ;;
      esac
      shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) echo "classroom.sh: unknown argument '$1' (usage: [N] [--backend stack|sqlite|both])" >&2; exit 2 ;;
    *) learners="$1"; shift ;;
  esac
done
[ "$learners" -ge 1 ] || { echo "classroom.sh: N must be 1 or more" >&2; exit 2; }

harness="$root/scripts/harness.sh"
python="$root/.venv/bin/python"
[ -x "$root/.venv/bin/mlflow" ] || "$root/scripts/python-env.sh"
[ -f "$root/harness/target/harness.jar" ] || "$root/scripts/build.sh"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/opsdemo-classroom.XXXXXX")"
keep=false
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -INT "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; $keep || rm -rf "$scratch"' EXIT
now() { local t="${EPOCHREALTIME/[.,]/}"; echo "$t"; }
seconds() { printf '%d.%01d' "$(($1 / 1000000))" "$(($1 % 1000000 / 100000))"; }
password() { od -An -N12 -tx1 /dev/urandom | tr -d ' \n'; }
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await_health() {
  for _ in $(seq 1 600); do
    curl -fsS "$1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "classroom.sh: $1 never answered /health" >&2
  return 1
}

# Starts the backend's server; sets url, admin_password and server_log.
start_stack() {
  local dir="$scratch/stack"
  "$harness" mlops --non-interactive --mlflow stack --keep-running --workspace "$dir/server" \
    --production-data data/production_reference.csv > "$dir.log" 2>&1 &
  server_pid=$!
  until grep -q '^→ still up' "$dir.log" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { echo "classroom.sh: the stack did not start:" >&2; tail -20 "$dir.log" >&2; exit 1; }
    sleep 1
  done
  url="$(jq -r .facts.mlops.trackingUri "$dir/server/summary.json")"
  admin_password="$(sed -n 's/^MLFLOW_AUTH_ADMIN_PASSWORD=//p' "$dir/server/mlops/stack/stack.env")"
  server_log="$dir/server/logs/mlops.server.log"
}

start_sqlite() {
  local dir="$scratch/sqlite"
  mkdir -p "$dir"
  printf '[mlflow]\ndefault_permission = READ\ndatabase_uri = sqlite:///%s/basic_auth.db\nadmin_username = admin\nauth_cache_ttl_seconds = 300\n' \
    "$dir" > "$dir/basic_auth.ini"
  admin_password="$(password)"
  local port; port="$(free_port)"
  MLFLOW_AUTH_CONFIG_PATH="$dir/basic_auth.ini" MLFLOW_FLASK_SERVER_SECRET_KEY="$(password)" \
    MLFLOW_AUTH_ADMIN_PASSWORD="$admin_password" MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false \
    "$root/.venv/bin/mlflow" server --app-name basic-auth --host 127.0.0.1 --port "$port" --workers 1 \
    --backend-store-uri "sqlite:///$dir/mlflow.db" --artifacts-destination "$dir/artifacts" > "$dir/server.log" 2>&1 &
  server_pid=$!
  url="http://127.0.0.1:$port"
  server_log="$dir/server.log"
  await_health "$url"
}

declare -A summary
for backend in "${backends[@]}"; do
  echo "== $backend: $learners learners at once on one server"
  "start_$backend"
  # The accounts as an instructor makes them: harness classroom, as the server's admin, once.
  seq -f 'l%g' 1 "$learners" > "$scratch/$backend.roster"
  MLFLOW_TRACKING_USERNAME=admin MLFLOW_TRACKING_PASSWORD="$admin_password" "$harness" classroom --once \
    --roster "$scratch/$backend.roster" --mlflow "$url" --workspace "$scratch/$backend-class" \
    > "$scratch/$backend-class.log" 2>&1 \
    || { echo "classroom.sh: harness classroom could not make the accounts:" >&2; tail -20 "$scratch/$backend-class.log" >&2; exit 1; }
  start=$(now)
  pids=()
  for i in $(seq 1 "$learners"); do
    (
      t0=$(now)
      rc=0
      # The learner's account, from the file harness classroom wrote.
      # shellcheck source=/dev/null
      set -a && . "$scratch/$backend-class/classroom/learners/l$i.env" && set +a
      "$harness" mlops --non-interactive --mlflow "$url" --learner "l$i" \
        --workspace "$scratch/$backend-l$i" > "$scratch/$backend-l$i.log" 2>&1 || rc=$?
      echo "$(( $(now) - t0 )) $rc" > "$scratch/$backend-l$i.result"
    ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  all=$(( $(now) - start ))
  failed=0
  times=()
  for i in $(seq 1 "$learners"); do
    read -r took rc < "$scratch/$backend-l$i.result"
    times+=("$took")
    printf '  l%-3s %7s s  exit %s\n' "$i" "$(seconds "$took")" "$rc"
    if [ "$rc" != 0 ]; then failed=$((failed + 1)); keep=true; echo "    its workspace and log: $scratch/$backend-l$i(.log)"; fi
  done
  errors="$(grep -cE ' ERROR |Traceback|OperationalError|database is locked' "$server_log" || true)"
  sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
  median="$(sed -n "$(( (learners + 1) / 2 ))p" <<<"$sorted")"
  slowest="$(tail -1 <<<"$sorted")"
  summary[$backend]="$(printf '%-7s %2d learners: all done in %7s s, median %7s s, slowest %7s s, %d failed, %s server error lines' \
    "$backend" "$learners" "$(seconds "$all")" "$(seconds "$median")" "$(seconds "$slowest")" "$failed" "$errors")"
  stop_server
done
echo
for backend in "${backends[@]}"; do echo "${summary[$backend]}"; done
