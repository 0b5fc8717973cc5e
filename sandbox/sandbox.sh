#!/usr/bin/env bash
# The local sandbox: a Docker engine, an authenticated registry on 127.0.0.1:5000, local
# base images (no image can be pulled here) and a Kubernetes control plane with kwok nodes.
#   sandbox/sandbox.sh up       bring everything up; idempotent (a no-op when all runs)
#   sandbox/sandbox.sh down     stop what `up` started, and nothing else
#   sandbox/sandbox.sh status   one line per component
#   sandbox/sandbox.sh env      `export` lines for a shell or a test (eval / source)
# State (pids, logs, registry storage, credentials, kubeconfig) lives in
# ~/.cache/k8s-stack/sandbox/; nothing is written into the repository.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOLS_SH="$HERE/tools.sh"
CACHE_ROOT="${K8S_STACK_CACHE:-${HOME:-/root}/.cache/k8s-stack}"
# A second, independent sandbox (its own state, registry port and cluster; the same
# engine and images) can be brought up with these; the tests use it to exercise `down`.
STATE="${K8S_STACK_SANDBOX_STATE:-$CACHE_ROOT/sandbox}"
ROOTFS_CACHE="$CACHE_ROOT/rootfs"

REGISTRY=${K8S_STACK_SANDBOX_REGISTRY:-127.0.0.1:5000}
REGISTRY_USERNAME=k8s-stack
CLUSTER=${K8S_STACK_SANDBOX_CLUSTER:-k8s-stack}
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=http://deb.debian.org/debian
DEBIAN_IMAGE=k8s-stack/debian:bookworm
NODE_IMAGE=k8s-stack/node:20
NGINX_IMAGE=k8s-stack/nginx:1
RECIPE_LABEL=io.k8s-stack.recipe
KUBERNETES_VERSION=$(sed -n 's/^KUBERNETES_VERSION=//p' "$TOOLS_SH")
PACKAGES=(docker.io docker-registry debootstrap apache2-utils iproute2 jq curl ca-certificates)

# The docker CLI first on PATH (a 28.x CLI here) talks to the local engine; all we use
# (info, import, image inspect, run, login) works with any recent CLI.
DOCKER=${DOCKER:-docker}

log() { printf '[sandbox] %s\n' "$*" >&2; }
die() { printf '[sandbox] error: %s\n' "$*" >&2; exit 1; }

[[ "$REGISTRY" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+:[0-9]+$ ]] ||
  die "K8S_STACK_SANDBOX_REGISTRY must be a loopback host:port (127.x.y.z:port), got '$REGISTRY'"
[[ "$CLUSTER" =~ ^[a-z0-9]([a-z0-9-]{0,40}[a-z0-9])?$ ]] ||
  die "K8S_STACK_SANDBOX_CLUSTER must be a lowercase DNS label, got '$CLUSTER'"

mkdir -p "$STATE"
chmod 700 "$STATE"

# ---------------------------------------------------------------------------------------
# helpers

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# pidfile_alive FILE NAME: the pid recorded in FILE runs and its command is NAME.
pidfile_alive() {
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$name"
}

# start_daemon NAME PIDFILE LOG CMD...: runs CMD detached (own session, so it outlives
# this script and the caller's process group) and records its pid.
start_daemon() {
  local name=$1 pidfile=$2 logfile=$3; shift 3
  log "starting $name (log: $logfile)"
  # fd 9 holds the sandbox lock: a daemon must not inherit it.
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# stop_pidfile NAME FILE: TERM the recorded process (only while its command is still
# NAME: a pid may have been reused), wait up to 20 s, then KILL.
stop_pidfile() {
  local name=$1 file=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if pidfile_alive "$file" "$name"; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do pid_alive "$pid" || break; sleep 0.2; done
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

wait_for() { # DESCRIPTION SECONDS CMD...
  local what=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  log "$what: ready"
}

sha() { sha256sum | cut -c1-16; }

# ---------------------------------------------------------------------------------------
# a. packages and the Docker engine

ensure_packages() {
  local missing=() p installed
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null | awk '/install ok installed/{print $1}')
  for p in "${PACKAGES[@]}"; do grep -qx "$p" <<<"$installed" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}); run as root to install them"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >>"$STATE/apt.log" 2>&1 || die "apt-get install ${missing[*]} failed; see $STATE/apt.log"
}

docker_answers() { timeout 10 "$DOCKER" info >/dev/null 2>&1; }

ensure_dockerd() {
  if docker_answers; then return 0; fi
  if pidfile_alive "$STATE/dockerd.pid" dockerd; then
    log "dockerd (ours) runs but does not answer yet"
  else
    start_daemon dockerd "$STATE/dockerd.pid" "$STATE/dockerd.log" dockerd
  fi
  wait_for "docker engine" 90 docker_answers || die "dockerd did not answer within 90 s; see $STATE/dockerd.log"
}

# ---------------------------------------------------------------------------------------
# b. the registry

registry_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "http://$REGISTRY/v2/" 2>/dev/null || true; }
registry_auth_on() { [ "$(registry_code)" = 401 ]; }

write_registry_config() {
  local dir="$STATE/registry"
  mkdir -p "$dir/storage"
  chmod 700 "$dir"
  if [ ! -s "$dir/password" ]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$dir/password")
  fi
  chmod 600 "$dir/password"
  if [ ! -s "$dir/htpasswd" ] || ! htpasswd -v -i "$dir/htpasswd" "$REGISTRY_USERNAME" <"$dir/password" >/dev/null 2>&1; then
    (umask 077 && htpasswd -B -i -c "$dir/htpasswd" "$REGISTRY_USERNAME" <"$dir/password" >/dev/null 2>&1)
  fi
  cat >"$dir/config.yml.new" <<YAML
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $REGISTRY
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: k8s-stack-sandbox
    path: $dir/htpasswd
YAML
  mv "$dir/config.yml.new" "$dir/config.yml"
}

registry_login_check() {
  local cfg rc=0
  cfg=$(mktemp -d)
  DOCKER_CONFIG="$cfg" "$DOCKER" login "$REGISTRY" -u "$REGISTRY_USERNAME" --password-stdin \
    <"$STATE/registry/password" >/dev/null 2>&1 || rc=$?
  rm -rf "$cfg"
  return "$rc"
}

ensure_registry() {
  write_registry_config
  local code; code=$(registry_code)
  if [ "$code" = 401 ]; then
    :
  elif [ "$code" != 000 ]; then
    die "something answers on http://$REGISTRY/v2/ with HTTP $code (no auth); it was not started by the sandbox: stop it first"
  else
    if pidfile_alive "$STATE/registry.pid" docker-registry; then
      log "registry (ours) runs but does not answer yet"
    else
      start_daemon registry "$STATE/registry.pid" "$STATE/registry.log" \
        docker-registry serve "$STATE/registry/config.yml"
    fi
    wait_for "registry on $REGISTRY (auth on)" 30 registry_auth_on ||
      die "the registry did not answer 401 on http://$REGISTRY/v2/ within 30 s; see $STATE/registry.log"
  fi
  registry_login_check || die "docker login $REGISTRY with the sandbox credentials failed (a registry not started by the sandbox may be listening; see $STATE/registry.log)"
}

# ---------------------------------------------------------------------------------------
# c. base images: debootstrap once (cached), then docker import per image

rootfs_recipe() { declare -f build_rootfs; echo "$DEBIAN_SUITE $DEBIAN_MIRROR minbase"; }

build_rootfs() { # DEST_TAR
  local dest=$1 dir
  dir=$(mktemp -d "$ROOTFS_CACHE/build.XXXXXX")
  log "debootstrap $DEBIAN_SUITE (minbase) into $dir (once; takes a few minutes)"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$dir" "$DEBIAN_MIRROR" >"$STATE/debootstrap.log" 2>&1 ||
    { rm -rf --one-file-system "$dir"; die "debootstrap failed; see $STATE/debootstrap.log"; }
  cat >"$dir/etc/apt/sources.list" <<EOF
deb $DEBIAN_MIRROR $DEBIAN_SUITE main
deb $DEBIAN_MIRROR $DEBIAN_SUITE-updates main
deb http://deb.debian.org/debian-security $DEBIAN_SUITE-security main
EOF
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/debootstrap
  : >"$dir/etc/resolv.conf"
  echo "sandbox" >"$dir/etc/hostname"
  tar --numeric-owner -C "$dir" -cf "$dest.partial" .
  mv "$dest.partial" "$dest"
  rm -rf --one-file-system "$dir"
}

ensure_rootfs() { # prints the cached tar's path
  mkdir -p "$ROOTFS_CACHE"
  local key tar
  key=$(rootfs_recipe | sha)
  tar="$ROOTFS_CACHE/debian-$DEBIAN_SUITE-minbase-$key.tar"
  [ -s "$tar" ] || build_rootfs "$tar"
  echo "$tar"
}

image_recipe_ok() { # IMAGE HASH
  [ "$("$DOCKER" image inspect -f "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null)" = "$2" ]
}

# Runs a script inside a rootfs with chroot (host network; nothing is started: a
# policy-rc.d forbids it), with /proc and /dev mounted for the duration.
in_chroot() { # DIR SCRIPT
  local dir=$1 script=$2 rc=0
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
  chmod 755 "$dir/usr/sbin/policy-rc.d"
  mount -t proc proc "$dir/proc"
  mount --bind /dev "$dir/dev"
  chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive HOME=/root /bin/sh -ec "$script" >>"$STATE/images.log" 2>&1 || rc=$?
  umount "$dir/dev" || umount -l "$dir/dev" || true
  umount "$dir/proc" || umount -l "$dir/proc" || true
  rm -f "$dir/usr/sbin/policy-rc.d"
  : >"$dir/etc/resolv.conf"
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  [ "$rc" -eq 0 ] || die "building an image failed in chroot; see $STATE/images.log"
}

import_dir() { # DIR IMAGE HASH CHANGES...
  local dir=$1 image=$2 hash=$3; shift 3
  local args=(--change "LABEL $RECIPE_LABEL=$hash") c
  for c in "$@"; do args+=(--change "$c"); done
  tar --numeric-owner -C "$dir" -c . | "$DOCKER" import "${args[@]}" - "$image" >/dev/null
}

PATH_ENV='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

host_npm_dir() { cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd; }
host_npm_version() { jq -r .version "$(host_npm_dir)/package.json"; }

customize_node() { # DIR
  local dir=$1 node npm_dir
  node=$(readlink -f "$(command -v node)")
  case "$("$node" --version)" in
    v20.*) ;;
    *) die "$NODE_IMAGE needs the host's Node 20, found $node $("$node" --version)" ;;
  esac
  npm_dir=$(host_npm_dir)
  in_chroot "$dir" 'apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates
    groupadd --gid 1000 node
    useradd --uid 1000 --gid node --shell /bin/bash --create-home --home-dir /home/node node'
  mkdir -p "$dir/usr/local/bin" "$dir/usr/local/lib/node_modules"
  cp "$node" "$dir/usr/local/bin/node"
  cp -a "$npm_dir" "$dir/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/usr/local/bin/npx"
  if [ -d "$(dirname "$npm_dir")/corepack" ]; then
    cp -a "$(dirname "$npm_dir")/corepack" "$dir/usr/local/lib/node_modules/corepack"
    ln -sf ../lib/node_modules/corepack/dist/corepack.js "$dir/usr/local/bin/corepack"
  fi
}

customize_nginx() { # DIR
  local dir=$1
  in_chroot "$dir" 'groupadd --system --gid 101 nginx
    useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent --shell /bin/false --comment "nginx user" nginx
    apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx ca-certificates
    rm -f /etc/nginx/sites-enabled/default
    rm -rf /var/lib/nginx && mkdir -p /var/cache/nginx && ln -s /var/cache/nginx /var/lib/nginx
    chown nginx:nginx /var/cache/nginx
    mkdir -p /usr/share/nginx/html /etc/nginx/conf.d
    ln -sf /dev/stdout /var/log/nginx/access.log
    ln -sf /dev/stderr /var/log/nginx/error.log'
  cat >"$dir/etc/nginx/nginx.conf" <<'CONF'
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
CONF
  cat >"$dir/etc/nginx/conf.d/default.conf" <<'CONF'
server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
CONF
  [ -f "$dir/usr/share/nginx/html/index.html" ] ||
    printf '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n' >"$dir/usr/share/nginx/html/index.html"
  printf '<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>An error occurred.</h1></body></html>\n' >"$dir/usr/share/nginx/html/50x.html"
}

build_image() { # KIND TAR IMAGE HASH
  local kind=$1 tar=$2 image=$3 hash=$4 dir
  dir=$(mktemp -d "$ROOTFS_CACHE/image.XXXXXX")
  tar --numeric-owner -C "$dir" -xpf "$tar"
  case "$kind" in
    debian)
      import_dir "$dir" "$image" "$hash" "$PATH_ENV" 'CMD ["bash"]' ;;
    node)
      customize_node "$dir"
      import_dir "$dir" "$image" "$hash" "$PATH_ENV" "ENV NODE_VERSION=$(node --version | tr -d v)" \
        'ENV YARN_VERSION=' 'CMD ["node"]' ;;
    nginx)
      customize_nginx "$dir"
      local v
      v=$(chroot "$dir" dpkg-query -W -f='${Version}' nginx 2>/dev/null || true)
      import_dir "$dir" "$image" "$hash" "$PATH_ENV" "ENV NGINX_VERSION=${v%%-*}" 'EXPOSE 80' \
        'CMD ["nginx","-g","daemon off;"]' ;;
  esac
  rm -rf --one-file-system "$dir"
}

image_hash() { # KIND ROOTFS_TAR
  {
    basename "$2"
    case "$1" in
      debian) echo debian ;;
      node) declare -f customize_node; node --version; host_npm_version ;;
      nginx) declare -f customize_nginx ;;
    esac
    declare -f build_image import_dir in_chroot
  } | sha
}

ensure_images() {
  local tar="" kind image hash
  for kind in debian node nginx; do
    case "$kind" in debian) image=$DEBIAN_IMAGE ;; node) image=$NODE_IMAGE ;; nginx) image=$NGINX_IMAGE ;; esac
    # The rootfs key is cheap to compute; only debootstrap when an image needs building.
    hash=$(image_hash "$kind" "debian-$DEBIAN_SUITE-minbase-$(rootfs_recipe | sha).tar")
    if image_recipe_ok "$image" "$hash"; then continue; fi
    [ -n "$tar" ] || tar=$(ensure_rootfs)
    log "building $image"
    local start=$SECONDS
    build_image "$kind" "$tar" "$image" "$hash"
    log "built $image in $((SECONDS - start))s"
  done
}

# ---------------------------------------------------------------------------------------
# d. the Kubernetes control plane (kwok)

# Bin dirs of the pinned tools, asked of tools.sh once per run.
declare -A TOOL_DIRS=()
load_tool_dirs() {
  local t
  for t in kubernetes kwok helm3 helm4 trivy oras act actionlint etcd buildx; do
    TOOL_DIRS[$t]=$(bash "$TOOLS_SH" path "$t")
  done
}
tool_dir() {
  [ "${#TOOL_DIRS[@]}" -gt 0 ] || load_tool_dirs
  echo "${TOOL_DIRS[$1]}"
}

KWOK_WORKDIR_DIR="$STATE/kwok"
KUBECONFIG_FILE="$STATE/kubeconfig"
NODES=(kwok-node-0 kwok-node-1)

ensure_tools() {
  # tools.sh holds a lock per tool: a build another process started is waited for.
  bash "$TOOLS_SH" all 9>&- || die "building the pinned tools failed (sandbox/tools.sh all)"
}

# buildx is built with the tools; linking it as the docker CLI plugin changes how every
# `docker build` on the machine runs (the 28.x CLI then builds through buildx), so it is
# opt-in: K8S_STACK_SANDBOX_BUILDX_PLUGIN=1. Without it, use K8S_STACK_BUILDX in a
# DOCKER_CONFIG of your own (cli-plugins/docker-buildx).
BUILDX_PLUGIN="${HOME:-/root}/.docker/cli-plugins/docker-buildx"
ensure_buildx_plugin() {
  [ "${K8S_STACK_SANDBOX_BUILDX_PLUGIN:-}" = 1 ] || return 0
  local want; want="$(tool_dir buildx)/buildx"
  [ "$(readlink "$BUILDX_PLUGIN" 2>/dev/null)" = "$want" ] && return 0
  if [ -e "$BUILDX_PLUGIN" ] && [ ! -L "$BUILDX_PLUGIN" ]; then
    log "leaving $BUILDX_PLUGIN alone: it is not the sandbox's link"
    return 0
  fi
  mkdir -p "$(dirname "$BUILDX_PLUGIN")"
  ln -sfn "$want" "$BUILDX_PLUGIN"
  log "linked $BUILDX_PLUGIN -> $want"
}

kwokctl() {
  KWOK_WORKDIR="$KWOK_WORKDIR_DIR" KWOK_KUBE_VERSION="v$KUBERNETES_VERSION" \
    KWOK_KUBECTL_BINARY="$(tool_dir kubernetes)/kubectl" \
    "$(tool_dir kwok)/kwokctl" "$@" 9>&-
}
kube() { KUBECONFIG="$KUBECONFIG_FILE" "$(tool_dir kubernetes)/kubectl" --request-timeout=10s "$@" 9>&-; }

api_ready() { [ -s "$KUBECONFIG_FILE" ] && [ "$(kube get --raw=/readyz 2>/dev/null)" = ok ]; }
cluster_exists() { [ -f "$KWOK_WORKDIR_DIR/clusters/$CLUSTER/kwok.yaml" ]; }
ready_app_nodes() {
  kube get nodes -l role=app -o jsonpath='{range .items[*]}{range .status.conditions[?(@.type=="Ready")]}{.status}{"\n"}{end}{end}' 2>/dev/null |
    grep -c '^True$' || true
}

node_manifest() {
  local n
  for n in "${NODES[@]}"; do
    cat <<YAML
---
apiVersion: v1
kind: Node
metadata:
  name: $n
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    kwok.x-k8s.io/node: fake
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: $n
    kubernetes.io/os: linux
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
    type: kwok
    role: app
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
  capacity: {cpu: "32", memory: 256Gi, pods: "110"}
  nodeInfo:
    architecture: amd64
    operatingSystem: linux
    kubeletVersion: v$KUBERNETES_VERSION
    kubeProxyVersion: fake
  phase: Running
YAML
  done
}

create_cluster() {
  local k e w
  k=$(tool_dir kubernetes); e=$(tool_dir etcd); w=$(tool_dir kwok)
  log "creating the kwok cluster $CLUSTER (Kubernetes $KUBERNETES_VERSION, binary runtime, local binaries)"
  kwokctl create cluster --name "$CLUSTER" --runtime binary \
    --kube-apiserver-binary "$k/kube-apiserver" \
    --kube-controller-manager-binary "$k/kube-controller-manager" \
    --kube-scheduler-binary "$k/kube-scheduler" \
    --kwok-controller-binary "$w/kwok" \
    --etcd-binary "$e/server" \
    --disable-qps-limits \
    --extra-args kube-apiserver=bind-address=127.0.0.1 \
    --kubeconfig "$KUBECONFIG_FILE" --wait 90s >>"$STATE/kwokctl.log" 2>&1
}

ensure_cluster() {
  local start=$SECONDS
  if ! api_ready; then
    if cluster_exists; then
      # Its processes are gone (a reboot, or CI ending what a session left running).
      # `kwokctl start cluster` does not bring etcd back reliably here, and creating
      # takes seconds: recreate it (the sandbox's cluster holds nothing to keep).
      log "the kwok cluster $CLUSTER exists but does not answer; recreating it"
      kwokctl delete cluster --name "$CLUSTER" --kubeconfig "$KUBECONFIG_FILE" >>"$STATE/kwokctl.log" 2>&1 || true
    fi
    create_cluster || die "kwokctl create cluster failed; see $STATE/kwokctl.log"
    chmod 600 "$KUBECONFIG_FILE"
    wait_for "kube-apiserver" 60 api_ready || die "the API server did not answer /readyz within 60 s; see $STATE/kwokctl.log"
  fi
  if [ "$(ready_app_nodes)" -lt "${#NODES[@]}" ]; then
    node_manifest | kube apply -f - >/dev/null || die "applying the kwok nodes failed"
    wait_for "${#NODES[@]} Ready nodes labelled role=app" 60 nodes_ready ||
      die "the kwok nodes did not become Ready within 60 s; see $KWOK_WORKDIR_DIR/clusters/$CLUSTER/logs"
    echo "$((SECONDS - start))" >"$STATE/cluster-startup-seconds"
    log "cluster ready in $((SECONDS - start))s"
  fi
}
nodes_ready() { [ "$(ready_app_nodes)" -ge "${#NODES[@]}" ]; }

cluster_status() {
  if api_ready; then
    status_line cluster up "$CLUSTER, Kubernetes $(kube version -o json 2>/dev/null | jq -r .serverVersion.gitVersion), $(ready_app_nodes) Ready nodes role=app, KUBECONFIG=$KUBECONFIG_FILE"
  elif cluster_exists; then
    status_line cluster down "$CLUSTER exists but its API does not answer"
  else
    status_line cluster absent "$CLUSTER"
  fi
}

cluster_down() {
  if cluster_exists; then
    log "deleting the kwok cluster $CLUSTER"
    kwokctl delete cluster --name "$CLUSTER" --kubeconfig "$KUBECONFIG_FILE" >>"$STATE/kwokctl.log" 2>&1 ||
      log "kwokctl delete cluster failed; see $STATE/kwokctl.log"
  fi
  rm -f "$KUBECONFIG_FILE"
}

# ---------------------------------------------------------------------------------------
# env / status

sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

env_dirs() {
  local t
  for t in kubernetes kwok helm3 trivy oras act actionlint etcd; do tool_dir "$t"; done
}

print_env() { # MODE: stdout (PATH expanded) | file (PATH prepended at source time)
  local mode=$1 dirs="" d rest=":${PATH}:"
  while read -r d; do
    dirs="${dirs:+$dirs:}$d"
    rest=${rest//:$d:/:}
  done < <(env_dirs)
  rest=${rest#:}; rest=${rest%:}
  local password=""
  [ -r "$STATE/registry/password" ] && password=$(cat "$STATE/registry/password")
  echo "export REGISTRY=$(sq "$REGISTRY")"
  echo "export REGISTRY_USERNAME=$(sq "$REGISTRY_USERNAME")"
  echo "export REGISTRY_PASSWORD=$(sq "$password")"
  echo "export KUBECONFIG=$(sq "$KUBECONFIG_FILE")"
  echo "export K8S_STACK_HELM3=$(sq "$(tool_dir helm3)/helm")"
  echo "export K8S_STACK_HELM4=$(sq "$(tool_dir helm4)/helm")"
  echo "export K8S_STACK_TRIVY=$(sq "$(tool_dir trivy)/trivy")"
  echo "export K8S_STACK_KUBECTL=$(sq "$(tool_dir kubernetes)/kubectl")"
  echo "export K8S_STACK_ORAS=$(sq "$(tool_dir oras)/oras")"
  echo "export K8S_STACK_ACT=$(sq "$(tool_dir act)/act")"
  echo "export K8S_STACK_ACTIONLINT=$(sq "$(tool_dir actionlint)/actionlint")"
  echo "export K8S_STACK_BUILDX=$(sq "$(tool_dir buildx)/buildx")"
  echo "export NODE_IMAGE=$(sq "$NODE_IMAGE")"
  echo "export NGINX_IMAGE=$(sq "$NGINX_IMAGE")"
  echo "export DEBIAN_IMAGE=$(sq "$DEBIAN_IMAGE")"
  if [ "$mode" = file ]; then
    echo "export PATH=$(sq "$dirs")\"\${PATH:+:\$PATH}\""
  else
    echo "export PATH=$(sq "$dirs${rest:+:$rest}")"
  fi
}

write_env_file() {
  (umask 077 && print_env file >"$STATE/env.sh.new")
  mv "$STATE/env.sh.new" "$STATE/env.sh"
}

status_line() { printf '%-12s %-8s %s\n' "$1" "$2" "$3"; }

cmd_status() {
  local owner
  if docker_answers; then
    owner="started before the sandbox"; pidfile_alive "$STATE/dockerd.pid" dockerd && owner="started by sandbox (pid $(cat "$STATE/dockerd.pid"))"
    status_line dockerd up "$owner"
  else
    status_line dockerd down ""
  fi
  if registry_auth_on; then
    owner="not started by the sandbox"; pidfile_alive "$STATE/registry.pid" docker-registry && owner="started by sandbox (pid $(cat "$STATE/registry.pid"))"
    status_line registry up "$REGISTRY, htpasswd auth, $owner"
  else
    status_line registry down "$REGISTRY (HTTP $(registry_code))"
  fi
  local image
  for image in "$DEBIAN_IMAGE" "$NODE_IMAGE" "$NGINX_IMAGE"; do
    if docker_answers && "$DOCKER" image inspect "$image" >/dev/null 2>&1; then
      status_line image present "$image"
    else
      status_line image missing "$image"
    fi
  done
  cluster_status
  local bx; bx="$(tool_dir buildx)/buildx"
  if [ -x "$bx" ]; then
    if [ "$(readlink "$BUILDX_PLUGIN" 2>/dev/null)" = "$bx" ]; then
      status_line buildx linked "$BUILDX_PLUGIN -> $bx"
    else
      status_line buildx built "$bx (not linked as a docker CLI plugin; K8S_STACK_SANDBOX_BUILDX_PLUGIN=1 links it)"
    fi
  else
    status_line buildx missing "$bx"
  fi
}


# ---------------------------------------------------------------------------------------

# step FN: runs FN; with SANDBOX_TIMING=1 logs how long it took.
step() {
  local t0=$EPOCHREALTIME
  "$@"
  [ "${SANDBOX_TIMING:-}" != 1 ] || log "$1: $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2fs", b-a}')"
}

cmd_up() {
  local start=$SECONDS
  exec 9>"$STATE/up.lock"
  flock 9
  step ensure_packages
  step ensure_dockerd
  step ensure_registry
  step ensure_images
  step ensure_tools
  step ensure_buildx_plugin
  step write_env_file
  step ensure_cluster
  log "up in $((SECONDS - start))s"
}

cmd_down() {
  exec 9>"$STATE/up.lock"
  flock 9
  cluster_down
  stop_pidfile docker-registry "$STATE/registry.pid"
  stop_pidfile dockerd "$STATE/dockerd.pid"
  log "down"
}


load_tool_dirs

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) print_env stdout ;;
  *) echo "usage: sandbox.sh up|down|status|env (got: '${1:-}')" >&2; exit 2 ;;
esac
