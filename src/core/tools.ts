import * as core from './commands'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { chmod } from 'node:fs/promises'
import path from 'node:path'
import { exec } from './exec'

/**
 * @actions/tool-cache, loaded on first use: it brings an HTTP client (undici) that only an
 * install needs, and every step would otherwise pay for loading it at start.
 */
const toolCache = () => import('@actions/tool-cache')

/** Every executable called `name` on PATH, in PATH order. */
export function findAllOnPath(name: string, searchPath = process.env.PATH ?? ''): string[] {
  const found: string[] = []
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, name)
    try {
      const st = statSync(candidate)
      if (st.isFile() && st.mode & 0o111 && !found.includes(candidate)) found.push(candidate)
    } catch {
      // not in this directory
    }
  }
  return found
}

/** A pinned release to install where the tool is not on PATH (GitHub-hosted runners). */
export interface Release {
  tool: string
  version: string
  url: string
  sha256: string
  /** Path of the binary inside the archive; a bare binary when the archive is 'none'. */
  binary: string
  archive: 'tar.gz' | 'zip' | 'none'
}

export interface ToolRequest {
  name: string
  /** Wanted version (no leading v); empty takes whatever is found. */
  version?: string
  /** Reads a binary's version, e.g. by running `tool --version`. */
  readVersion: (binary: string) => Promise<string | undefined>
  /** The pinned release for this platform, when one can be installed. */
  release?: Release
}

export interface FoundTool {
  path: string
  version: string
  source: 'path' | 'tool-cache' | 'installed'
}

export const normalizeVersion = (v: string): string => v.trim().replace(/^v/, '')

/**
 * Finds a tool: a binary on PATH at the wanted version, else the runner's tool cache,
 * else the pinned release, downloaded and checked against its sha256.
 */
export async function findTool(request: ToolRequest): Promise<FoundTool> {
  const wanted = request.version ? normalizeVersion(request.version) : ''
  const seen: string[] = []
  for (const candidate of findAllOnPath(request.name)) {
    const version = normalizeVersion((await request.readVersion(candidate)) ?? '')
    seen.push(`${candidate} (${version || 'unknown version'})`)
    if (!wanted || version === wanted) return { path: candidate, version, source: 'path' }
  }
  // The tool cache exists only on a runner; elsewhere tc.find would throw and hide the reason.
  if (wanted && process.env.RUNNER_TOOL_CACHE) {
    const cached = (await toolCache()).find(request.name, wanted)
    if (cached)
      return { path: path.join(cached, request.name), version: wanted, source: 'tool-cache' }
  }
  if (!request.release) {
    const found = seen.length ? ` Found: ${seen.join(', ')}.` : ''
    throw new Error(
      `${request.name}${wanted ? ` ${wanted}` : ''} was not found on PATH and no release is pinned for ${process.platform}/${process.arch}.${found} Install it or set the version input to one on PATH.`
    )
  }
  return { ...(await installRelease(request.release)), source: 'installed' }
}

/** Downloads a release, refuses it unless its sha256 matches, and caches it. */
export async function installRelease(release: Release): Promise<{ path: string; version: string }> {
  core.info(`Downloading ${release.tool} ${release.version} from ${release.url}`)
  const tc = await toolCache()
  const downloaded = await tc.downloadTool(release.url)
  const actual = await sha256File(downloaded)
  if (actual !== release.sha256.toLowerCase()) {
    throw new Error(
      `${release.tool} ${release.version} download failed its checksum: expected sha256 ${release.sha256}, got ${actual} (${release.url}).`
    )
  }
  let dir: string
  if (release.archive === 'tar.gz') dir = await tc.extractTar(downloaded)
  else if (release.archive === 'zip') dir = await tc.extractZip(downloaded)
  else {
    dir = path.dirname(downloaded)
    await chmod(downloaded, 0o755)
  }
  const binary = release.archive === 'none' ? downloaded : path.join(dir, release.binary)
  if (!existsSync(binary)) {
    throw new Error(
      `${release.tool} ${release.version}: the release archive has no ${release.binary}.`
    )
  }
  const cachedDir = await tc.cacheFile(binary, release.tool, release.tool, release.version)
  return { path: path.join(cachedDir, release.tool), version: release.version }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', chunk => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** Runs `binary args` and returns the first version-looking token of its output. */
export async function versionFrom(binary: string, args: string[]): Promise<string | undefined> {
  try {
    const result = await exec(binary, args, { stream: false, timeoutMs: 30_000 })
    const match = `${result.stdout}\n${result.stderr}`.match(/v?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/)
    return match?.[1]
  } catch {
    return undefined
  }
}

/** The runner's platform in the names release assets use. */
export function platform(): { os: string; arch: string } {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : process.arch
  return { os: process.platform, arch }
}
