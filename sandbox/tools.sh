#!/usr/bin/env bash
# Builds the pinned tools the sandbox and the tests use, from Go modules, into a
# cache outside the repo keyed by tool and version. A warm cache makes this a no-op.
#   sandbox/tools.sh [all|NAME...]   NAME: trivy helm3 helm4 kwok kubernetes etcd act actionlint oras buildx
#   sandbox/tools.sh path NAME       prints the bin directory of NAME
set -euo pipefail

TRIVY_VERSION=0.74.0
HELM3_VERSION=3.22.0
HELM4_VERSION=4.3.1
KWOK_VERSION=0.8.0
KUBERNETES_VERSION=1.36.3
ETCD_VERSION=3.6.16
ACT_VERSION=0.2.89
ACTIONLINT_VERSION=1.7.12
ORAS_VERSION=1.3.6
BUILDX_VERSION=0.38.2

CACHE_ROOT="${K8S_STACK_CACHE:-$HOME/.cache/k8s-stack}"
TOOLS="$CACHE_ROOT/tools"
export GOFLAGS="${GOFLAGS:-} -trimpath"
export CGO_ENABLED=0

log() { printf '[tools] %s\n' "$*" >&2; }

bindir() {
  case "$1" in
    trivy) echo "$TOOLS/trivy-$TRIVY_VERSION/bin" ;;
    # -b2: built with the Makefile's Kubernetes-version ldflags (see build_helm3).
    helm3) echo "$TOOLS/helm-$HELM3_VERSION-b2/bin" ;;
    helm4) echo "$TOOLS/helm-$HELM4_VERSION/bin" ;;
    kwok) echo "$TOOLS/kwok-$KWOK_VERSION/bin" ;;
    kubernetes) echo "$TOOLS/kubernetes-$KUBERNETES_VERSION/bin" ;;
    etcd) echo "$TOOLS/etcd-$ETCD_VERSION/bin" ;;
    act) echo "$TOOLS/act-$ACT_VERSION/bin" ;;
    actionlint) echo "$TOOLS/actionlint-$ACTIONLINT_VERSION/bin" ;;
    oras) echo "$TOOLS/oras-$ORAS_VERSION/bin" ;;
    buildx) echo "$TOOLS/buildx-$BUILDX_VERSION/bin" ;;
    *) echo "unknown tool: $1 (accepted: trivy helm3 helm4 kwok kubernetes etcd act actionlint oras buildx)" >&2; return 1 ;;
  esac
}

# go install into a temp dir, then move into place, so an interrupted build never
# leaves a half-filled cache entry that later runs would trust.
install_go() { # name ldflags pkg...
  local name=$1 ldflags=$2; shift 2
  local dest tmp; dest=$(bindir "$name"); tmp="$dest.partial"
  rm -rf "$tmp"; mkdir -p "$tmp"
  GOBIN="$tmp" go install -ldflags "$ldflags" "$@"
  mkdir -p "$(dirname "$dest")"; rm -rf "$dest"; mv "$tmp" "$dest"
}

# A wrapper module: for tools whose go.mod has replace directives (or staging modules
# at v0.0.0), which `go install pkg@version` refuses.
wrapper_build() { # name dir ldflags pkg...
  local name=$1 dir=$2 ldflags=$3; shift 3
  local dest tmp; dest=$(bindir "$name"); tmp="$dest.partial"
  rm -rf "$tmp"; mkdir -p "$tmp"
  (cd "$dir" && for pkg in "$@"; do go build -ldflags "$ldflags" -o "$tmp/" "$pkg"; done)
  mkdir -p "$(dirname "$dest")"; rm -rf "$dest"; mv "$tmp" "$dest"
}

build_trivy() {
  # Trivy imports encoding/json/v2, which Go 1.25/1.26 only build under this experiment
  # (its goreleaser config sets the same).
  GOEXPERIMENT=jsonv2 install_go trivy "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=$TRIVY_VERSION" \
    "github.com/aquasecurity/trivy/cmd/trivy@v$TRIVY_VERSION"
}
build_helm3() {
  # Helm 3's Makefile sets the default .Capabilities.KubeVersion (used by `helm template` and
  # `helm lint`) from its client-go version; without it a `go install` build says v1.20.
  local mod minor
  mod=$(go mod download -json "helm.sh/helm/v3@v$HELM3_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')
  minor=$(awk '$1 == "k8s.io/client-go" { split($2, v, "."); print v[2] }' "$mod")
  [ -n "$minor" ] || { echo "cannot read the client-go version of Helm $HELM3_VERSION" >&2; return 1; }
  local ld="-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM3_VERSION"
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    ld="$ld -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$minor"
  done
  install_go helm3 "$ld" "helm.sh/helm/v3/cmd/helm@v$HELM3_VERSION"
}
build_helm4() {
  install_go helm4 "-s -w -X helm.sh/helm/v4/internal/version.version=v$HELM4_VERSION" \
    "helm.sh/helm/v4/cmd/helm@v$HELM4_VERSION"
}
build_kwok() {
  install_go kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=v$KWOK_VERSION" \
    "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwokctl@v$KWOK_VERSION"
}
build_act() {
  install_go act "-s -w -X main.version=$ACT_VERSION" "github.com/nektos/act@v$ACT_VERSION"
}
build_actionlint() {
  install_go actionlint "-s -w -X github.com/rhysd/actionlint.version=$ACTIONLINT_VERSION" \
    "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
}
build_oras() {
  install_go oras "-s -w -X oras.land/oras/internal/version.Version=$ORAS_VERSION -X oras.land/oras/internal/version.BuildMetadata=" \
    "oras.land/oras/cmd/oras@v$ORAS_VERSION"
}
# The docker CLI plugin (its go.mod has no replace directive); sandbox.sh links it as
# ~/.docker/cli-plugins/docker-buildx.
build_buildx() {
  install_go buildx "-s -w -X github.com/docker/buildx/version.Version=v$BUILDX_VERSION -X github.com/docker/buildx/version.Package=github.com/docker/buildx" \
    "github.com/docker/buildx/cmd/buildx@v$BUILDX_VERSION"
}

build_etcd() {
  local dir="$CACHE_ROOT/src/etcd-$ETCD_VERSION"
  mkdir -p "$dir"
  cat >"$dir/go.mod" <<MOD
module k8s-stack/etcd-wrapper

go 1.25

require go.etcd.io/etcd/server/v3 v$ETCD_VERSION
MOD
  printf 'package tools\n\nimport _ "go.etcd.io/etcd/server/v3/etcdmain"\n' >"$dir/tools.go"
  (cd "$dir" && go mod tidy >/dev/null)
  wrapper_build etcd "$dir" "-s -w" go.etcd.io/etcd/server/v3
}

build_kubernetes() {
  local dir="$CACHE_ROOT/src/kubernetes-$KUBERNETES_VERSION"
  local minor="${KUBERNETES_VERSION#*.}"
  mkdir -p "$dir"
  (cd "$dir" && go mod download -json "k8s.io/kubernetes@v$KUBERNETES_VERSION" >/dev/null)
  local upstream
  upstream="$(go env GOMODCACHE)/cache/download/k8s.io/kubernetes/@v/v$KUBERNETES_VERSION.mod"
  # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with
  # ./staging paths; point each at its published v0.<minor> release instead.
  {
    printf 'module k8s-stack/kubernetes-wrapper\n\ngo 1.25\n\nrequire k8s.io/kubernetes v%s\n\n' "$KUBERNETES_VERSION"
    grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging' "$upstream" | awk '{print $1}' | sort -u |
      while read -r mod; do printf 'replace %s => %s v0.%s\n' "$mod" "$mod" "$minor"; done
  } >"$dir/go.mod"
  cat >"$dir/tools.go" <<'GO'
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver/app"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	_ "k8s.io/kubernetes/cmd/kube-scheduler/app"
	_ "k8s.io/kubectl/pkg/cmd"
)
GO
  (cd "$dir" && go mod tidy >/dev/null)
  local pkg=k8s.io/component-base/version
  local ld="-s -w -X $pkg.gitVersion=v$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor%%.*} -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  ld="$ld -X k8s.io/client-go/pkg/version.gitVersion=v$KUBERNETES_VERSION -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=${minor%%.*}"
  wrapper_build kubernetes "$dir" "$ld" k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler \
    k8s.io/kubernetes/cmd/kubectl
}

ALL=(helm3 helm4 kwok trivy etcd kubernetes act actionlint oras buildx)

built() { local dir; dir=$(bindir "$1") && [ -d "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; }

ensure() {
  local name=$1
  built "$name" && return 0
  # One build of a tool at a time: a second caller waits for the first, then reuses it.
  mkdir -p "$CACHE_ROOT/locks"
  exec {lock}>"$CACHE_ROOT/locks/$name.lock"
  flock "$lock"
  if built "$name"; then flock -u "$lock"; return 0; fi
  command -v go >/dev/null || { echo "go is required to build $name" >&2; return 1; }
  log "building $name (cold cache; this takes minutes)"
  local start=$SECONDS
  "build_$name"
  log "built $name in $((SECONDS - start))s"
  flock -u "$lock"
}

case "${1:-all}" in
  path) bindir "$2" ;;
  all) for t in "${ALL[@]}"; do ensure "$t"; done ;;
  *) for t in "$@"; do ensure "$t"; done ;;
esac
