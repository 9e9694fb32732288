#!/usr/bin/env bash
# Creates .venv at the repository root from sample-ml-project/requirements.txt (the one place Python versions are
# pinned) and reuses it while that file is unchanged.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
requirements="$root/sample-ml-project/requirements.txt"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "python-env.sh: $python is not on PATH; install Python 3.11 with venv (e.g. apt-get install python3 python3-venv)" >&2
  exit 3
fi
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$venv/bin/mlflow" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "python-env.sh: creating $venv from sample-ml-project/requirements.txt (a few minutes the first time)..." >&2
if [ ! -x "$venv/bin/python" ] && ! "$python" -m venv "$venv" >&2; then
  echo "python-env.sh: could not create the venv; install python3-venv and run again" >&2
  exit 3
fi
if ! { "$venv/bin/python" -m pip install -q --upgrade pip >&2 && "$venv/bin/python" -m pip install -q -r "$requirements" >&2; }; then
  echo "python-env.sh: pip could not install sample-ml-project/requirements.txt (see above); check the network to the package index and run again" >&2
  exit 3
fi
echo "$want" > "$stamp"
