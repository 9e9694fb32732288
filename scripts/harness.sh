#!/usr/bin/env bash
# Runs the built harness with the environment it needs. Used by demo.sh; handy on its own after a build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Testcontainers against a local dockerd with locally built images: Ryuk's image cannot be pulled, and all
# traffic stays on loopback.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"
# A job a non-interactive shell starts in the background (wrapper scripts, some CI runners) inherits an ignored
# SIGINT, and neither bash nor the JVM would then stop on Ctrl-C: the JVM installs no handler for a signal ignored at
# its start. env restores the default first (coreutils 8.31+; where it cannot, the run starts as before).
restore=()
if env --default-signal=INT true 2>/dev/null; then restore=(env --default-signal=INT); fi
# The harness mostly waits on the tools it runs: the quick first compiler alone starts it sooner, and the JIT's
# optimising compiler would only compete with Maven and Python for the cores.
jvm=(-XX:TieredStopAtLevel=1 -Dopsdemo.repoRoot="$root")
# OPSDEMO_CLASSPATH runs classes instead of the jar (the tests run this script on the build's classes).
if [ -n "${OPSDEMO_CLASSPATH:-}" ]; then
  exec "${restore[@]}" java "${jvm[@]}" -cp "$OPSDEMO_CLASSPATH" dev.opsdemo.cli.Main "$@"
fi
jar="$root/harness/target/harness.jar"
archive="$root/harness/target/harness.jsa"
# The class-data archive build.sh makes, while it matches the jar; the JVM's own notes about it stay off screen.
if [ "$archive" -nt "$jar" ]; then
  jvm+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec "${restore[@]}" java "${jvm[@]}" -jar "$jar" "$@"
