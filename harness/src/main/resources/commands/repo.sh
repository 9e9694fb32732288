# The opsdemo checkout whose sample-app and sample-ml-project the steps use: $OPSDEMO_REPO, else the checkout this
# script is saved in. The script names no directory of the machine that printed it.
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="${OPSDEMO_REPO:-$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null || echo "$script_dir")}"
if [ ! -d "$REPO/sample-app" ] || [ ! -d "$REPO/sample-ml-project" ]; then
  echo "$REPO holds no sample-app/ and sample-ml-project/: save this script in the opsdemo checkout" \
    "(harness commands > plain.sh there), or set OPSDEMO_REPO to the checkout" >&2
  exit 2
fi
