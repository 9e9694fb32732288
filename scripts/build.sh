#!/usr/bin/env bash
# Builds the harness (and installs the parent POM and sample-app into the local Maven repository, which the
# DevOps lane's copy of sample-app resolves its parent from). Skips the build when nothing changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=harness/target/harness.jar
if ! command -v mvn >/dev/null 2>&1; then
  echo "build.sh: Maven (mvn) is not on PATH; install Maven 3.8+ (e.g. apt-get install maven) and run again" >&2
  exit 3
fi
if [ -f "$jar" ] && [ -z "$(find pom.xml harness/pom.xml harness/src sample-app -newer "$jar" -type f -not -path '*/target/*' 2>/dev/null | head -1)" ]; then
  exit 0
fi
echo "build.sh: building the harness (mvn install -DskipTests)..." >&2
if ! mvn -q -B -ntp install -DskipTests >&2; then
  echo "build.sh: the Maven build failed (see above); fix it and run again" >&2
  exit 1
fi
