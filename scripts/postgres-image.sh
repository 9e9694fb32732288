#!/usr/bin/env bash
# Builds the local PostgreSQL image opsdemo/postgres:15 (stand-in for the official postgres:15, which no registry
# here can serve) without any image registry: docker/postgres/Dockerfile FROM the debootstrap base image
# (scripts/base-image.sh), Debian bookworm's PostgreSQL 15 with the official image's entrypoint contract.
# `--mlflow stack` runs it through Testcontainers' PostgreSQL module. Skipped when the image exists and was built
# from the same Dockerfile and entrypoint, unless --rebuild.
#
# Usage: scripts/postgres-image.sh [--rebuild]
# Env: OPSDEMO_BASE_IMAGE, OPSDEMO_POSTGRES_IMAGE (tags)
set -euo pipefail

NAME="$(basename "$0")"
say() { echo "[$NAME] $*"; }
die() { local rc="$1"; shift; echo "[$NAME] ERROR: $*" >&2; exit "$rc"; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_IMAGE="${OPSDEMO_BASE_IMAGE:-opsdemo/debian-bookworm:base}"
IMAGE="${OPSDEMO_POSTGRES_IMAGE:-opsdemo/postgres:15}"
CONTEXT="$REPO_ROOT/docker/postgres"

REBUILD=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "unknown argument '$arg' (usage: $0 [--rebuild])" ;;
  esac
done

# One build at a time: a second run (a test that needs the image while .ci/run still builds it) waits here for the
# first, then finds the image built. The lock is on this script, which every user of the checkout can read.
if command -v flock >/dev/null 2>&1; then exec 8<"$0" && flock 8; fi
"$REPO_ROOT/scripts/base-image.sh" >&2 || { rc=$?; die "$rc" "no base image; fix what scripts/base-image.sh reported."; }

# Labelled with the hash of what it is built from, so a change to either rebuilds it.
SHA="$(cat "$CONTEXT/Dockerfile" "$CONTEXT/docker-entrypoint.sh" | sha256sum | cut -d' ' -f1)"
if [ "$REBUILD" -eq 0 ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  if [ "$(docker image inspect --format '{{ index .Config.Labels "opsdemo.source.sha256" }}' "$IMAGE")" = "$SHA" ]; then
    say "image $IMAGE exists and matches docker/postgres; skipping build (use --rebuild to rebuild)."
    echo "$IMAGE"
    exit 0
  fi
  say "image $IMAGE was built from another docker/postgres; rebuilding."
fi
say "building $IMAGE from docker/postgres (apt-get needs the Debian mirror through the host) ..."
t0=$(date +%s)
docker build --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" --label "opsdemo.source.sha256=$SHA" \
    -t "$IMAGE" "$CONTEXT" \
  || die 1 "docker build of $IMAGE failed (see the output above). Fix and re-run $0 --rebuild."
say "built $IMAGE in $(( $(date +%s) - t0 ))s: $(docker run --rm --entrypoint postgres "$IMAGE" --version)"
echo "$IMAGE"
