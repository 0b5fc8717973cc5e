#!/usr/bin/env bash
# Builds the fixture Trivy DB and prints a cache dir holding db/trivy.db and
# db/metadata.json (pass it to `trivy --cache-dir`). Cached under
# ~/.cache/k8s-stack/trivy-db/<hash of the fixtures and the builder>, so a second run
# is a no-op.
#   test/trivy-db/build-db.sh                      # fresh DB (NextUpdate 2099), cached
#   test/trivy-db/build-db.sh --out DIR [--updated-at RFC3339] [--next-update RFC3339]
#                                                  # uncached, e.g. a stale DB for fail-closed tests
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${K8S_STACK_CACHE:-$HOME/.cache/k8s-stack}/trivy-db"
out="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --updated-at|--next-update|--downloaded-at) extra+=("-${1#--}" "${2:?$1 needs an RFC3339 time}"); shift 2 ;;
    *) echo "build-db.sh: unknown argument '$1' (accepted: --out DIR, --updated-at T, --next-update T, --downloaded-at T)" >&2; exit 2 ;;
  esac
done

command -v go >/dev/null || { echo "build-db.sh: go is required to build the fixture Trivy DB" >&2; exit 1; }

# The builder binary is keyed by its sources; the DB by the builder and the fixtures.
src_hash=$(cd "$here" && cat go.mod go.sum main.go | sha256sum | cut -c1-16)
builder="$cache_root/bin/trivy-fixture-db-$src_hash"
if [ ! -x "$builder" ]; then
  mkdir -p "$cache_root/bin"
  (cd "$here" && CGO_ENABLED=0 go build -trimpath -o "$builder.partial.$$" .)
  mv "$builder.partial.$$" "$builder"
fi

build() { "$builder" -fixtures "$here/fixtures" -out "$1" "${extra[@]}" >/dev/null; }

if [ -n "$out" ]; then
  build "$out"
  (cd "$out" && pwd)
  exit 0
fi

if [ ${#extra[@]} -gt 0 ]; then
  echo "build-db.sh: --updated-at/--next-update need --out (the cached DB is always the fresh one)" >&2
  exit 2
fi

db_hash=$( (echo "$src_hash"; cd "$here/fixtures" && for f in $(ls *.yaml | LC_ALL=C sort); do echo "$f"; cat "$f"; done) | sha256sum | cut -c1-16)
dest="$cache_root/$db_hash"
if [ ! -f "$dest/db/metadata.json" ] || [ ! -f "$dest/db/trivy.db" ]; then
  tmp="$cache_root/.tmp-$db_hash-$$"
  rm -rf "$tmp"
  build "$tmp"
  rm -rf "$dest"
  mv -T "$tmp" "$dest" 2>/dev/null || rm -rf "$tmp" # a concurrent build won: keep its copy
fi
echo "$dest"
