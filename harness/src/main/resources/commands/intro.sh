#!/usr/bin/env bash
# The opsdemo harness's lanes as the plain commands a learner would type: git, mvn, java, curl, mlflow.
# Printed by `harness commands`; the comments above each step are the harness's own captions.
#
# python and mlflow are taken from PATH, so activate a venv with the project's pinned MLflow first (./scripts/python-env.sh
# makes @REPO@/.venv; by hand: python3 -m venv .venv && .venv/bin/pip install -r @REPO@/sample-ml-project/requirements.txt),
# then run the script from an empty directory, which becomes its workspace ($WORK):
#   source @REPO@/.venv/bin/activate
#   mkdir /tmp/plain && cd /tmp/plain && bash /path/to/this-script.sh
# It also needs Java 17, Maven, git, curl and setsid (util-linux), and the harness built once: ./scripts/build.sh
# installs sample-app's parent POM into the local Maven repository, where the copy built here finds it.
# The servers it starts run in the background and are stopped when the script exits, whether it succeeds, fails
# or is interrupted.
