// The apps' real images (apps/backend, apps/frontend) built with the sandbox's local base
// images and run in the Docker engine, published on loopback ports only.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { repoRoot } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

const run = promisify(execFile)

async function docker(args: string[]): Promise<string> {
  const env = await sandboxEnv()
  // The classic builder: these Dockerfiles need no BuildKit feature, and every docker CLI here has it.
  const { stdout } = await run(env.DOCKER || 'docker', args, {
    env: { ...process.env, ...env, DOCKER_BUILDKIT: '0' },
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout.trim()
}

export async function buildAppImage(app: 'backend' | 'frontend'): Promise<string> {
  const env = await sandboxEnv()
  if (!env.NODE_IMAGE || (app === 'frontend' && !env.NGINX_IMAGE))
    throw new Error(`sandboxEnv() gave no base image for ${app} (NODE_IMAGE/NGINX_IMAGE)`)
  const tag = `k8s-stack/verify-${app}:test`
  const args = [
    'build',
    '-q',
    '-t',
    tag,
    '--build-arg',
    `NODE_IMAGE=${env.NODE_IMAGE}`,
    '--build-arg',
    'APP_VERSION=9.9.9-verify'
  ]
  if (app === 'frontend') args.push('--build-arg', `NGINX_IMAGE=${env.NGINX_IMAGE}`)
  await docker([...args, path.join(repoRoot, 'apps', app)])
  return tag
}

export interface RunningContainer {
  name: string
  url: string
  stop(): Promise<void>
}

/** Runs an image with its port published on 127.0.0.1 (a free port) and waits until it accepts connections. */
export async function runContainer(
  image: string,
  containerPort: number,
  env: Record<string, string> = {}
): Promise<RunningContainer> {
  const name = `verify-${randomBytes(4).toString('hex')}`
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`])
  await docker([
    'run',
    '-d',
    '--rm',
    '--name',
    name,
    '-p',
    `127.0.0.1::${containerPort}`,
    ...envArgs,
    image
  ])
  const port = (await docker(['port', name, `${containerPort}/tcp`]))
    .split('\n')[0]
    .split(':')
    .pop()
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      // docker-proxy accepts before the app listens: bound each probe.
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      break
    } catch {
      if (Date.now() > deadline)
        throw new Error(
          `container ${name} (${image}) did not answer on ${url}: ${await docker(['logs', name]).catch(() => '')}`
        )
      await new Promise(r => setTimeout(r, 200))
    }
  }
  return { name, url, stop: async () => void (await docker(['rm', '-f', name]).catch(() => '')) }
}
