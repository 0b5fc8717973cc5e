// Benchmark: the whole local pipeline (the caller example through act) against the same
// steps run by hand as plain commands, in one run, both warm and both shipping a real
// change (a new APP_VERSION build arg, so new images, digests and a real upgrade):
//   by hand: docker build, trivy image + trivy config (each Dockerfile, the chart),
//            docker push, curl (the pushed digest), helm upgrade --install --wait,
//            kubectl rollout status
//   pipeline: scripts/act-run.sh (build, scan, push, digests, deploy, verify)
//   no-op rerun: the pipeline again with nothing changed (same digests: deploy no-op)
// Targets: pipeline overhead < 10 %; no-op rerun at least 3x faster than the hand run.
//   node scripts/bench/pipeline.mjs      -> bench-results/pipeline.json
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const APPS = [
  { name: 'backend', context: 'apps/backend', dockerfile: 'apps/backend/Dockerfile' },
  { name: 'frontend', context: 'apps/frontend', dockerfile: 'apps/frontend/Dockerfile' }
]
const RELEASE = 'k8s-stack'
const NAMESPACE = 'k8s-stack'
const VALUES = 'k8s/values-production.yaml'
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5)

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function parseEnv(text) {
  const env = {}
  for (const line of text.split('\n')) {
    const m = /^export ([A-Za-z_][A-Za-z0-9_]*)='(.*)'$/.exec(line.trim())
    if (m) env[m[1]] = m[2].replace(/'\\''/g, "'")
  }
  return env
}

/** Where the hand-run commands run: the caller repository once it is cloned. */
let workdir = root

function run(cmd, args, { env = {}, input, quiet = true, cwd = workdir } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', d => {
      out += d
      if (!quiet) process.stderr.write(d)
    })
    child.stderr.on('data', d => {
      out += d
      if (!quiet) process.stderr.write(d)
    })
    child.on('error', reject)
    child.on('close', code =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${cmd} ${args.slice(0, 3).join(' ')} failed (${code}):\n${[...out.split('\n').filter(l => /❌|❗|::error::/.test(l)), '...', ...out.split('\n').slice(-10)].join('\n')}`
            )
          )
    )
    child.stdin.end(input ?? '')
  })
}

async function timed(label, fn) {
  const start = process.hrtime.bigint()
  await fn()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  console.error(`[bench] ${label}: ${(ms / 1000).toFixed(1)} s`)
  return ms
}

function commitTime(cwd) {
  return execFileSync('git', ['log', '-1', '--format=%cI'], { cwd, encoding: 'utf8' }).trim()
}

async function main() {
  execFileSync('bash', [path.join(root, 'sandbox', 'sandbox.sh'), 'up'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  const env = parseEnv(
    execFileSync('bash', [path.join(root, 'sandbox', 'sandbox.sh'), 'env'], { encoding: 'utf8' })
  )
  const toolEnv = { ...env, PATH: env.PATH }
  const docker = '/usr/bin/docker'
  const trivy = env.K8S_STACK_TRIVY
  const helm = env.K8S_STACK_HELM3
  const kubectl = env.K8S_STACK_KUBECTL
  const baseArgs = [`NODE_IMAGE=${env.NODE_IMAGE}`, `NGINX_IMAGE=${env.NGINX_IMAGE}`]
  const trivyDb = `${env.REGISTRY}/k8s-stack/trivy-db:2`
  // Both sides work on the same caller repository, a fresh clone of HEAD as CI checks it
  // out (packed objects, no node_modules), so neither pays for this working tree's clutter.
  const caller = mkdtempSync(path.join(tmpdir(), 'k8s-stack-bench-'))
  execFileSync('git', ['clone', '-q', '--no-local', root, caller])
  workdir = caller
  const actRun = (version, runId) =>
    run(
      'bash',
      [
        path.join(root, 'scripts', 'act-run.sh'),
        '--workdir',
        caller,
        '--run-id',
        runId,
        '--var',
        `K8S_STACK_BUILD_ARGS="${[...baseArgs, `APP_VERSION=${version}`].join('\\n')}"`
      ],
      { env: toolEnv }
    )

  // Warm-up: caches (build layers, trivy DB and analysis cache, act) and the release exist.
  const stamp = Date.now()
  await timed('warm-up pipeline run', () => actRun(`bench-warm-${stamp}`, `${stamp}0`))

  // By hand: the same steps as plain commands, one after another.
  const handRun = async round => {
    const handVersion = `bench-hand-${stamp}-${round}`
    const handTag = `hand-${stamp}-${round}`
    const trivyCommon = [
      '--cache-dir',
      path.join(process.env.HOME, '.cache', 'trivy'),
      '--skip-version-check',
      '--disable-telemetry',
      '--quiet'
    ]
    return timed(`by hand (round ${round})`, async () => {
      const created = commitTime(caller)
      for (const app of APPS) {
        const image = `${env.REGISTRY}/k8s-stack/${app.name}:${handTag}`
        await run(
          docker,
          [
            'build',
            '-f',
            app.dockerfile,
            ...[...baseArgs, `APP_VERSION=${handVersion}`].flatMap(a => ['--build-arg', a]),
            '--label',
            `org.opencontainers.image.created=${created}`,
            '-t',
            image,
            app.context
          ],
          {
            env: { ...toolEnv, DOCKER_BUILDKIT: '1' }
          }
        )
        await run(
          trivy,
          [
            'image',
            ...trivyCommon,
            '--db-repository',
            trivyDb,
            '--skip-java-db-update',
            '--offline-scan',
            '--severity',
            'HIGH,CRITICAL',
            '--exit-code',
            '1',
            '--format',
            'json',
            '--output',
            '/dev/null',
            image
          ],
          {
            env: {
              ...toolEnv,
              TRIVY_USERNAME: env.REGISTRY_USERNAME,
              TRIVY_PASSWORD: env.REGISTRY_PASSWORD
            }
          }
        )
        await run(
          trivy,
          [
            'config',
            ...trivyCommon,
            '--skip-check-update',
            '--severity',
            'HIGH,CRITICAL',
            '--exit-code',
            '1',
            '--format',
            'json',
            '--output',
            '/dev/null',
            app.dockerfile
          ],
          { env: toolEnv }
        )
      }
      await run(
        trivy,
        [
          'config',
          ...trivyCommon,
          '--skip-check-update',
          '--severity',
          'HIGH,CRITICAL',
          '--exit-code',
          '1',
          '--format',
          'json',
          '--output',
          '/dev/null',
          'k8s'
        ],
        { env: toolEnv }
      )
      await run(
        docker,
        ['login', '--username', env.REGISTRY_USERNAME, '--password-stdin', env.REGISTRY],
        { input: env.REGISTRY_PASSWORD }
      )
      const sets = []
      for (const app of APPS) {
        await run(docker, ['push', `${env.REGISTRY}/k8s-stack/${app.name}:${handTag}`])
        const headers = await run('curl', [
          '-sfI',
          '-u',
          `${env.REGISTRY_USERNAME}:${env.REGISTRY_PASSWORD}`,
          '-H',
          'Accept: application/vnd.docker.distribution.manifest.v2+json',
          `http://${env.REGISTRY}/v2/k8s-stack/${app.name}/manifests/${handTag}`
        ])
        const digest = /docker-content-digest:\s*(sha256:[a-f0-9]{64})/i.exec(headers)?.[1]
        if (!digest) throw new Error(`no digest for ${app.name}`)
        sets.push(
          `${app.name}.image.repository=${env.REGISTRY}/k8s-stack/${app.name}`,
          `${app.name}.image.digest=${digest}`
        )
      }
      await run(
        helm,
        [
          'upgrade',
          '--install',
          RELEASE,
          'k8s',
          '-n',
          NAMESPACE,
          '--create-namespace',
          '-f',
          VALUES,
          '--wait',
          '--timeout',
          '5m',
          ...sets.flatMap(s => ['--set-string', s])
        ],
        { env: toolEnv }
      )
      const deployments = JSON.parse(
        await run(
          kubectl,
          ['get', 'deployments', '-A', '-l', `app.kubernetes.io/instance=${RELEASE}`, '-o', 'json'],
          { env: toolEnv }
        )
      ).items
      for (const d of deployments) {
        await run(
          kubectl,
          [
            'rollout',
            'status',
            `deployment/${d.metadata.name}`,
            '-n',
            d.metadata.namespace,
            '--timeout',
            '5m'
          ],
          { env: toolEnv }
        )
      }
    })
  }

  // Rounds alternate the two, so load from anything else on the machine hits both alike;
  // each figure is the median of its rounds. Each pipeline round ships a new APP_VERSION
  // (a real change) and is followed by a rerun with nothing changed (the no-op).
  const hands = []
  const pipelines = []
  const noops = []
  for (let round = 1; round <= ROUNDS; round++) {
    hands.push(await handRun(round))
    const version = `bench-pipeline-${stamp}-${round}`
    pipelines.push(
      await timed(`pipeline (act, round ${round})`, () => actRun(version, `${stamp}${round}1`))
    )
    noops.push(
      await timed(`pipeline no-op rerun (round ${round})`, () =>
        actRun(version, `${stamp}${round}2`)
      )
    )
  }
  const hand = median(hands)
  const pipeline = median(pipelines)
  const noop = median(noops)

  const result = {
    when: new Date().toISOString(),
    apps: APPS.map(a => a.name),
    rounds: ROUNDS,
    runsMs: {
      hand: hands.map(Math.round),
      pipeline: pipelines.map(Math.round),
      noopRerun: noops.map(Math.round)
    },
    handMs: Math.round(hand),
    pipelineMs: Math.round(pipeline),
    noopRerunMs: Math.round(noop),
    overheadPercent: Number((((pipeline - hand) / hand) * 100).toFixed(1)),
    noopSpeedup: Number((hand / noop).toFixed(2)),
    targets: { overheadPercentBelow: 10, noopSpeedupAtLeast: 3 }
  }
  result.pass = result.overheadPercent < 10 && result.noopSpeedup >= 3
  rmSync(caller, { recursive: true, force: true })
  mkdirSync(path.join(root, 'bench-results'), { recursive: true })
  writeFileSync(
    path.join(root, 'bench-results', 'pipeline.json'),
    JSON.stringify(result, null, 2) + '\n'
  )
  console.log(JSON.stringify(result, null, 2))
}

await main()
