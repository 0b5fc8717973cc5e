// One scan, fail closed: trivy runs ONCE with explicit flags and writes JSON, the source
// of truth for the gate, the counts and the summary; every other format is `trivy convert`
// of that JSON, so formats can never disagree and no setting leaks between scans.
import * as core from '../core/commands'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exec, lastErrorLine, type ExecResult } from '../core/exec'
import { ToolError } from '../core/errors'
import { maskSecret } from '../core/secrets'
import {
  ALL_SEVERITIES,
  FORMAT_EXTENSION,
  convertArgv,
  needsVulnDb,
  scanArgv,
  type Format,
  type ScanArgs,
  type ScanType,
  type Scanner
} from './argv'
import { checkDbAge, dbDir, readDbMetadata, type DbMetadata } from './db'
import {
  countBySeverity,
  filterSeverities,
  gate,
  parseReport,
  type Counts,
  type FailOn,
  type Finding,
  type GateResult,
  type Severity
} from './report'
import { parseSarif, relocateSarif } from './sarif'
import { findTrivy } from './tool'

export interface ScanRequest {
  scanType: ScanType
  imageRef: string
  input: string
  scanRef: string
  scanners: Scanner[]
  severities: Severity[]
  ignoreUnfixed: boolean
  failOn: FailOn
  formats: Format[]
  /** A file (one format) or a directory (several); '' for a fresh directory. */
  output: string
  trivyIgnores: string[]
  trivyConfig: string
  skipDirs: string[]
  skipFiles: string[]
  timeoutMs: number
  cacheDir: string
  version: string
  dbRepositories: string[]
  javaDbRepositories: string[]
  skipDbUpdate: boolean
  skipJavaDbUpdate: boolean
  offlineScan: boolean
  skipCheckUpdate: boolean
  skipVersionCheck: boolean
  disableTelemetry: boolean
  limitSeveritiesForSarif: boolean
  /** 0 disables the age check. */
  maxDbAgeMs: number
  /** GITHUB_WORKSPACE: paths in annotations and SARIF are relative to it. */
  workspace: string
  /** Where fresh report directories go (RUNNER_TEMP). */
  tempDir?: string
}

export interface ScanOutcome {
  trivy: { path: string; version: string }
  artifactName: string
  /** The findings the report shows (after severity, ignore files and ignore-unfixed). */
  findings: Finding[]
  counts: Counts
  gate: GateResult
  reports: Partial<Record<Format, string>>
  db?: DbMetadata
  /** The absolute directory the findings' file paths are relative to (fs and config). */
  scanRoot?: string
  durationMs: number
}

/** Environment variables trivy reads that a previous step may have left behind. */
const CREDENTIAL_ENV = ['TRIVY_USERNAME', 'TRIVY_PASSWORD', 'TRIVY_REGISTRY_TOKEN']

/**
 * The environment trivy runs with: every TRIVY_* variable removed (trivy reads each of
 * its flags from TRIVY_<FLAG>; a leftover TRIVY_SEVERITY from another step would change
 * this scan) except registry credentials, which are masked.
 */
export function trivyEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const key of Object.keys(env)) {
    if (!key.startsWith('TRIVY_')) continue
    if (CREDENTIAL_ENV.includes(key)) {
      if (key !== 'TRIVY_USERNAME') maskSecret(env[key])
      continue
    }
    out[key] = undefined
  }
  return out
}

/** trivy's own default cache dir. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || tmpdir(), '.cache')
  return path.join(base, 'trivy')
}

export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  const started = Date.now()
  const workspace = path.resolve(request.workspace)
  const trivy = await findTrivy(request.version)
  core.info(`trivy ${trivy.version || '(unknown version)'} at ${trivy.path} (${trivy.source})`)

  const work = await mkdtemp(path.join(request.tempDir || tmpdir(), `trivy-${request.scanType}-`))
  const reports = await reportPaths(request, work)

  // The files trivy would otherwise pick up from the working directory, made explicit.
  const configFile = request.trivyConfig
    ? existingFile(request.trivyConfig, 'trivy-config', workspace)
    : path.join(work, 'trivy.yaml')
  if (!request.trivyConfig)
    await writeFile(configFile, '# k8s-stack: no trivy.yaml; every setting is a flag\n{}\n')
  const ignoreFile = await mergeIgnoreFiles(request.trivyIgnores, workspace, work)

  const cacheDir = path.resolve(request.cacheDir)
  const scanners = request.scanType === 'config' ? (['misconfig'] as Scanner[]) : request.scanners
  const usesDb = needsVulnDb({ scanType: request.scanType, scanners })
  if (usesDb && request.skipDbUpdate && !readDbMetadata(cacheDir)) {
    throw new Error(
      `The vulnerability DB is missing from ${dbDir(cacheDir)} and skip-db-update is on: nothing to scan against. Restore the cache (cache-dir) or unset skip-db-update.`
    )
  }

  // The JSON keeps every severity only when a SARIF must show them all.
  const sarifSeverities = request.limitSeveritiesForSarif ? request.severities : ALL_SEVERITIES
  const wantsAll = request.formats.includes('sarif') && !request.limitSeveritiesForSarif
  const scanSeverities = wantsAll ? ALL_SEVERITIES : request.severities
  const rawJson = wantsAll ? path.join(work, 'trivy-all-severities.json') : reports.json
  const scanRoot =
    request.scanType === 'image' ? undefined : scanRootOf(path.resolve(workspace, request.scanRef))

  const args: ScanArgs = {
    scanType: request.scanType,
    imageRef: request.imageRef,
    input: request.input ? path.resolve(workspace, request.input) : '',
    scanRef: request.scanRef ? path.resolve(workspace, request.scanRef) : '',
    scanners,
    severities: scanSeverities,
    ignoreUnfixed: request.ignoreUnfixed,
    ignoreFile,
    configFile,
    cacheDir,
    timeoutMs: request.timeoutMs,
    skipDirs: request.skipDirs,
    skipFiles: request.skipFiles,
    dbRepositories: request.dbRepositories,
    javaDbRepositories: request.javaDbRepositories,
    skipDbUpdate: request.skipDbUpdate,
    skipJavaDbUpdate: request.skipJavaDbUpdate,
    offlineScan: request.offlineScan,
    skipCheckUpdate: request.skipCheckUpdate,
    skipVersionCheck: request.skipVersionCheck,
    disableTelemetry: request.disableTelemetry,
    listAllPkgs: request.formats.includes('cyclonedx'),
    output: rawJson
  }
  if (request.scanType === 'image' && request.input && !existsSync(args.input!)) {
    throw new Error(
      `Invalid input "input": ${request.input} does not exist. Expected an image tarball (docker save / OCI layout).`
    )
  }
  if (request.scanType !== 'image' && !existsSync(args.scanRef!)) {
    throw new Error(
      `Invalid input "scan-ref": ${request.scanRef} does not exist. Expected a file or directory in the workspace.`
    )
  }

  const env = trivyEnv()
  // trivy's own timeout ends the scan; ours only guards against a hung process.
  const guardMs = request.timeoutMs + 60_000
  await core.group(
    `trivy ${request.scanType} ${request.imageRef || request.input || request.scanRef}`,
    () => runTrivy(trivy.path, scanArgv(args), env, guardMs)
  )
  if (!existsSync(rawJson)) {
    throw new Error(
      `trivy ${request.scanType} exited 0 but wrote no report at ${rawJson}; refusing to pass an unscanned target.`
    )
  }
  const parsed = parseReport(await readFile(rawJson, 'utf8'), `the trivy JSON report ${rawJson}`)

  let db: DbMetadata | undefined
  if (usesDb) {
    db = readDbMetadata(cacheDir)
    if (!db)
      throw new Error(
        `The vulnerability DB is missing from ${dbDir(cacheDir)} after the scan; the result cannot be trusted.`
      )
    checkDbAge(db, request.maxDbAgeMs)
  }

  const findings = filterSeverities(parsed.findings, request.severities)
  const result = gate(findings, request.failOn)

  // The other formats, each from the same JSON with full explicit flags.
  const convertBase = {
    report: rawJson,
    ignoreFile,
    configFile,
    cacheDir,
    timeoutMs: request.timeoutMs,
    scanners,
    scanType: request.scanType
  }
  for (const format of request.formats) {
    const out = reports[format]!
    if (format === 'json') {
      if (rawJson !== out) {
        await runTrivy(
          trivy.path,
          convertArgv({ ...convertBase, format, output: out, severities: request.severities }),
          env,
          guardMs,
          false
        )
      }
      continue
    }
    const severities = format === 'sarif' ? sarifSeverities : request.severities
    await runTrivy(
      trivy.path,
      convertArgv({ ...convertBase, format, output: out, severities }),
      env,
      guardMs,
      false
    )
    if (format === 'sarif') {
      const sarif = parseSarif(await readFile(out, 'utf8'), `the SARIF report ${out}`)
      await writeFile(
        out,
        JSON.stringify(relocateSarif(sarif, { workspace, scanRoot }), null, 2) + '\n'
      )
    }
    if (format === 'table' && !request.output) {
      core.info(await readFile(out, 'utf8'))
    }
  }
  if (!request.formats.includes('json') && rawJson !== reports.json) {
    // The JSON report is always an output, filtered like the gate saw it.
    await runTrivy(
      trivy.path,
      convertArgv({
        ...convertBase,
        format: 'json',
        output: reports.json,
        severities: request.severities
      }),
      env,
      guardMs,
      false
    )
  }

  return {
    trivy: { path: trivy.path, version: trivy.version },
    artifactName: parsed.artifactName,
    findings,
    counts: countBySeverity(findings),
    gate: result,
    reports,
    db,
    scanRoot,
    durationMs: Date.now() - started
  }
}

async function runTrivy(
  binary: string,
  argv: string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
  stream = true
): Promise<ExecResult> {
  const result = await exec(binary, argv, { env, timeoutMs, stream })
  if (result.exitCode !== 0) {
    const sub = argv[0]
    throw new ToolError(`trivy ${sub}`, result.exitCode, trimLogPrefix(lastErrorLine(result)))
  }
  return result
}

/** trivy's log lines start with a timestamp and a level; the message is what matters. */
export function trimLogPrefix(line: string): string {
  return line
    .replace(/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)?\s+(FATAL|ERROR|WARN|INFO)\s+/, '')
    .replace(/^Fatal error\s+/i, '')
}

/** A scanned file's targets are relative to its directory; a directory's to itself. */
function scanRootOf(absolute: string): string {
  try {
    return statSync(absolute).isDirectory() ? absolute : path.dirname(absolute)
  } catch {
    return absolute
  }
}

function existingFile(file: string, input: string, workspace: string): string {
  const absolute = path.resolve(workspace, file)
  if (!existsSync(absolute))
    throw new Error(`Invalid input "${input}": ${file} does not exist. Expected a path to a file.`)
  return absolute
}

/**
 * One ignore file for trivy. Plain .trivyignore files are concatenated; a single YAML
 * ignore file (.trivyignore.yaml) is passed as it is. No files: an empty one, so a
 * .trivyignore in the working directory is only used when named.
 */
async function mergeIgnoreFiles(files: string[], workspace: string, work: string): Promise<string> {
  const yaml = files.filter(f => /\.ya?ml$/i.test(f))
  if (yaml.length > 0) {
    if (files.length > 1) {
      throw new Error(
        `Invalid input "trivyignores": ${files.join(', ')}. Expected plain .trivyignore files, or a single .trivyignore.yaml.`
      )
    }
    return existingFile(yaml[0], 'trivyignores', workspace)
  }
  const parts: string[] = []
  for (const file of files) {
    const content = await readFile(existingFile(file, 'trivyignores', workspace), 'utf8')
    parts.push(`# ${file}\n${content.endsWith('\n') ? content : content + '\n'}`)
  }
  const merged = path.join(work, 'trivyignore')
  await writeFile(merged, parts.join(''))
  return merged
}

/** Where each requested format (and the always-written JSON) goes. */
async function reportPaths(
  request: ScanRequest,
  work: string
): Promise<Record<Format, string> & { json: string }> {
  const paths = {} as Record<Format, string>
  const name = (format: Format) => `trivy-results.${FORMAT_EXTENSION[format]}`
  if (request.output && request.formats.length === 1) {
    const file = path.resolve(request.workspace, request.output)
    await mkdir(path.dirname(file), { recursive: true })
    paths[request.formats[0]] = file
  } else {
    const dir = request.output ? path.resolve(request.workspace, request.output) : work
    await mkdir(dir, { recursive: true })
    for (const format of request.formats) paths[format] = path.join(dir, name(format))
  }
  if (!paths.json) paths.json = path.join(work, name('json'))
  return paths as Record<Format, string> & { json: string }
}
