#!/usr/bin/env bash
# Every test, from a fresh machine: installs, tool builds and services included.
#   npm test            (= bash scripts/test-all.sh)
# Ends with one line "k8s-stack tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_OPTIONS=--experimental-vm-modules
started=$SECONDS

step() { printf '\n==> %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error

step "sandbox up: docker engine, registry, base images, tool builds, Kubernetes control plane"
bash sandbox/sandbox.sh up
# shellcheck disable=SC1090
eval "$(bash sandbox/sandbox.sh env)"

step "lint and typecheck"
npx eslint .
npx prettier --check .
npx tsc --noEmit

results=$(mktemp -d)
status=0
step "unit tests"
npx jest --selectProjects unit --json --outputFile "$results/unit.json" || status=1
step "integration and end-to-end tests (real docker, registry, trivy, helm, API server, act)"
npx jest --selectProjects integration --runInBand --json --outputFile "$results/integration.json" || status=1

step "done"
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; continue }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`k8s-stack tests: ${passed} passed, ${failed} failed`);
' "$results/unit.json" "$results/integration.json"
echo "total time: $((SECONDS - started))s"
exit $status
