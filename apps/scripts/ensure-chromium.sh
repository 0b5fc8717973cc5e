#!/usr/bin/env bash
# Installs Debian's chromium for the apps browser test when it is missing.
# playwright-core drives it through executablePath; no browser download is possible here.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing; run as root or install Debian's chromium package" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# One lock-aware retry loop: other setup scripts may be running apt at the same time.
for attempt in 1 2 3 4 5 6; do
  if apt-get -o DPkg::Lock::Timeout=120 update -qq &&
    apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    break
  fi
  echo "ensure-chromium: apt-get failed (attempt $attempt), retrying" >&2
  sleep 10
done
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after apt-get install chromium" >&2; exit 1; }
"$CHROMIUM" --version
