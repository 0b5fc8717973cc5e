// Finding the trivy binary: on PATH at the wanted version, else the runner's tool cache,
// else the pinned release (GitHub-hosted runners), downloaded and checked against its sha256.
import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findTool, versionFrom, type FoundTool, type Release } from '../core/tools'

export const TRIVY_VERSION = '0.74.0'

interface PinnedAsset {
  asset: string
  sha256: string
}

/**
 * Release tarballs by version and platform (process.platform/process.arch), with their
 * sha256 from trivy's published trivy_<v>_checksums.txt. A version not listed here is
 * used only when it is already on PATH or in the tool cache.
 */
export const TRIVY_RELEASES: Record<string, Record<string, PinnedAsset>> = {
  '0.74.0': {
    'linux/x64': {
      asset: 'trivy_0.74.0_Linux-64bit.tar.gz',
      sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a'
    },
    'linux/arm64': {
      asset: 'trivy_0.74.0_Linux-ARM64.tar.gz',
      sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5'
    }
  }
}

/** The pinned release for a version and platform, if there is one. */
export function trivyRelease(
  version: string,
  platform: string = process.platform,
  arch: string = process.arch
): Release | undefined {
  const v = version.replace(/^v/, '')
  const pinned = TRIVY_RELEASES[v]?.[`${platform}/${arch}`]
  if (!pinned) return undefined
  return {
    tool: 'trivy',
    version: v,
    url: `https://github.com/aquasecurity/trivy/releases/download/v${v}/${pinned.asset}`,
    sha256: pinned.sha256,
    binary: 'trivy',
    archive: 'tar.gz'
  }
}

/**
 * `trivy --version` prints "Version: 0.74.0" (and DB details after it). It takes about
 * 0.3 s, a large part of a warm scan, so the answer is remembered per binary: its real
 * path, size and modification time (a replaced binary is asked again).
 */
export async function readTrivyVersion(
  binary: string,
  cacheFile = versionCacheFile()
): Promise<string | undefined> {
  let key: string | undefined
  try {
    const real = realpathSync(binary)
    const st = statSync(real)
    key = `${real}:${st.size}:${Math.trunc(st.mtimeMs)}`
  } catch {
    return versionFrom(binary, ['--version'])
  }
  const known = readCache(cacheFile)
  if (known[key]) return known[key]
  const version = await versionFrom(binary, ['--version'])
  if (version) {
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true })
      writeFileSync(cacheFile, JSON.stringify({ ...readCache(cacheFile), [key]: version }))
    } catch {
      // Only a speed-up: a cache that cannot be written is asked again next time.
    }
  }
  return version
}

function versionCacheFile(): string {
  const base = process.env.RUNNER_TOOL_CACHE || path.join(tmpdir(), 'k8s-stack')
  return path.join(base, 'k8s-stack-trivy-versions.json')
}

function readCache(file: string): Record<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'))
    return data && typeof data === 'object' && !Array.isArray(data) ? data : {}
  } catch {
    return {}
  }
}

/** Finds trivy at `version` ('' or 'any': whatever is on PATH). */
export function findTrivy(version: string): Promise<FoundTool> {
  const wanted = version === 'any' ? '' : version.replace(/^v/, '')
  return findTool({
    name: 'trivy',
    version: wanted,
    readVersion: binary => readTrivyVersion(binary),
    release: wanted ? trivyRelease(wanted) : undefined
  })
}
