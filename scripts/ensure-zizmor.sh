#!/usr/bin/env bash
# Installs the pinned zizmor (GitHub Actions security linter, from PyPI) into a venv
# outside the repo and prints the path of its binary. A warm cache makes this a no-op.
#   scripts/ensure-zizmor.sh          -> /root/.cache/k8s-stack/tools/zizmor-X/bin/zizmor
set -euo pipefail

ZIZMOR_VERSION=1.32.0
CACHE_ROOT="${K8S_STACK_CACHE:-$HOME/.cache/k8s-stack}"
DEST="$CACHE_ROOT/tools/zizmor-$ZIZMOR_VERSION"
BIN="$DEST/bin/zizmor"

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "$ZIZMOR_VERSION"; then
  echo "$BIN"
  exit 0
fi

PYTHON=${PYTHON:-python3}
command -v "$PYTHON" >/dev/null || { echo "ensure-zizmor: python3 is required (apt-get install python3 python3-venv)" >&2; exit 1; }
# Build into a temp dir and move into place, so an interrupted install is never trusted.
tmp="$DEST.partial"
rm -rf "$tmp"
mkdir -p "$(dirname "$DEST")"
"$PYTHON" -m venv "$tmp" >&2 || { echo "ensure-zizmor: python3 -m venv failed (apt-get install python3-venv)" >&2; exit 1; }
"$tmp/bin/pip" install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION" >&2
rm -rf "$DEST"
mv "$tmp" "$DEST"
# A venv's scripts hard-code the venv path in their shebang; zizmor is a native binary
# shipped in the wheel, so the move is safe. Check it runs.
"$BIN" --version >&2
echo "$BIN"
