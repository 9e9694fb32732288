#!/usr/bin/env bash
# Builds what the demo needs and runs it: ./scripts/demo.sh [SUBCOMMAND] [OPTIONS] (default: demo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# The harness build and the venv need nothing from each other, so they are made at the same time, in background
# jobs. Each one's lines reach the screen whole as they come, and a line that does not already start with a script's
# name (a Maven or pip error) is given its job's, so that the two never read as one. When one fails, the other still
# finishes (both say what went wrong), and the first failure's exit code is demo.sh's.
# A background job starts with Ctrl-C ignored; env gives the scripts the default back (as in harness.sh).
restore=()
if env --default-signal=INT true 2>/dev/null; then restore=(env --default-signal=INT); fi
declare -A jobs=()
prepare() {  # prepare [nice] SCRIPT ARGS...
  local nice=()
  if [ "$1" = nice ]; then nice=(nice -n 10); shift; fi
  local name="$1"; shift
  "${restore[@]}" "${nice[@]}" "$here/$name" "$@" 2>&1 | sed -u "/^[a-z-]*\.sh: /!s/^/$name| /" >&2 &
  jobs[$!]="$name"
}
# Options alone (./scripts/demo.sh --non-interactive) are the demo's, as with no argument at all.
case "${1:-}" in
  ""|-h|--help|-V|--version) ;;
  -*) set -- demo "$@" ;;
esac
case "${1:-demo}" in
  devops|doctor|commands|-h|--help|-V|--version) prepare build.sh ;;
  # The venv is the longer of the two the first time (downloads, then compiling every module's bytecode), so on a
  # machine with few cores the build gives it the processor first.
  *) prepare nice build.sh; prepare python-env.sh ;;
esac
failed=0
while [ ${#jobs[@]} -gt 0 ]; do
  code=0
  wait -n -p finished "${!jobs[@]}" || code=$?
  unset "jobs[$finished]"
  [ "$failed" -ne 0 ] || failed=$code
done
[ "$failed" -eq 0 ] || exit "$failed"
if [ $# -eq 0 ]; then set -- demo; fi
exec "$here/harness.sh" "$@"
