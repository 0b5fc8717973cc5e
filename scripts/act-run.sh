#!/usr/bin/env bash
# Runs a workflow through act (nektos/act, pinned, built by sandbox/tools.sh) on this host
# against the local sandbox, the way `npm run local` and the pipeline tests do.
#   scripts/act-run.sh [options] [-- extra act args]
#     --workdir DIR      the repository act runs (default: this checkout)
#     --workflow FILE    workflow file, relative to DIR (default .github/workflows/deploy.yml)
#     --event NAME       event to trigger (default workflow_dispatch)
#     --var K=V          a repository variable (repeatable; the sandbox defaults come first)
#     --secret K=V       a secret (repeatable; the sandbox's registry credentials and
#                        kubeconfig are always given)
#     --run-id N         github.run_id (default: a fresh one per run)
#
# How it resolves what act cannot clone here:
# - k8s-stack/k8s-stack/<path>@v1 (the reusable workflow and its actions) -> a lean copy of
#   this checkout's action tree (action.yml files, actions/*/dist, .github/workflows): what
#   a v1 tag ships, without node_modules or .git, and with each bundle as a symlink into this
#   checkout, so act's copy of the tree into every step stays tiny.
# - actions/checkout of the repository being run: act never clones it; it copies the local
#   working tree (tracked and untracked files, .gitignore respected) into the job's
#   workspace.
# - other third-party actions (SARIF upload): GitHub-only steps, skipped under act with
#   `if: !env.ACT`. act still resolves every `uses:` before it looks at `if:`, so each one
#   gets a generated stand-in that fails loudly if it ever runs. No third-party code is
#   copied.
# Secrets are passed in a 0600 file, never on act's command line.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CACHE_ROOT="${K8S_STACK_CACHE:-$HOME/.cache/k8s-stack}"
ACT_HOME="$CACHE_ROOT/act"
OWN_REPO=k8s-stack/k8s-stack

workdir=$ROOT workflow=.github/workflows/deploy.yml event=workflow_dispatch run_id=""
vars=() secrets=() extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --workdir) workdir=$(cd "${2:?--workdir needs a directory}" && pwd); shift 2 ;;
    --workflow) workflow=${2:?--workflow needs a file}; shift 2 ;;
    --event) event=${2:?--event needs a name}; shift 2 ;;
    --var) vars+=("${2:?--var needs K=V}"); shift 2 ;;
    --secret) secrets+=("${2:?--secret needs K=V}"); shift 2 ;;
    --run-id) run_id=${2:?--run-id needs a number}; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "act-run.sh: unknown argument '$1' (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -f "$workdir/$workflow" ] || { echo "act-run.sh: no workflow $workdir/$workflow" >&2; exit 2; }

log() { printf '[act-run] %s\n' "$*" >&2; }

# 1. The sandbox's environment: registry, credentials, kubeconfig, tool paths on PATH.
eval "$(bash "$ROOT/sandbox/sandbox.sh" env)"
: "${REGISTRY:?sandbox env has no REGISTRY}" "${KUBECONFIG:?sandbox env has no KUBECONFIG}"

# 2. act and the tools the actions find on PATH (nothing may be downloaded here): built by
# sandbox/tools.sh when missing; when another process is building one, wait for it.
ensure_tool() { # NAME BINARY
  local dir; dir=$(bash "$ROOT/sandbox/tools.sh" path "$1")
  local i=0
  while [ ! -x "$dir/$2" ] && [ -d "$dir.partial" ] && [ $i -lt 1800 ]; do
    [ $i -eq 0 ] && log "waiting for the $1 build in progress ($dir.partial)"
    sleep 2; i=$((i + 2))
  done
  [ -x "$dir/$2" ] || bash "$ROOT/sandbox/tools.sh" "$1" >&2
  [ -x "$dir/$2" ] || { echo "act-run.sh: $1 is missing ($dir/$2)" >&2; exit 1; }
  case ":$PATH:" in *":$dir:"*) ;; *) PATH="$dir:$PATH" ;; esac
}
ensure_tool trivy trivy
ensure_tool helm3 helm
ensure_tool kubernetes kubectl
ensure_tool act act
act_bin="$(bash "$ROOT/sandbox/tools.sh" path act)/act"
export PATH

mkdir -p "$ACT_HOME"
chmod 700 "$ACT_HOME"
run_dir=$(mktemp -d "$ACT_HOME/run.XXXXXX")
trap 'rm -rf "$run_dir"' EXIT

# 3. The action tree that k8s-stack/k8s-stack@v1 resolves to.
tree="$run_dir/k8s-stack"
mkdir -p "$tree"
(
  cd "$ROOT"
  for f in action.yml */action.yml actions/*/action.yml; do
    [ -f "$f" ] && mkdir -p "$tree/$(dirname "$f")" && cp "$f" "$tree/$f"
  done
  # Bundles as absolute symlinks: act copies the whole tree into every step it runs, and a
  # symlink is copied as a symlink (node follows it to the bundle in this checkout).
  for d in actions/*/dist; do
    mkdir -p "$tree/$d"
    for f in "$d"/*; do
      case "$f" in *.js) ln -s "$ROOT/$f" "$tree/$f" ;; *) cp "$f" "$tree/$f" ;; esac
    done
  done
  # An action whose dist/ is not built yet (work in progress): bundle it into the copy only.
  for src in actions/*/src/index.ts; do
    name=$(basename "$(dirname "$(dirname "$src")")")
    [ -f "actions/$name/dist/index.js" ] && continue
    log "actions/$name/dist is missing: bundling it for this run only"
    node node_modules/@vercel/ncc/dist/ncc/cli.js build "$src" --out "$tree/actions/$name/dist" \
      --license licenses.txt --quiet --target es2022 --transpile-only >&2
  done
  mkdir -p "$tree/.github/workflows" && cp .github/workflows/*.yml "$tree/.github/workflows/"
)
repos=(--local-repository "$OWN_REPO@v1=$tree")

# 4. Stand-ins for the GitHub-only third-party actions (see the header).
stubs="$run_dir/stubs"
while read -r uses; do
  [ -n "$uses" ] || continue
  repo_path=${uses%@*} ref=${uses##*@}
  owner=${repo_path%%/*} rest=${repo_path#*/}
  repo=${rest%%/*} sub=""
  [ "$rest" != "$repo" ] && sub=${rest#*/}
  case "$owner/$repo" in actions/checkout | "$OWN_REPO") continue ;; esac
  dir="$stubs/$owner-$repo-$ref"
  mkdir -p "$dir/$sub"
  cat >"$dir/$sub/action.yml" <<YAML
name: 'act stand-in for $owner/$repo${sub:+/$sub}'
description: 'Generated by scripts/act-run.sh: this step needs GitHub and must be skipped under act (if: !env.ACT).'
runs:
  using: 'node20'
  main: 'stand-in.js'
YAML
  printf '%s\n' "console.log('::error::$owner/$repo${sub:+/$sub} is GitHub-only and must be skipped under act (if: \${{ !env.ACT }}); scripts/act-run.sh gave it this stand-in.')" 'process.exit(1)' >"$dir/$sub/stand-in.js"
  repos+=(--local-repository "$owner/$repo@$ref=$dir")
done < <(cd "$workdir" && cat "$workflow" "$tree"/.github/workflows/*.yml | sed -n 's/^[[:space:]-]*uses:[[:space:]]*\([^[:space:]#]*@[^[:space:]#]*\).*/\1/p' | grep -v '^\./' | sort -u)

# 5. The fixture Trivy DB, pushed once to the sandbox registry as the DB mirror.
trivy_db="$REGISTRY/k8s-stack/trivy-db:2"
if ! curl -sf -o /dev/null -u "$REGISTRY_USERNAME:$REGISTRY_PASSWORD" \
  -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$REGISTRY/v2/k8s-stack/trivy-db/manifests/2"; then
  log "pushing the fixture Trivy DB to $trivy_db"
  bash "$ROOT/test/trivy-db/push-db.sh" "$trivy_db" >&2
fi

# 6. Variables and secrets.
{
  printf 'K8S_STACK_REGISTRY=%s\n' "$REGISTRY"
  printf 'K8S_STACK_REGISTRY_USERNAME=%s\n' "$REGISTRY_USERNAME"
  printf 'K8S_STACK_TRIVY_DB_USERNAME=%s\n' "$REGISTRY_USERNAME"
  printf 'K8S_STACK_IMAGE_PREFIX=k8s-stack\n'
  printf 'K8S_STACK_BUILD_ARGS="NODE_IMAGE=%s\\nNGINX_IMAGE=%s"\n' "${NODE_IMAGE:-k8s-stack/node:20}" "${NGINX_IMAGE:-k8s-stack/nginx:1}"
  printf 'K8S_STACK_ENVIRONMENT=sandbox\n'
  printf 'K8S_STACK_VALUES_FILES=%s\n' "${K8S_STACK_VALUES_FILES:-}"
  printf 'K8S_STACK_TRIVY_DB=%s\n' "$trivy_db"
  printf 'K8S_STACK_TRIVY_OFFLINE=true\n'
  for v in "${vars[@]}"; do printf '%s\n' "$v"; done
} >"$run_dir/vars"
(umask 077 && {
  # Usernames go as variables: they are not secret, and act would mask them everywhere.
  printf 'REGISTRY_PASSWORD=%s\n' "$REGISTRY_PASSWORD"
  printf 'TRIVY_DB_PASSWORD=%s\n' "$REGISTRY_PASSWORD"
  # base64: one line in the secrets file; the deploy and verify actions accept it.
  if [ -f "$KUBECONFIG" ]; then printf 'KUBECONFIG=%s\n' "$(base64 -w0 <"$KUBECONFIG")"; fi
  for s in "${secrets[@]}"; do printf '%s\n' "$s"; done
} >"$run_dir/secrets")

# 7. act: every job on this host (no runner image can be pulled), offline.
run_id=${run_id:-$(date +%s%N | cut -c1-13)}
log "act $event -W $workflow in $workdir (run $run_id)"
cd "$workdir"
set +e
"$act_bin" "$event" \
  -W "$workflow" \
  -P ubuntu-latest=-self-hosted \
  --action-offline-mode \
  "${repos[@]}" \
  --secret-file "$run_dir/secrets" \
  --var-file "$run_dir/vars" \
  --env "GITHUB_RUN_ID=$run_id" \
  --no-cache-server \
  "${extra[@]}"
status=$?
set -e
exit $status
