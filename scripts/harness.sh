#!/usr/bin/env bash
# Runs the built harness with the environment it needs. Used by demo.sh; handy on its own after a build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Testcontainers against a local dockerd with locally built images: Ryuk's image cannot be pulled, and all
# traffic stays on loopback.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
exec java -Dopsdemo.repoRoot="$root" -jar "$root/harness/target/harness.jar" "$@"
