import { exec } from '../core/exec'
import { findAllOnPath } from '../core/tools'

/** How an image is built: buildx, or BuildKit through the plain docker CLI. */
export interface DockerCli {
  path: string
  builder: 'buildx' | 'buildkit'
  version: string
}

/** The env that makes a plain `docker build` use BuildKit. */
export const BUILDKIT_ENV = { DOCKER_BUILDKIT: '1' }

/**
 * Picks the docker CLI to build with. buildx wherever a CLI has it; else a CLI older than
 * 23, whose `docker build` still drives BuildKit itself (newer ones refuse without buildx).
 */
export async function findDockerCli(searchPath = process.env.PATH ?? ''): Promise<DockerCli> {
  const candidates = findAllOnPath('docker', searchPath)
  const rejected: string[] = []
  for (const path of candidates) {
    const buildx = await exec(path, ['buildx', 'version'], {
      stream: false,
      timeoutMs: 20_000
    }).catch(() => undefined)
    const version = await clientVersion(path)
    if (buildx?.exitCode === 0) return { path, builder: 'buildx', version }
    if (version && Number(version.split('.')[0]) < 23) return { path, builder: 'buildkit', version }
    rejected.push(`${path} (${version || 'unknown version'}, no buildx)`)
  }
  throw new Error(
    candidates.length === 0
      ? 'docker was not found on PATH. Install Docker (with the buildx plugin) on the runner.'
      : `No docker CLI on PATH can build with BuildKit: ${rejected.join(', ')}. Install the docker-buildx plugin.`
  )
}

async function clientVersion(path: string): Promise<string> {
  const result = await exec(path, ['version', '--format', '{{.Client.Version}}'], {
    stream: false,
    timeoutMs: 20_000
  }).catch(() => undefined)
  return result?.stdout.trim().match(/^\d+\.\d+(\.\d+)?/)?.[0] ?? ''
}
