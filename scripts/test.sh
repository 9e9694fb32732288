#!/usr/bin/env bash
# Runs every test: the sample app's own and the harness's, against real Git, Maven, MLflow and Docker.
# With REQUIRE_DOCKER=1 (CI), tests that need a Docker engine fail when none answers instead of skipping.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/python-env.sh"
exec mvn -B -ntp install "$@"
