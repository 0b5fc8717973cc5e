// Helpers for the end-to-end pipeline tests: run a workflow through act
// (scripts/act-run.sh), and read what the registry and the cluster hold afterwards.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

export interface ActResult {
  code: number
  log: string
  runId: string
  durationMs: number
}

let runCounter = 0

/** Runs scripts/act-run.sh; the run id is unique per call, so every run pushes fresh tags. */
export async function actRun(args: string[] = [], timeoutMs = 20 * 60_000): Promise<ActResult> {
  const env = await sandboxEnv()
  const runId = `${Date.now()}${runCounter++}`
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      [path.join(repoRoot, 'scripts', 'act-run.sh'), '--run-id', runId, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, PATH: env.PATH ?? process.env.PATH },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    const chunks: Buffer[] = []
    child.stdout.on('data', c => chunks.push(c))
    child.stderr.on('data', c => chunks.push(c))
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({
        code: code ?? 1,
        log: Buffer.concat(chunks).toString(),
        runId,
        durationMs: Date.now() - started
      })
    })
  })
}

/** What to show when a run failed: its error and failure lines, then its last lines. */
export function failureSummary(result: ActResult): string {
  if (result.code === 0) return ''
  const lines = result.log.split('\n')
  const errors = lines.filter(
    l => /❌|❗|::error::|Error:/.test(l) && !l.includes('LocalRepositoryCache')
  )
  return [...errors.slice(0, 40), '--- last lines ---', ...lines.slice(-25)].join('\n')
}

/** A step's result line in an act log: "✅  Success - Main <step>" or "❌  Failure - Main <step>". */
export function stepResult(
  log: string,
  step: string
): 'success' | 'failure' | 'skipped' | 'absent' {
  const lines = log.split('\n').filter(l => l.includes(` - Main ${step}`))
  if (lines.some(l => l.includes('❌  Failure'))) return 'failure'
  if (lines.some(l => l.includes('✅  Success'))) return 'success'
  return log.includes(`Run Main ${step}`) ? 'skipped' : 'absent'
}

/** Output values act logged with "::set-output:: name=value" under a job whose label contains `job`. */
export function loggedOutputs(log: string, job: string, name: string): string[] {
  return log
    .split('\n')
    .filter(l => l.includes(job) && l.includes(`::set-output:: ${name}=`))
    .map(l =>
      l.slice(l.indexOf(`::set-output:: ${name}=`) + `::set-output:: ${name}=`.length).trim()
    )
}

async function registryFetch(pathname: string, init: RequestInit = {}): Promise<Response> {
  const env = await sandboxEnv()
  const auth = Buffer.from(`${env.REGISTRY_USERNAME}:${env.REGISTRY_PASSWORD}`).toString('base64')
  return fetch(`http://${env.REGISTRY}${pathname}`, {
    ...init,
    headers: { Authorization: `Basic ${auth}`, ...(init.headers ?? {}) }
  })
}

/** The tags of a repository in the sandbox registry ([] when it has none). */
export async function registryTags(repository: string): Promise<string[]> {
  const r = await registryFetch(`/v2/${repository}/tags/list`)
  if (r.status === 404) return []
  const body = (await r.json()) as { tags?: string[] | null }
  return body.tags ?? []
}

/** The manifest digest the registry holds for repository:tag (its Docker-Content-Digest). */
export async function registryDigest(repository: string, tag: string): Promise<string | undefined> {
  const r = await registryFetch(`/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept: [
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ].join(', ')
    }
  })
  return r.ok ? (r.headers.get('docker-content-digest') ?? undefined) : undefined
}

export async function kubectl(args: string[]): Promise<string> {
  const env = await sandboxEnv()
  return tool(env.K8S_STACK_KUBECTL || 'kubectl', args, { KUBECONFIG: env.KUBECONFIG })
}

export async function helm(args: string[]): Promise<string> {
  const env = await sandboxEnv()
  return tool(env.K8S_STACK_HELM3 || 'helm', args, { KUBECONFIG: env.KUBECONFIG })
}

function tool(bin: string, args: string[], extraEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve(out) : reject(new Error(`${bin} ${args.join(' ')}: ${err.trim()}`))
    )
  })
}

/** { "<namespace>/<name>": [container images] } of the release's Deployments. */
export async function releaseImages(release: string): Promise<Record<string, string[]>> {
  const list = JSON.parse(
    await kubectl([
      'get',
      'deployments',
      '-A',
      '-l',
      `app.kubernetes.io/instance=${release}`,
      '-o',
      'json'
    ])
  ) as {
    items: Array<{
      metadata: { name: string; namespace: string }
      spec: { template: { spec: { containers: Array<{ image: string }> } } }
    }>
  }
  return Object.fromEntries(
    list.items.map(d => [
      `${d.metadata.namespace}/${d.metadata.name}`,
      d.spec.template.spec.containers.map(c => c.image)
    ])
  )
}

export interface HelmRevision {
  revision: number
  status: string
  description: string
}

export async function helmHistory(release: string, namespace: string): Promise<HelmRevision[]> {
  try {
    return JSON.parse(
      await helm(['history', release, '-n', namespace, '-o', 'json'])
    ) as HelmRevision[]
  } catch (error) {
    if (/not found/.test(String(error))) return []
    throw error
  }
}

/**
 * A scratch caller repository (a git repo act can run): the given files, plus copies of
 * paths from this repository.
 */
export function scratchRepo(
  files: Record<string, string>,
  copies: Record<string, string> = {}
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-stack-caller-'))
  for (const [to, from] of Object.entries(copies))
    cpSync(path.join(repoRoot, from), path.join(dir, to), { recursive: true })
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  const git = (args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=tests@example.invalid', '-c', 'user.name=k8s-stack tests', ...args],
      { cwd: dir, stdio: 'ignore' }
    )
  git(['init', '-q', '-b', 'main'])
  git(['add', '-A'])
  git(['commit', '-q', '-m', 'caller'])
  return dir
}
