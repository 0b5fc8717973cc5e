// Cold start and bundle size of every action's dist, written to bench-results/actions.json.
// Cold start: process start to the first line the action logs (median of several runs).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 9)

function firstLine(entry, args = [entry]) {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_'))
    )
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, {
      env: { ...env, GITHUB_OUTPUT: '', GITHUB_STATE: '' }
    })
    let done = false
    const onData = () => {
      if (done) return
      done = true
      resolve(Number(process.hrtime.bigint() - started) / 1e6)
      child.kill()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('close', () => done || reject(new Error(`${entry} printed nothing`)))
  })
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
// Node's own start, for scale: on a loaded machine everything is slower, the action's share is not.
const baselineTimes = []
for (let i = 0; i < RUNS; i++)
  baselineTimes.push(await firstLine('node -e', ['-e', 'console.log(1)']))
const nodeBaselineMs = Math.round(median(baselineTimes) * 10) / 10
const results = {}
for (const name of readdirSync(path.join(root, 'actions'))) {
  const entry = path.join(root, 'actions', name, 'dist', 'index.js')
  if (!existsSync(entry)) continue
  const times = []
  for (let i = 0; i < RUNS; i++) times.push(await firstLine(entry))
  results[name] = {
    coldStartMs: Math.round(median(times) * 10) / 10,
    coldStartRunsMs: times.map(t => Math.round(t)),
    overNodeBaselineMs: Math.round((median(times) - nodeBaselineMs) * 10) / 10,
    bundleBytes: statSync(entry).size,
    targets: { coldStartMs: 200, bundleBytes: 2 * 1024 * 1024 }
  }
  results[name].meetsTargets =
    results[name].coldStartMs < 200 && results[name].bundleBytes < 2 * 1024 * 1024
}
mkdirSync(path.join(root, 'bench-results'), { recursive: true })
const out = path.join(root, 'bench-results', 'actions.json')
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      runs: RUNS,
      nodeBaselineMs,
      actions: results
    },
    null,
    2
  ) + '\n'
)
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(10)} cold start ${String(r.coldStartMs).padStart(6)} ms   bundle ${(r.bundleBytes / 1024).toFixed(0).padStart(5)} KiB   ${r.meetsTargets ? 'ok' : 'OVER TARGET'}`
  )
}
console.log(`node itself: ${nodeBaselineMs} ms to its first line`)
console.log(`wrote ${path.relative(root, out)}`)
