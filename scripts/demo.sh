#!/usr/bin/env bash
# Builds what the demo needs and runs it: ./scripts/demo.sh [SUBCOMMAND] [OPTIONS] (default: demo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build.sh"
case "${1:-demo}" in
  devops|doctor|commands|-h|--help|-V|--version) ;;
  *) "$here/python-env.sh" ;;
esac
if [ $# -eq 0 ]; then set -- demo; fi
exec "$here/harness.sh" "$@"
