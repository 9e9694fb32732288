#!/usr/bin/env bash
# Runs the tests: the ML project's (pytest), the sample app's own and the harness's, against real Git, Maven, MLflow
# and Docker. With REQUIRE_DOCKER=1 (CI), tests that need a Docker engine fail when none answers instead of skipping.
#
# Usage: scripts/test.sh [--fast] [MAVEN ARGS...]
#   --fast   the unit tests only (Java and Python): no lane, no demo, no Docker, no MLflow server; under a minute.
#            What to run after each change. Without it, everything (what CI runs).
#   MAVEN ARGS are passed to mvn, e.g. -Dtest=MlopsLaneTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
fast=false
if [ "${1:-}" = "--fast" ]; then fast=true; shift; fi
"$root/scripts/python-env.sh"
# The ML project's own tests (data contract, drift, the retrain rule) first: the harness's tests run its entry
# points. Their temporary files go to harness/target, not /tmp (tests of the harness check what runs leave there).
mkdir -p "$root/harness/target"
(cd "$root/sample-ml-project" && "$root/.venv/bin/python" -m pytest -q -p no:cacheprovider \
  --basetemp "$root/harness/target/pytest-tmp" tests)
if $fast; then
  # test, not install: the unit tests need no jar and nothing in the local Maven repository.
  exec mvn -B -ntp test -Dopsdemo.tier=fast -DexcludedGroups=e2e "$@"
fi
exec mvn -B -ntp install "$@"
