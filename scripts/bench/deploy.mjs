// Benchmark of actions/deploy against Helm run by hand, in one run, with Helm 3 and Helm 4:
//   - a deploy that changes an image: the action (node dist/index.js, as the runner starts it)
//     against `helm upgrade --install --wait` with the same chart and values; target < 5% overhead;
//   - a no-op: the action with unchanged inputs against helm's own upgrade of an unchanged
//     release (`helm upgrade --install --wait`, same values); target >= 5x faster.
// Rounds alternate action and hand runs on the same release so both do the same work.
// The targets are judged on the project's own k8s/ chart, the thing this action deploys. The
// fixture chart (two tiny Deployments) is measured too: there Helm's unchanged upgrade takes
// 0.3-0.45 s, so a 5x no-op would have to finish in 64-90 ms, and Node alone needs ~60 ms
// before the first line of any script runs; its no-op ratio is reported, not judged.
//   node scripts/bench/deploy.mjs [--rounds N] [--only fixture|k8s] [--kubeconfig FILE]   -> bench-results/deploy.json
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sandboxEnv } from '../lib/sandbox-env.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const rounds = Number(opt('--rounds', '5'))
const chart = path.join(root, '__tests__', 'fixtures', 'deploy', 'charts', 'web')
// --only fixture|k8s: one of the two charts.
const only = opt('--only')

function timed(file, argv, env, input) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(file, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    child.on('error', reject)
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== 0)
        reject(
          new Error(
            `${path.basename(file)} ${argv[0] ?? ''} exited ${code}:\n${out.split('\n').slice(-15).join('\n')}`
          )
        )
      else resolve({ ms, out })
    })
    child.stdin.end(input ?? '')
  })
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const digest = n => `sha256:${n.toString(16).padStart(64, '0')}`

// --kubeconfig FILE: another cluster than the sandbox's (tool paths still from the sandbox env).
const env = opt('--kubeconfig')
  ? { ...sandboxEnv({ up: false }), KUBECONFIG: path.resolve(opt('--kubeconfig')) }
  : sandboxEnv()
const baseEnv = { ...process.env, PATH: env.PATH, KUBECONFIG: env.KUBECONFIG }
const kubeconfig = readFileSync(env.KUBECONFIG, 'utf8')
const results = {
  date: new Date().toISOString(),
  rounds,
  loadAverage: os.loadavg().map(n => Number(n.toFixed(1))),
  charts: {}
}
let counter = 1

// The fixture chart (two small Deployments), and the project's own k8s/ chart with its
// namespaces renamed so the benchmark never touches another test's objects.
const charts = [
  { name: 'fixture', dir: chart, apps: ['web'], set: [] },
  {
    name: 'k8s',
    dir: path.join(root, 'k8s'),
    apps: ['backend', 'frontend'],
    set: ['frontend', 'backend', 'ingress', 'monitoring'].map(
      ns => `namespaces.${ns}.name=bench-${ns}`
    )
  }
].filter(c => !only || c.name === only)

for (const c of charts) {
  results.charts[c.name] = { chart: path.relative(root, c.dir), judged: c.name === 'k8s' }
  for (const major of [3, 4]) {
    const helm = major === 3 ? env.K8S_STACK_HELM3 : env.K8S_STACK_HELM4
    const namespace = 'bench-deploy'
    const release = `bench-${c.name}`
    const repo = app => `127.0.0.1:5000/bench/${app}`
    // Round n changes the first app's digest; the others stay.
    const digests = n => c.apps.map((app, i) => [app, digest(i === 0 ? n : 1)])
    const cleanup = () => {
      try {
        execFileSync(
          helm,
          [
            'uninstall',
            release,
            '--namespace',
            namespace,
            '--kubeconfig',
            env.KUBECONFIG,
            '--wait'
          ],
          { env: baseEnv, stdio: 'ignore' }
        )
      } catch {
        // not installed
      }
    }
    cleanup()
    // The action: as the runner starts it, a fresh node process with INPUT_* and command files.
    const action = async n => {
      const dir = mkdtempSync(path.join(tmpdir(), 'bench-deploy-'))
      const files = Object.fromEntries(
        ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'].map(k => [k, path.join(dir, k)])
      )
      for (const f of Object.values(files)) writeFileSync(f, '')
      const inputs = {
        INPUT_CHART: c.dir,
        INPUT_RELEASE: release,
        INPUT_NAMESPACE: namespace,
        INPUT_IMAGES: digests(n)
          .map(([app, d]) => `${app}=${repo(app)}@${d}`)
          .join('\n'),
        INPUT_SET: c.set.join('\n'),
        INPUT_KUBECONFIG: kubeconfig,
        INPUT_HELM: helm,
        INPUT_TIMEOUT: '120s',
        // Same flags as the hand run: --wait, no rollback flag.
        INPUT_ATOMIC: 'false',
        INPUT_WAIT: 'true'
      }
      const run = await timed(
        process.execPath,
        [path.join(root, 'actions', 'deploy', 'dist', 'index.js')],
        { ...baseEnv, ...files, RUNNER_TEMP: dir, ...inputs }
      )
      const outputs = readFileSync(files.GITHUB_OUTPUT, 'utf8')
      const changed =
        /changed<<[^\n]*\n(true|false)/.exec(outputs)?.[1] ??
        /changed=(true|false)/.exec(outputs)?.[1]
      return { ms: run.ms, changed }
    }
    const byHand = n =>
      timed(
        helm,
        [
          'upgrade',
          release,
          c.dir,
          '--install',
          '--namespace',
          namespace,
          '--create-namespace',
          '--kubeconfig',
          env.KUBECONFIG,
          '--wait',
          '--timeout',
          '120s',
          ...c.set.flatMap(v => ['--set', v]),
          ...digests(n).flatMap(([app, d]) => [
            '--set-string',
            `${app}.image.repository=${repo(app)}`,
            '--set-string',
            `${app}.image.digest=${d}`
          ])
        ],
        baseEnv
      )

    // Warm-up: first install (and caches) outside the measurements.
    await action(counter++)
    const deploys = { action: [], helm: [] }
    const noops = { action: [], helm: [] }
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always follows the other's rollout.
      const order = i % 2 ? ['helm', 'action'] : ['action', 'helm']
      for (const who of order) {
        const n = counter++
        if (who === 'action') {
          const r = await action(n)
          if (r.changed !== 'true')
            throw new Error(`the action did not deploy digest ${n} (changed=${r.changed})`)
          deploys.action.push(r.ms)
        } else {
          deploys.helm.push((await byHand(n)).ms)
        }
      }
      // No-op: the action with what the action deployed last, then helm with what is deployed.
      const n = counter++
      await action(n)
      const noop = await action(n)
      if (noop.changed !== 'false')
        throw new Error(`the repeated action deploy was not a no-op (changed=${noop.changed})`)
      noops.action.push(noop.ms)
      noops.helm.push((await byHand(n)).ms)
    }
    const deployOverhead = (median(deploys.action) - median(deploys.helm)) / median(deploys.helm)
    const noopSpeedup = median(noops.helm) / median(noops.action)
    const r = {
      deploy: {
        actionMs: deploys.action.map(Math.round),
        helmMs: deploys.helm.map(Math.round),
        actionMedianMs: Math.round(median(deploys.action)),
        helmMedianMs: Math.round(median(deploys.helm)),
        overheadMs: Math.round(median(deploys.action) - median(deploys.helm)),
        overheadPercent: Number((deployOverhead * 100).toFixed(1)),
        target: 'overhead < 5%',
        pass: deployOverhead < 0.05
      },
      noop: {
        actionMs: noops.action.map(Math.round),
        helmMs: noops.helm.map(Math.round),
        actionMedianMs: Math.round(median(noops.action)),
        helmMedianMs: Math.round(median(noops.helm)),
        speedup: Number(noopSpeedup.toFixed(1)),
        target: 'no-op at least 5x faster than helm upgrade of an unchanged release',
        pass: noopSpeedup >= 5
      }
    }
    results.charts[c.name][`helm${major}`] = r
    console.log(`${c.name} helm ${major}:`, JSON.stringify(r))
    cleanup()
  }
}

// The k8s chart keeps its namespaces on uninstall (by design): remove what the benchmark made.
const kubectl = env.K8S_STACK_KUBECTL || 'kubectl'
for (const ns of [
  'bench-deploy',
  'bench-frontend',
  'bench-backend',
  'bench-ingress',
  'bench-monitoring'
]) {
  execFileSync(
    kubectl,
    [
      'delete',
      'namespace',
      ns,
      '--ignore-not-found',
      '--wait=false',
      '--kubeconfig',
      env.KUBECONFIG
    ],
    { env: baseEnv, stdio: 'ignore' }
  )
}

mkdirSync(path.join(root, 'bench-results'), { recursive: true })
writeFileSync(
  path.join(root, 'bench-results', 'deploy.json'),
  `${JSON.stringify(results, null, 2)}\n`
)
console.log(`wrote bench-results/deploy.json`)
const failed = Object.entries(results.charts)
  .filter(([, byHelm]) => byHelm.judged)
  .flatMap(([c, byHelm]) =>
    Object.entries(byHelm)
      .filter(([h]) => h.startsWith('helm'))
      .flatMap(([h, r]) => [
        ...(r.deploy.pass ? [] : [`${c} ${h} deploy overhead ${r.deploy.overheadPercent}%`]),
        ...(r.noop.pass ? [] : [`${c} ${h} no-op speedup ${r.noop.speedup}x`])
      ])
  )
if (failed.length) {
  console.error(`targets missed: ${failed.join(', ')}`)
  process.exitCode = 1
}
