#!/usr/bin/env bash
# The opsdemo harness's lanes as the plain commands a learner would type: git, mvn, java, curl, mlflow.
# Printed by `harness commands`; the comments above each step are the harness's own captions. A step's lines are
# the `$` lines the demo shows, with shell variables where the demo shows this run's values; the lines around them
# do in bash what the harness does in Java (choosing free ports, waiting for a server, reading a run id back).
#
# The MLOps steps activate the venv with the project's pinned MLflow, @REPO@/.venv (./scripts/python-env.sh makes
# it; by hand: python3 -m venv .venv && .venv/bin/pip install -r @REPO@/sample-ml-project/requirements.txt).
# Run the script from an empty directory, which becomes its workspace ($WORK), laid out as the demo's:
#   mkdir /tmp/plain && cd /tmp/plain && bash /path/to/this-script.sh
# It also needs Java 17, Maven, git and curl, and the harness built once: ./scripts/build.sh
# installs sample-app's parent POM into the local Maven repository, where the copy built here finds it.
# The servers it starts run in the background and are stopped when the script exits, whether it succeeds, fails
# or is interrupted.
