#!/usr/bin/env bash
# The opsdemo harness's lanes as the plain commands a learner would type: git, mvn, java, curl, mlflow.
# Printed by `harness commands`; the comments above each step are the harness's own captions. A step's lines are
# the `$` lines the demo shows, with shell variables where the demo shows this run's values; the lines around them
# do in bash what the harness does in Java (choosing free ports, waiting for a server, reading a run id back).
#
# Save it in the opsdemo checkout (or set OPSDEMO_REPO to the checkout): it uses the checkout's sample-app and
# sample-ml-project. The MLOps steps use the venv that is active when it starts, else the checkout's .venv
# (./scripts/python-env.sh makes it), else one it makes beside itself from sample-ml-project/requirements.txt.
# Run the script from an empty directory, which becomes its workspace ($WORK), laid out as the demo's:
#   mkdir /tmp/plain && cd /tmp/plain && bash /path/to/checkout/plain.sh
# It also needs Java 17, Maven, git, curl (7.82 or newer, for --json) and jq, and the harness built once:
# ./scripts/build.sh installs sample-app's parent POM into the local Maven repository, where the copy built here
# finds it.
# The servers it starts run in the background and are stopped when the script exits, whether it succeeds, fails
# or is interrupted.
