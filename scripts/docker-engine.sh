#!/usr/bin/env bash
# Ensures a Docker engine answers `docker info`; starts a local dockerd if none does.
# Idempotent: exits 0 immediately if an engine already answers.
#
# Usage: scripts/docker-engine.sh
# Env:   OPSDEMO_DOCKERD_LOG   dockerd log file (default /tmp/opsdemo-dockerd.log)
#        OPSDEMO_DOCKERD_WAIT  seconds to wait for the engine (default 60)
set -euo pipefail

NAME="$(basename "$0")"
LOG="${OPSDEMO_DOCKERD_LOG:-/tmp/opsdemo-dockerd.log}"
WAIT="${OPSDEMO_DOCKERD_WAIT:-60}"

say() { echo "[$NAME] $*"; }
die() { local rc="$1"; shift; echo "[$NAME] ERROR: $*" >&2; exit "$rc"; }

engine_ok() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

if engine_ok; then
  say "Docker engine already answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')); nothing to do."
  exit 0
fi

is_root() { [ "$(id -u)" -eq 0 ]; }

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  if ! is_root; then
    die 3 "no Docker engine answers and dockerd/docker is not installed. Install and start Docker as root, e.g.:
  sudo apt-get update && sudo apt-get install -y docker.io
  sudo systemctl start docker      # or: sudo $0
and make sure your user may use it (sudo usermod -aG docker \$USER, then log in again)."
  fi
  say "dockerd not found; installing docker.io with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update || die 1 "apt-get update failed; check network/apt sources and re-run."
  apt-get install -y docker.io || die 1 "apt-get install docker.io failed; see output above, fix and re-run."
fi

if ! is_root; then
  if pgrep -x dockerd >/dev/null 2>&1; then
    die 3 "a dockerd runs but user $(id -un) cannot use it: $({ docker info 2>&1 || true; } | grep -v '^WARNING' | grep -m1 -iE 'permission denied|cannot connect|error' || echo 'docker info fails').
Ask an admin to add you to the docker group (sudo usermod -aG docker $(id -un), then log in again), or run as root."
  fi
  die 3 "no Docker engine answers and starting dockerd needs root. Start it, e.g.:
  sudo systemctl start docker      # or: sudo $0
and make sure your user may use it (sudo usermod -aG docker \$USER, then log in again)."
fi

if pgrep -x dockerd >/dev/null 2>&1; then
  say "a dockerd process already runs (pid $(pgrep -x dockerd | tr '\n' ' ')) but does not answer yet; waiting for it."
else
  say "starting dockerd --storage-driver=overlay2 in the background (log: $LOG) ..."
  nohup dockerd --storage-driver=overlay2 >>"$LOG" 2>&1 </dev/null &
  say "dockerd pid $!"
fi

for ((i = 0; i < WAIT; i++)); do
  if engine_ok; then
    say "Docker engine answers after ${i}s ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))."
    exit 0
  fi
  sleep 1
done

echo "[$NAME] ERROR: Docker engine did not answer within ${WAIT}s. Last 30 lines of $LOG:" >&2
tail -n 30 "$LOG" >&2 2>/dev/null || true
die 1 "fix the problem shown above (e.g. storage driver, stale /var/run/docker.pid), then re-run $0."
