#!/usr/bin/env bash
# Runs the project's pinned uv (sample-ml-project/requirements-tools.txt), installed from the package index like any
# other package, into a bootstrap venv of its own under the user's cache directory, reused by later runs and by
# every checkout. python-env.sh makes the venv with it, python-lock.sh resolves the locks with it.
#
# Usage: scripts/uv.sh ARGS...   runs uv ARGS
#        scripts/uv.sh --path    prints the path of the uv binary (installing it first if needed)
# The bootstrap venv is made with $PYTHON (default python3). Exit 3 when uv cannot be installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
say() { echo "uv.sh: $*" >&2; }
pins="$root/sample-ml-project/requirements-tools.txt"
version="$(sed -n 's/^uv==\([^ ;]*\).*/\1/p' "$pins")"
[ -n "$version" ] || { say "$pins pins no uv version (a line uv==X.Y.Z)"; exit 3; }
# One directory per version: a new pin installs beside the old one, never over it.
dir="${XDG_CACHE_HOME:-$HOME/.cache}/opsdemo/uv-$version"
uv="$dir/bin/uv"
if ! "$uv" --version >/dev/null 2>&1; then
  python="${PYTHON:-python3}"
  rm -rf "$dir"   # one that does not run (e.g. its bin/uv lost), made again
  mkdir -p "$(dirname "$dir")"
  # Made aside and renamed into place, so a run that is stopped, or another run at the same time, never leaves or
  # sees half an install.
  say "installing uv $version from the package index into $dir (once for every checkout)..."
  tmp="$(mktemp -d "$dir.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  if ! "$python" -m venv "$tmp" >&2 || ! "$tmp/bin/python" -m pip install -q --disable-pip-version-check \
      "uv==$version" >&2; then
    say "could not install uv $version with $python (see above)"
    exit 3
  fi
  mv -T "$tmp" "$dir" 2>/dev/null || true   # another run may have put its own there first: either will do
  "$uv" --version >/dev/null 2>&1 || { say "uv $version was installed but $uv does not run"; exit 3; }
fi
if [ "${1:-}" = "--path" ]; then echo "$uv"; exit 0; fi
exec "$uv" "$@"
