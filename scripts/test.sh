#!/usr/bin/env bash
# Runs every test: the ML project's (pytest), the sample app's own and the harness's, against real Git, Maven, MLflow and Docker.
# With REQUIRE_DOCKER=1 (CI), tests that need a Docker engine fail when none answers instead of skipping.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/python-env.sh"
# The ML project's own tests (data contract, drift) first: the harness's tests run its entry points.
# Their temporary files go to harness/target, not /tmp (tests of the harness check what runs leave there).
mkdir -p "$root/harness/target"
(cd "$root/sample-ml-project" && "$root/.venv/bin/python" -m pytest -q -p no:cacheprovider \
  --basetemp "$root/harness/target/pytest-tmp" tests)
exec mvn -B -ntp install "$@"
