// Benchmark of actions/verify's rollout watch against `kubectl rollout status`, in one run:
// both start at the same moment on a Deployment whose pods wait for a node (a nodeSelector
// no node has yet); a kwok node is then labelled so the pods are scheduled and kwok marks
// them Ready. Each tool is timed from the moment the last pod becomes Ready (seen by a
// `kubectl get pods --watch` started beforehand) to the moment it reports success (the
// process exits 0). The Deployment controller's own status write comes in between, so the
// time it took is recorded too. Targets: the action no slower than kubectl, and < 1 s.
//   node scripts/bench/verify.mjs [--rounds N] [--replicas N]   -> bench-results/verify.json
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sandboxEnv } from '../lib/sandbox-env.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const rounds = Number(opt('--rounds', '5'))
const replicas = Number(opt('--replicas', '3'))
const NS = `verify-bench-${process.pid}`

const env = { ...process.env, ...sandboxEnv() }
const kubectl = env.K8S_STACK_KUBECTL
if (!kubectl) throw new Error('sandbox env has no K8S_STACK_KUBECTL')
const now = () => Number(process.hrtime.bigint()) / 1e6
const k = (argv, input) => execFileSync(kubectl, argv, { env, input, encoding: 'utf8' })

const BENCH_LABEL = 'k8s-stack.test/verify-bench'

// A fresh Deployment per round: no old ReplicaSet whose pods the controller must remove.
const nameOf = round => `bench-${round}`

function deployment(round) {
  const NAME = nameOf(round)
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: NAME,
      namespace: NS,
      labels: { 'app.kubernetes.io/instance': 'verify-bench' }
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: NAME } },
      template: {
        metadata: { labels: { app: NAME }, annotations: { round: String(round) } },
        spec: {
          nodeSelector: { [BENCH_LABEL]: `round-${round}` },
          containers: [{ name: 'app', image: 'bench:1' }]
        }
      }
    }
  })
}

/** Starts a process; resolves `exited` with the time it exited (code 0) and its output. */
function start(file, argv, extraEnv = {}) {
  const child = spawn(file, argv, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const listeners = []
  const onData = d => {
    out += d
    for (const l of listeners) l(out)
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const exited = new Promise((resolve, reject) =>
    child.on('close', code =>
      code === 0
        ? resolve({ at: now(), out })
        : reject(
            new Error(
              `${path.basename(file)} exited ${code}:\n${out.split('\n').slice(-20).join('\n')}`
            )
          )
    )
  )
  const waitFor = pattern =>
    new Promise(resolve => {
      if (pattern.test(out)) return resolve()
      listeners.push(text => pattern.test(text) && resolve())
    })
  return { child, exited, waitFor }
}

async function round(i) {
  const NAME = nameOf(i)
  if (i > 0) k(['delete', 'deployment', nameOf(i - 1), '-n', NS, '--wait=true'])
  // A Deployment that cannot become ready yet: no node has its label.
  k(['label', 'node', node, `${BENCH_LABEL}-`])
  k(['apply', '--server-side', '--field-manager', 'verify-bench', '-f', '-'], deployment(i))
  k(['rollout', 'status', `deployment/${NAME}`, '-n', NS, '--watch=false'])

  // Pod readiness as the API server reports it, watched from before the fix.
  const pods = start(kubectl, [
    'get',
    'pods',
    '-n',
    NS,
    '-l',
    `app=${NAME}`,
    '--watch',
    '-o',
    'jsonpath={.metadata.name} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}'
  ])
  const ready = new Set()
  let lastReadyAt
  const allReady = new Promise(resolve => {
    let buffered = ''
    pods.child.stdout.on('data', d => {
      buffered += d
      const lines = buffered.split('\n')
      buffered = lines.pop()
      for (const line of lines) {
        const [name, status] = line.trim().split(' ')
        if (status === 'True' && !ready.has(name)) {
          ready.add(name)
          if (ready.size === replicas) {
            lastReadyAt = now()
            resolve()
          }
        }
      }
    })
  })

  // The Deployment's own status, to tell control-plane lag from the tools' latency.
  const deploys = start(kubectl, [
    'get',
    'deployment',
    NAME,
    '-n',
    NS,
    '--watch',
    '-o',
    'jsonpath={.status.updatedReplicas} {.status.availableReplicas} {.status.replicas}{"\\n"}'
  ])
  let deploymentReadyAt
  deploys.child.stdout.on('data', d => {
    for (const line of String(d).split('\n')) {
      const [updated, available, total] = line.trim().split(' ').map(Number)
      if (
        deploymentReadyAt === undefined &&
        lastReadyAt !== undefined &&
        updated === replicas &&
        available === replicas &&
        total === replicas
      )
        deploymentReadyAt = now()
    }
  })
  deploys.exited.catch(() => undefined)

  const workdir = mkdtempSync(path.join(tmpdir(), 'verify-bench-'))
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'].map(n => [n, path.join(workdir, n)])
  )
  for (const f of Object.values(files)) writeFileSync(f, '')
  const action = start(
    process.execPath,
    [path.join(root, 'actions', 'verify', 'dist', 'index.js')],
    {
      ...files,
      RUNNER_TEMP: workdir,
      INPUT_WORKLOADS: `deployment/${NS}/${NAME}`,
      INPUT_TIMEOUT: '3m',
      'INPUT_CHECKLIST-DEFAULT': 'off'
    }
  )
  const rollout = start(kubectl, [
    'rollout',
    'status',
    `deployment/${NAME}`,
    '-n',
    NS,
    '--timeout',
    '3m'
  ])
  // Both are watching once each has printed that it waits.
  await Promise.all([action.waitFor(/available|updated|observed/), rollout.waitFor(/Waiting/)])

  k(['label', 'node', node, `${BENCH_LABEL}=round-${i}`, '--overwrite'])
  let reportedAt
  action.waitFor(/All \d+ workloads ready/).then(() => (reportedAt = now()))
  const [actionDone, kubectlDone] = await Promise.all([action.exited, rollout.exited, allReady])
  pods.exited.catch(() => undefined)
  pods.child.kill()
  deploys.child.kill()
  const actionMs = actionDone.at - lastReadyAt
  const kubectlMs = kubectlDone.at - lastReadyAt
  const reportedMs = reportedAt - lastReadyAt
  const statusMs = deploymentReadyAt - lastReadyAt
  console.log(
    `round ${i + 1}: last pod ready -> Deployment status available ${statusMs.toFixed(0)} ms, action logs ready ${reportedMs.toFixed(0)} ms, action exits ${actionMs.toFixed(0)} ms; kubectl rollout status exits ${kubectlMs.toFixed(0)} ms`
  )
  return { actionMs, kubectlMs, reportedMs, statusMs }
}

const node = k([
  'get',
  'nodes',
  '-l',
  'role=app',
  '-o',
  'jsonpath={.items[0].metadata.name}'
]).trim()
if (!node) throw new Error('the sandbox has no node labelled role=app')
execFileSync(kubectl, ['apply', '-f', '-'], {
  env,
  input: k(['create', 'namespace', NS, '--dry-run=client', '-o', 'yaml'])
})
const results = []
try {
  for (let i = 0; i < rounds; i++) results.push(await round(i))
} finally {
  execFileSync(kubectl, ['delete', 'namespace', NS, '--wait=false'], { env, stdio: 'ignore' })
  execFileSync(kubectl, ['label', 'node', node, `${BENCH_LABEL}-`], { env, stdio: 'ignore' })
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const action = results.map(r => r.actionMs)
const kube = results.map(r => r.kubectlMs)
const summary = {
  benchmark: 'verify: last pod Ready -> success reported (process exit)',
  kubectl: execFileSync(kubectl, ['version', '--client', '-o', 'json'], {
    env,
    encoding: 'utf8'
  }).match(/"gitVersion":\s*"([^"]+)"/)?.[1],
  replicas,
  rounds,
  actionMs: {
    median: Math.round(median(action)),
    max: Math.round(Math.max(...action)),
    all: action.map(Math.round)
  },
  kubectlMs: {
    median: Math.round(median(kube)),
    max: Math.round(Math.max(...kube)),
    all: kube.map(Math.round)
  },
  // When the Deployment's status said available (the controller's write), for context.
  deploymentStatusMs: { all: results.map(r => Math.round(r.statusMs)) },
  targets: {
    noSlowerThanKubectl: median(action) <= median(kube),
    underOneSecond: Math.max(...action) < 1000
  }
}
mkdirSync(path.join(root, 'bench-results'), { recursive: true })
writeFileSync(
  path.join(root, 'bench-results', 'verify.json'),
  JSON.stringify(summary, null, 2) + '\n'
)
console.log(JSON.stringify(summary, null, 2))
if (!summary.targets.noSlowerThanKubectl || !summary.targets.underOneSecond) process.exitCode = 1
