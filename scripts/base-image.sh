#!/usr/bin/env bash
# Builds the base image every local image starts FROM, without any image registry:
# opsdemo/debian-bookworm:base = debootstrap --variant=minbase bookworm + docker import (the rootfs cached under
# $OPSDEMO_CACHE_DIR, default /var/cache/opsdemo). Skipped when the image exists, unless --rebuild.
# scripts/mlflow-image.sh and scripts/postgres-image.sh call it.
#
# Usage: scripts/base-image.sh [--rebuild]
# Env: OPSDEMO_CACHE_DIR (debootstrap rootfs cache), OPSDEMO_BASE_IMAGE (tag)
# Needs root to build (debootstrap); afterwards any user with Docker access.
set -euo pipefail

NAME="$(basename "$0")"
say() { echo "[$NAME] $*"; }
die() { local rc="$1"; shift; echo "[$NAME] ERROR: $*" >&2; exit "$rc"; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_IMAGE="${OPSDEMO_BASE_IMAGE:-opsdemo/debian-bookworm:base}"
CACHE_DIR="${OPSDEMO_CACHE_DIR:-/var/cache/opsdemo}"
ROOTFS="$CACHE_DIR/debian-bookworm-minbase"
ROOTFS_OK="$ROOTFS.complete"

REBUILD_BASE=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD_BASE=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "unknown argument '$arg' (usage: $0 [--rebuild])" ;;
  esac
done

# One build at a time: a second run (a test that needs the image while .ci/run still builds it) waits here for the
# first, then finds the image built. The lock is on this script, which every user of the checkout can read.
if command -v flock >/dev/null 2>&1; then exec 8<"$0" && flock 8; fi
"$REPO_ROOT/scripts/docker-engine.sh" \
  || { rc=$?; die "$rc" "no Docker engine; fix the problem reported by scripts/docker-engine.sh and re-run $0."; }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

build_base() {
  is_root || die 3 "building $BASE_IMAGE needs root (debootstrap). Run once as root: sudo $0"
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "debootstrap not found; installing it with apt-get ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update || die 1 "apt-get update failed; check network/apt sources and re-run."
    apt-get install -y debootstrap || die 1 "apt-get install debootstrap failed; fix and re-run."
  fi
  mkdir -p "$CACHE_DIR"
  if [ "$REBUILD_BASE" -eq 1 ]; then rm -f "$ROOTFS_OK"; fi
  if [ -f "$ROOTFS_OK" ] && [ -x "$ROOTFS/bin/sh" ]; then
    say "reusing cached debootstrap rootfs $ROOTFS"
  else
    if [ -e "$ROOTFS" ]; then say "removing old/incomplete rootfs $ROOTFS"; rm -rf "$ROOTFS"; fi
    say "debootstrap --variant=minbase bookworm $ROOTFS (takes a few minutes) ..."
    local t0; t0=$(date +%s)
    debootstrap --variant=minbase bookworm "$ROOTFS" \
      || die 1 "debootstrap failed (see $ROOTFS/debootstrap/debootstrap.log); fix the cause, then re-run $0 --rebuild."
    # keep the image small: drop downloaded .debs and package lists (the Dockerfile runs apt-get update)
    rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
    touch "$ROOTFS_OK"
    say "debootstrap done in $(elapsed "$t0")"
  fi
  say "importing $ROOTFS as $BASE_IMAGE ..."
  local t0; t0=$(date +%s)
  tar --numeric-owner -C "$ROOTFS" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["/bin/bash"]' \
      --message "debootstrap --variant=minbase bookworm (opsdemo)" \
      - "$BASE_IMAGE" >/dev/null \
    || die 1 "docker import of $ROOTFS failed; re-run $0 --rebuild."
  say "imported $BASE_IMAGE in $(elapsed "$t0")"
}

if [ "$REBUILD_BASE" -eq 0 ] && image_exists "$BASE_IMAGE"; then
  say "base image $BASE_IMAGE exists; skipping (use --rebuild to redo it)."
else
  build_base
fi
