import { existsSync } from 'node:fs'
import { exec, execOrThrow, lastErrorLine } from '../core/exec'
import * as core from '../core/commands'
import { ToolError } from '../core/errors'
import { redact } from '../core/secrets'
import { readGoBuildInfo, type GoBuildInfo } from '../core/go-buildinfo'
import { findAllOnPath } from '../core/tools'
import {
  displayArgs,
  getManifestArgs,
  historyArgs,
  parseHelmVersion,
  pullArgs,
  rollbackArgs,
  statusArgs,
  templateArgs,
  upgradeArgs,
  type HelmMajor,
  type HelmTarget,
  type RollbackOptions,
  type TemplateOptions,
  type UpgradeOptions
} from './argv'
import type { HelmRelease } from './release'

export interface HelmBinary {
  path: string
  version: string
  major: HelmMajor
}

/**
 * The Helm version a Go build info names: the main package helm.sh/helm/vN/cmd/helm, and the
 * version of its module (`go install`) or of the -X version flag (release builds, `make`).
 */
export function helmVersionFromBuildInfo(info: GoBuildInfo | undefined): string | undefined {
  const major = /^helm\.sh\/helm\/v(\d+)\/cmd\/helm$/.exec(info?.path ?? '')?.[1]
  if (!info || !major) return undefined
  const semver = /^v?\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/
  const fromModule = info.module?.version ?? ''
  const fromFlags = new RegExp(
    `-X[ =]?'?helm\\.sh/helm/v${major}/internal/version\\.version=(v?[\\w.+-]+)`
  ).exec(info.settings['-ldflags'] ?? '')?.[1]
  for (const version of [fromModule, fromFlags]) {
    if (version && semver.test(version) && version.replace(/^v/, '').startsWith(`${major}.`))
      return version
  }
  return undefined
}

/**
 * Reads a binary's version: from its Go build info when it has one (no process started),
 * else the way Helm 3 and 4 both print it, `v3.22.0`, `v4.3.1`.
 */
export async function helmVersion(binary: string): Promise<HelmBinary> {
  const known = helmVersionFromBuildInfo(readGoBuildInfo(binary))
  if (known) return { path: binary, ...parseHelmVersion(known) }
  const result = await exec(binary, ['version', '--template', '{{.Version}}'], {
    stream: false,
    timeoutMs: 30_000
  })
  if (result.exitCode !== 0) throw new ToolError(binary, result.exitCode, lastErrorLine(result))
  return { path: binary, ...parseHelmVersion(result.stdout) }
}

export interface FindHelmOptions {
  /** An explicit binary; used as is (its version is still read). */
  path?: string
  /** 3 or 4: take that major when several are available; 'auto' takes the first found. */
  prefer?: 'auto' | '3' | '4'
  /** Where else to look, besides PATH (e.g. folders holding a second major). */
  extraCandidates?: string[]
}

/**
 * Finds Helm: the explicit path, else every `helm` on PATH plus the extra candidates, and
 * picks the wanted major. Both majors are called `helm`, so they live in separate folders.
 */
export async function findHelm(options: FindHelmOptions = {}): Promise<HelmBinary> {
  if (options.path) {
    if (!existsSync(options.path))
      throw new Error(
        `Helm binary ${options.path} does not exist; give the path of a helm 3 or 4 binary`
      )
    const found = await helmVersion(options.path)
    if (options.prefer && options.prefer !== 'auto' && String(found.major) !== options.prefer) {
      throw new Error(
        `Helm binary ${options.path} is Helm ${found.version}, not Helm ${options.prefer}`
      )
    }
    return found
  }
  const candidates = [
    ...new Set([
      ...findAllOnPath('helm'),
      ...(options.extraCandidates ?? []).filter(p => p && existsSync(p))
    ])
  ]
  const found: HelmBinary[] = []
  for (const candidate of candidates) {
    try {
      const binary = await helmVersion(candidate)
      if (!options.prefer || options.prefer === 'auto' || String(binary.major) === options.prefer)
        return binary
      found.push(binary)
    } catch {
      // Not a usable helm; keep looking.
    }
  }
  const seen = found.length
    ? ` Found: ${found.map(f => `${f.path} (${f.version})`).join(', ')}.`
    : ''
  const wanted =
    options.prefer && options.prefer !== 'auto' ? `Helm ${options.prefer}` : 'Helm 3 or 4'
  throw new Error(
    `${wanted} was not found on PATH.${seen} Install it (azure/setup-helm) or set the helm input to a binary.`
  )
}

/** One Helm binary bound to one cluster target; the only code that runs helm. */
export class Helm {
  constructor(
    readonly binary: HelmBinary,
    readonly target: HelmTarget
  ) {}

  get major(): HelmMajor {
    return this.binary.major
  }

  private run(args: string[], options: { stream?: boolean; timeoutMs?: number } = {}) {
    // The command as run, the way @actions/exec shows one, with --set values hidden.
    core.info(redact(`[command]${this.binary.path} ${displayArgs(args).join(' ')}`))
    return execOrThrow(this.binary.path, args, {
      stream: options.stream ?? false,
      timeoutMs: options.timeoutMs
    })
  }

  /**
   * upgrade --install (or a server-side dry run): the release Helm printed, and the warnings
   * the API server sent back (deprecated APIs; unknown fields, which Helm 3 lets through).
   */
  async upgrade(
    options: UpgradeOptions,
    runTimeoutMs?: number
  ): Promise<{ release: HelmRelease; warnings: string[] }> {
    const result = await this.run(upgradeArgs(this.major, this.target, options), {
      timeoutMs: runTimeoutMs
    })
    return { release: parseReleaseJson(result.stdout), warnings: serverWarnings(result.stderr) }
  }

  async template(options: TemplateOptions): Promise<string> {
    return (await this.run(templateArgs(this.major, this.target.namespace, options))).stdout
  }

  async rollback(options: RollbackOptions): Promise<void> {
    await this.run(rollbackArgs(this.major, this.target, options), { stream: true })
  }

  async history(
    release: string
  ): Promise<Array<{ revision: number; status: string; chart: string; description: string }>> {
    return JSON.parse((await this.run(historyArgs(this.target, release))).stdout)
  }

  async status(release: string, revision?: number): Promise<HelmRelease> {
    return parseReleaseJson((await this.run(statusArgs(this.target, release, revision))).stdout)
  }

  async manifest(release: string, revision?: number): Promise<string> {
    return (await this.run(getManifestArgs(this.target, release, revision))).stdout
  }

  async pull(chart: string, destination: string, version?: string): Promise<void> {
    await this.run(pullArgs(chart, destination, version), { stream: true })
  }
}

/**
 * The API server's warnings in a Go client's stderr, as client-go logs them through klog:
 * `W1127 15:27:46.585214 14364 warnings.go:70] "Warning: unknown field \"spec.x\""`.
 */
export function serverWarnings(stderr: string): string[] {
  const found = new Set<string>()
  for (const line of stderr.split('\n')) {
    const match = /^[IWE]\d{4} [\d:.]+\s+\d+ warnings\.go:\d+\] (.*)$/.exec(line.trim())
    if (!match) continue
    let text = match[1]
    if (text.startsWith('"') && text.endsWith('"')) {
      try {
        text = JSON.parse(text) as string
      } catch {
        // Not a quoted Go string after all: keep it as printed.
      }
    }
    found.add(text.replace(/^Warning: /, ''))
  }
  return [...found]
}

/** Helm prints the release as JSON after warnings on some versions: parse from the first '{'. */
export function parseReleaseJson(stdout: string): HelmRelease {
  const start = stdout.indexOf('{')
  if (start < 0)
    throw new Error(`helm printed no release JSON: ${stdout.trim().split('\n').pop() ?? ''}`)
  return JSON.parse(stdout.slice(start)) as HelmRelease
}
