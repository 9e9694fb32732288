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
if [ ! -f "$jar" ] || [ -n "$(find pom.xml harness/pom.xml harness/src sample-app -newer "$jar" -type f -not -path '*/target/*' 2>/dev/null | head -1)" ]; then
  echo "build.sh: building the harness (mvn install -DskipTests)..." >&2
  # Maven 3.8 with -q ends its output with colour resets (ESC[0m) and no newline, even in batch mode: dropped, so the
  # next line on screen (demo.sh runs the harness right after) does not start after them.
  if ! mvn -q -B -ntp install -DskipTests 2>&1 | sed -u 's/\x1b\[0m//g' >&2; then
    echo "build.sh: the Maven build failed (see above); fix it and run again" >&2
    exit 1
  fi
fi
# A class-data archive (AppCDS) of the classes a run loads before its first step: later starts map them from it
# instead of loading and verifying each one, which halves the time before the first line. Made by printing the
# learner's script once (it builds both lanes); harness.sh uses it only while it is newer than the jar.
archive=harness/target/harness.jsa
if [ ! "$archive" -nt "$jar" ]; then
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -Dopsdemo.repoRoot="$root" -jar "$jar" commands >/dev/null 2>&1 \
    || rm -f "$archive"
fi
