// Builds the apps' images with the real Docker engine and runs them on loopback ports.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
// Debian's 20.10 CLI builds with BuildKit here; the 28.x CLI without buildx refuses to.
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker'

export interface Result {
  code: number | null
  stdout: string
  stderr: string
}

export function docker(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 600000
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

export async function dockerOk(args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await docker(args, env)
  if (r.code !== 0)
    throw new Error(
      `docker ${args.join(' ')} failed (${r.code}): ${r.stderr.trim().split('\n').slice(-15).join('\n')}`
    )
  return r.stdout.trim()
}

/** Builds apps/<app> with the sandbox's base images; returns the image tag. */
export async function buildApp(
  app: 'backend' | 'frontend',
  sandbox: Record<string, string>,
  version: string
): Promise<string> {
  for (const key of ['NODE_IMAGE', 'NGINX_IMAGE']) {
    if (!sandbox[key]) throw new Error(`sandbox env has no ${key}: run bash sandbox/sandbox.sh up`)
  }
  const tag = `k8s-stack-test/${app}:${version}`
  await dockerOk(
    [
      'build',
      '--build-arg',
      `NODE_IMAGE=${sandbox.NODE_IMAGE}`,
      '--build-arg',
      `NGINX_IMAGE=${sandbox.NGINX_IMAGE}`,
      '--build-arg',
      `APP_VERSION=${version}`,
      '-t',
      tag,
      join(repo, 'apps', app)
    ],
    { DOCKER_BUILDKIT: '1' }
  )
  return tag
}

/** Runs an image the way the chart runs it: read-only root, /tmp only, no capabilities. */
export async function runHardened(
  image: string,
  containerPort: number,
  args: string[] = []
): Promise<{ id: string; port: number }> {
  const id = await dockerOk([
    'run',
    '-d',
    '--read-only',
    '--tmpfs',
    '/tmp:rw,size=16m',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '-p',
    `127.0.0.1::${containerPort}`,
    ...args,
    image
  ])
  const mapping = await dockerOk(['port', id, `${containerPort}/tcp`])
  const m = /127\.0\.0\.1:(\d+)/.exec(mapping)
  if (!m) throw new Error(`container ${id} has no loopback port for ${containerPort}: ${mapping}`)
  return { id, port: Number(m[1]) }
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function httpGet(port: number, path: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 5000 }, res => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)))
    req.on('error', reject)
    req.end()
  })
}

/** Polls until path answers 200 or the deadline passes. */
export async function waitFor200(port: number, path: string, timeoutMs = 30000): Promise<Reply> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const r = await httpGet(port, path)
      if (r.status === 200) return r
      last = `HTTP ${r.status}`
    } catch (e) {
      last = (e as Error).message
    }
    await new Promise(r => setTimeout(r, 200))
  }
  throw new Error(
    `127.0.0.1:${port}${path} did not answer 200 within ${timeoutMs} ms (last: ${last})`
  )
}

export async function removeContainer(id: string | undefined): Promise<void> {
  if (id) await docker(['rm', '-f', id])
}

/** Removes the test's image tags (the layers stay cached for the next build). */
export async function removeImages(tags: string[]): Promise<void> {
  if (tags.length) await docker(['rmi', ...tags])
}
