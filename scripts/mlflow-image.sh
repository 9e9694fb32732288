#!/usr/bin/env bash
# Builds the local MLflow server image opsdemo/mlflow:VERSION (stand-in for ghcr.io/mlflow/mlflow:vVERSION, VERSION
# being the mlflow pinned in sample-ml-project/requirements.txt, e.g. 3.17.2) without any image registry:
#   1. base image opsdemo/debian-bookworm:base (scripts/base-image.sh: debootstrap --variant=minbase bookworm +
#      docker import; skipped if the image exists)
#   2. docker/mlflow/Dockerfile FROM that base, installing sample-ml-project/requirements.txt with the pinned uv
#      (pip without it)
#      (skipped if the tag exists, unless --rebuild)
#
# Usage: scripts/mlflow-image.sh [--rebuild] [--rebuild-base]
#   --rebuild       rebuild opsdemo/mlflow:VERSION even if it exists
#   --rebuild-base  also redo debootstrap and re-import the base image (implies --rebuild)
# Env: OPSDEMO_CACHE_DIR (debootstrap rootfs cache), OPSDEMO_BASE_IMAGE, OPSDEMO_MLFLOW_IMAGE (tags),
#      OPSDEMO_EXTRA_CA_DIR (local CA certs trusted inside the build, default /usr/local/share/ca-certificates)
# Needs root only to build the base image (debootstrap); afterwards any user with Docker access.
set -euo pipefail

NAME="$(basename "$0")"
say() { echo "[$NAME] $*"; }
die() { local rc="$1"; shift; echo "[$NAME] ERROR: $*" >&2; exit "$rc"; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_IMAGE="${OPSDEMO_BASE_IMAGE:-opsdemo/debian-bookworm:base}"
REQUIREMENTS="$REPO_ROOT/sample-ml-project/requirements.txt"
MLFLOW_VERSION="$(sed -n 's/^mlflow==\([^ ;]*\).*/\1/p' "$REQUIREMENTS" 2>/dev/null)"
IMAGE="${OPSDEMO_MLFLOW_IMAGE:-opsdemo/mlflow:${MLFLOW_VERSION:-unknown}}"
DOCKERFILE="$REPO_ROOT/docker/mlflow/Dockerfile"

REBUILD=0
REBUILD_BASE=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --rebuild-base) REBUILD=1; REBUILD_BASE=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die 2 "unknown argument '$arg' (usage: $0 [--rebuild] [--rebuild-base])" ;;
  esac
done

# One build at a time: a second run (a test that needs the image while .ci/run still builds it) waits here for the
# first, then finds the image built. The lock is on this script, which every user of the checkout can read.
if command -v flock >/dev/null 2>&1; then exec 8<"$0" && flock 8; fi
[ -f "$DOCKERFILE" ] || die 1 "missing $DOCKERFILE"
[ -f "$REQUIREMENTS" ] || die 1 "missing $REQUIREMENTS (it pins mlflow and the ML libraries)"

"$REPO_ROOT/scripts/docker-engine.sh" \
  || { rc=$?; die "$rc" "no Docker engine; fix the problem reported by scripts/docker-engine.sh and re-run $0."; }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }
# Removes an image replaced by a rebuild, but only if nothing tags or uses it any more.
remove_if_untagged() {
  local id="$1"
  [ -n "$id" ] || return 0
  if [ "$(docker image inspect --format '{{len .RepoTags}}' "$id" 2>/dev/null || echo x)" = "0" ]; then
    docker rmi "$id" >/dev/null 2>&1 && say "removed replaced image ${id#sha256:}" || true
  fi
}
OLD_BASE_ID="$(image_id "$BASE_IMAGE")"
OLD_IMAGE_ID="$(image_id "$IMAGE")"

# ---- 1. base image --------------------------------------------------------------------------------
base_args=()
[ "$REBUILD_BASE" -eq 0 ] || base_args=(--rebuild)
"$REPO_ROOT/scripts/base-image.sh" "${base_args[@]}" \
  || { rc=$?; die "$rc" "no base image $BASE_IMAGE; fix what scripts/base-image.sh reported and re-run $0."; }

# ---- 2. MLflow image ------------------------------------------------------------------------------
# The image is labelled with the hash of the requirements it was built from, so a change to the pins
# rebuilds it instead of leaving tests on a stale image.
REQ_SHA="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [ "$REBUILD" -eq 0 ] && image_exists "$IMAGE"; then
  if [ "$(docker image inspect --format '{{ index .Config.Labels "opsdemo.requirements.sha256" }}' "$IMAGE" 2>/dev/null)" = "$REQ_SHA" ]; then
    say "image $IMAGE exists and matches requirements.txt; skipping build (use --rebuild to rebuild)."
    echo "$IMAGE"
    exit 0
  fi
  say "image $IMAGE was built from other requirements; rebuilding."
fi

# Minimal build context: just the Dockerfile and the pinned requirements (keeps the repo, .venv,
# target/ etc. out of the context).
CTX="$(mktemp -d "${TMPDIR:-/tmp}/opsdemo-mlflow-ctx.XXXXXX")"
trap 'rm -rf "$CTX"' EXIT
cp "$DOCKERFILE" "$CTX/Dockerfile"
cp "$REQUIREMENTS" "$CTX/requirements.txt"
# The project's pinned uv installs the lock in the image (the Dockerfile falls back to pip without it).
if uv="$("$REPO_ROOT/scripts/uv.sh" --path)"; then
  cp "$uv" "$CTX/uv"
else
  say "uv could not be had (see above); the image's venv is installed by pip"
fi
# Locally added CA certificates of this host (e.g. a TLS-intercepting egress proxy): without them pip
# inside the build fails with CERTIFICATE_VERIFY_FAILED. Override the directory with
# OPSDEMO_EXTRA_CA_DIR (set it to an empty/nonexistent dir to add none).
EXTRA_CA_DIR="${OPSDEMO_EXTRA_CA_DIR:-/usr/local/share/ca-certificates}"
n_ca=0
if [ -d "$EXTRA_CA_DIR" ]; then
  while IFS= read -r -d '' crt; do
    n_ca=$((n_ca + 1))
    cp "$crt" "$CTX/extra-ca-$n_ca-$(basename "$crt")"
  done < <(find "$EXTRA_CA_DIR" -maxdepth 2 -type f -name '*.crt' -print0 | sort -z)
fi
if [ "$n_ca" -gt 0 ]; then say "adding $n_ca local CA certificate(s) from $EXTRA_CA_DIR to the image trust store"; fi

say "building $IMAGE from $DOCKERFILE + sample-ml-project/requirements.txt (uv, or pip without it, needs network access) ..."
t0=$(date +%s)
docker build --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" --label "opsdemo.requirements.sha256=$REQ_SHA" -t "$IMAGE" "$CTX" \
  || die 1 "docker build of $IMAGE failed (see output above; pip/apt need network access through the host). Fix and re-run $0 --rebuild."
say "built $IMAGE in $(elapsed "$t0"): $(docker run --rm "$IMAGE" mlflow --version)"
[ "$OLD_IMAGE_ID" = "$(image_id "$IMAGE")" ] || remove_if_untagged "$OLD_IMAGE_ID"
[ "$OLD_BASE_ID" = "$(image_id "$BASE_IMAGE")" ] || remove_if_untagged "$OLD_BASE_ID"
echo "$IMAGE"
