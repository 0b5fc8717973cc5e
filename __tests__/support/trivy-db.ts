// Test helper: the fixture Trivy vulnerability DB (test/trivy-db) and the image its
// advisories target, for tests that run the real trivy binary offline.
//   const cacheDir = await copyFixtureDb()             // fresh --cache-dir holding db/
//   const image = await buildVulnerableImage()          // real image with the fixture packages
//   execFile(trivy, ['image', ...trivyOfflineArgs(cacheDir), '--format', 'json', image])
//   await pushFixtureDb(`${env.REGISTRY}/k8s-stack/trivy-db:2`)   // for --db-repository
// IDs and packages: see FIXTURE_ADVISORIES and test/trivy-db/README.md.
import { spawn } from 'node:child_process'
import { cp, mkdtemp } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sandboxEnv } from './sandbox'

/** CRITICAL, fixed in 1.1: k8s-stack-vulnerable-fixture 1.0 (vulnerable image only). */
export const CRITICAL_ID = 'CVE-2099-0001'
/** HIGH, no fixed version (dropped by --ignore-unfixed): k8s-stack-unfixed-fixture 1.0. */
export const HIGH_UNFIXED_ID = 'CVE-2099-0002'
/** MEDIUM, fixed in 1.0.1: k8s-stack-vulnerable-fixture 1.0 (vulnerable image only). */
export const MEDIUM_ID = 'CVE-2099-0003'
/** LOW, fixed in 99:0: Debian's tar, so EVERY bookworm image (clean ones too) has it. */
export const LOW_EVERY_IMAGE_ID = 'CVE-2099-0004'
/** HIGH, fixed in 1.0.1: npm package k8s-stack-vulnerable-npm-fixture 1.0.0 (vulnerable image only). */
export const NPM_HIGH_ID = 'CVE-2099-0005'

export interface FixtureAdvisory {
  id: string
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW'
  /** The package name as Trivy reports it (PkgName). */
  pkgName: string
  installedVersion: string
  /** '' when the advisory has no fix. */
  fixedVersion: string
  /** true: only in the image from buildVulnerableImage(); false: in every bookworm image. */
  vulnerableImageOnly: boolean
}

export const FIXTURE_ADVISORIES: readonly FixtureAdvisory[] = [
  {
    id: CRITICAL_ID,
    severity: 'CRITICAL',
    pkgName: 'k8s-stack-vulnerable-fixture',
    installedVersion: '1.0',
    fixedVersion: '1.1',
    vulnerableImageOnly: true
  },
  {
    id: HIGH_UNFIXED_ID,
    severity: 'HIGH',
    pkgName: 'k8s-stack-unfixed-fixture',
    installedVersion: '1.0',
    fixedVersion: '',
    vulnerableImageOnly: true
  },
  {
    id: MEDIUM_ID,
    severity: 'MEDIUM',
    pkgName: 'k8s-stack-vulnerable-fixture',
    installedVersion: '1.0',
    fixedVersion: '1.0.1',
    vulnerableImageOnly: true
  },
  {
    id: LOW_EVERY_IMAGE_ID,
    severity: 'LOW',
    pkgName: 'tar',
    installedVersion: '(the image’s tar)',
    fixedVersion: '99:0',
    vulnerableImageOnly: false
  },
  {
    id: NPM_HIGH_ID,
    severity: 'HIGH',
    pkgName: 'k8s-stack-vulnerable-npm-fixture',
    installedVersion: '1.0.0',
    fixedVersion: '1.0.1',
    vulnerableImageOnly: true
  }
]

/** The default tag buildVulnerableImage() gives the vulnerable fixture image. */
export const VULNERABLE_IMAGE = 'k8s-stack/trivy-vulnerable-fixture:latest'

/**
 * The flags that make trivy scan offline against a prepared --cache-dir: no DB or
 * java-DB download, no registry lookups for the scan itself, nothing that calls home.
 */
export function trivyOfflineArgs(cacheDir: string): string[] {
  return [
    '--cache-dir',
    cacheDir,
    '--skip-db-update',
    '--skip-java-db-update',
    '--offline-scan',
    '--skip-version-check',
    '--disable-telemetry'
  ]
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'test', 'trivy-db', 'build-db.sh'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('trivy-db helper: cannot find test/trivy-db above ' + dir)
    dir = parent
  }
}

/** Where the fixture DB sources live: test/trivy-db. */
export function fixtureDbSourceDir(): string {
  return join(repoRoot(), 'test', 'trivy-db')
}

interface RunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  timeoutMs?: number
}

function run(file: string, args: string[], opts: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: opts.cwd ?? repoRoot(),
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 20 * 60 * 1000)
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve(out)
      const tail = (err + out).split('\n').slice(-30).join('\n')
      reject(new Error(`${file} ${args[0] ?? ''} failed (${signal ?? code}):\n${tail}`))
    })
  })
}

/**
 * The pinned trivy binary (sandbox/tools.sh's build, K8S_STACK_TRIVY), built if missing.
 */
export async function trivyBinary(): Promise<string> {
  const env = await sandboxEnv()
  const trivy = env.K8S_STACK_TRIVY
  if (trivy && existsSync(trivy)) return trivy
  await run('bash', [join(repoRoot(), 'sandbox', 'tools.sh'), 'trivy'], {
    timeoutMs: 60 * 60 * 1000
  })
  const dir = (await run('bash', [join(repoRoot(), 'sandbox', 'tools.sh'), 'path', 'trivy'])).trim()
  const built = join(dir, 'trivy')
  if (!existsSync(built))
    throw new Error(`trivy-db helper: sandbox/tools.sh trivy did not produce ${built}`)
  return built
}

let cachedDb: Promise<string> | undefined

/**
 * Builds the fixture DB if needed (cached in ~/.cache/k8s-stack/trivy-db/<hash>) and
 * returns a cache dir with db/trivy.db and db/metadata.json. Shared between tests: pass
 * it as --cache-dir only to one trivy at a time, or use copyFixtureDb().
 */
export function fixtureDbCacheDir(): Promise<string> {
  if (!cachedDb) {
    cachedDb = run('bash', [join(fixtureDbSourceDir(), 'build-db.sh')]).then(out => out.trim())
    cachedDb.catch(() => (cachedDb = undefined))
  }
  return cachedDb
}

/**
 * A private --cache-dir (a new temp dir unless `dest` is given) holding a copy of the
 * fixture DB, so concurrent trivy runs never share a cache lock.
 */
export async function copyFixtureDb(dest?: string): Promise<string> {
  const src = await fixtureDbCacheDir()
  const dir = dest ?? (await mkdtemp(join(tmpdir(), 'trivy-cache-')))
  await cp(join(src, 'db'), join(dir, 'db'), { recursive: true })
  return dir
}

/**
 * Builds the fixture DB with chosen metadata times into a new cache dir, e.g. a stale
 * DB (NextUpdate in the past) for fail-closed tests. Times are RFC 3339.
 */
export async function buildFixtureDbWithTimes(times: {
  updatedAt: string
  nextUpdate: string
  downloadedAt?: string
}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trivy-cache-'))
  const args = [join(fixtureDbSourceDir(), 'build-db.sh'), '--out', dir]
  args.push('--updated-at', times.updatedAt, '--next-update', times.nextUpdate)
  if (times.downloadedAt) args.push('--downloaded-at', times.downloadedAt)
  await run('bash', args)
  return dir
}

/**
 * Builds test/trivy-db/images/vulnerable with the real engine, FROM the sandbox's
 * Debian base, and returns its ref. The image holds every fixture package above.
 */
export async function buildVulnerableImage(tag: string = VULNERABLE_IMAGE): Promise<string> {
  const env = await sandboxEnv()
  const base = env.DEBIAN_IMAGE || 'k8s-stack/debian:bookworm'
  const docker = env.DOCKER || 'docker'
  // The classic builder: this Dockerfile needs no BuildKit feature, and it works with
  // every docker CLI on the machine (the 28.x one refuses BuildKit without buildx).
  await run(
    docker,
    [
      'build',
      '--build-arg',
      `BASE_IMAGE=${base}`,
      '-t',
      tag,
      join(fixtureDbSourceDir(), 'images', 'vulnerable')
    ],
    { env: { ...process.env, ...env, DOCKER_BUILDKIT: '0' } }
  )
  return tag
}

/**
 * Pushes the fixture DB as a Trivy DB OCI artifact to `ref` in the sandbox registry
 * (e.g. `${env.REGISTRY}/k8s-stack/trivy-db:2`; ':2' is added when no tag is given),
 * for `trivy --db-repository`. Uses the sandbox's registry credentials.
 */
export async function pushFixtureDb(ref: string): Promise<void> {
  const env = await sandboxEnv()
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1)
  const full = lastPart.includes(':') ? ref : `${ref}:2`
  await run('bash', [join(fixtureDbSourceDir(), 'push-db.sh'), full, await fixtureDbCacheDir()], {
    env: { ...process.env, ...env }
  })
}
