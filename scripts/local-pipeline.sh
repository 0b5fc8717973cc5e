#!/usr/bin/env bash
# npm run local: the README's main job. Brings the sandbox up (Docker engine, registry,
# Kubernetes control plane, pinned tools), then runs the caller example
# .github/workflows/deploy.yml through act against the sandbox's registry and API server,
# and ends with the verify summary.
#   npm run local [-- act-run.sh options]      e.g. -- --var K8S_STACK_SMOKE_CHECKS=...
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log() { printf '[local] %s\n' "$*" >&2; }

log "bringing the sandbox up"
bash "$ROOT/sandbox/sandbox.sh" up
bash "$ROOT/sandbox/tools.sh" act

out=$(mktemp)
trap 'rm -f "$out"' EXIT
log "running .github/workflows/deploy.yml through act"
set +e
bash "$ROOT/scripts/act-run.sh" "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# act prints each step's job summary as "Summary - <markdown>" inside the step's log;
# show the deploy job's (digests, deploy, verify) again at the end.
node "$ROOT/scripts/act-summary.mjs" "$out" 'Resolve the pushed tags to digests' 'Deploy by digest' 'Verify, rolling back on failure' || true
if [ "$status" -eq 0 ]; then log "pipeline succeeded"; else log "pipeline failed (act exit $status)"; fi
exit "$status"
