#!/usr/bin/env bash
# Pushes the fixture Trivy DB as an OCI artifact shaped like ghcr.io/aquasecurity/trivy-db:2
# (one layer, application/vnd.aquasec.trivy.db.layer.v1.tar+gzip, titled db.tar.gz,
# holding trivy.db and metadata.json at its root), for `trivy --db-repository`.
#   test/trivy-db/push-db.sh 127.0.0.1:5000/k8s-stack/trivy-db:2 [CACHE_DIR]
# Credentials: REGISTRY_USERNAME / REGISTRY_PASSWORD (sent on stdin, never argv).
# oras: $K8S_STACK_ORAS (the oras binary), else sandbox/tools.sh's pinned build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ref="${1:-}"
if ! [[ "$ref" =~ ^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$ ]]; then
  echo "push-db.sh: reference '$ref' is not of the form host[:port]/repository:tag (e.g. 127.0.0.1:5000/k8s-stack/trivy-db:2)" >&2
  exit 2
fi
cache_dir="${2:-$("$here/build-db.sh")}"
for f in trivy.db metadata.json; do
  [ -f "$cache_dir/db/$f" ] || { echo "push-db.sh: $cache_dir/db/$f is missing" >&2; exit 1; }
done

oras="${K8S_STACK_ORAS:-}"
if [ ! -x "$oras" ]; then
  "$here/../../sandbox/tools.sh" oras >&2
  oras="$("$here/../../sandbox/tools.sh" path oras)/oras"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$cache_dir/db" -czf "$work/db.tar.gz" trivy.db metadata.json
echo '{}' >"$work/config.json"
# A private oras config dir so the login never touches ~/.docker/config.json.
export DOCKER_CONFIG="$work/docker"
mkdir -p "$DOCKER_CONFIG"
host="${ref%%/*}"
plain=()
case "$host" in 127.0.0.1:*|localhost:*|localhost) plain=(--plain-http) ;; esac

auth=()
if [ -n "${REGISTRY_USERNAME:-}" ]; then
  printf '%s' "${REGISTRY_PASSWORD:?REGISTRY_PASSWORD is empty while REGISTRY_USERNAME is set}" |
    "$oras" login "${plain[@]}" --registry-config "$DOCKER_CONFIG/config.json" \
      -u "$REGISTRY_USERNAME" --password-stdin "$host" >/dev/null
  auth=(--registry-config "$DOCKER_CONFIG/config.json")
fi

cd "$work"
"$oras" push "${plain[@]}" "${auth[@]}" \
  --config "config.json:application/vnd.aquasec.trivy.config.v1+json" \
  "$ref" "db.tar.gz:application/vnd.aquasec.trivy.db.layer.v1.tar+gzip" >&2
