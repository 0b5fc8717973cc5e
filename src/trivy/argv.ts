// Every trivy command line the action runs, built from explicit settings. Nothing is left
// to trivy's defaults that read the working directory or the environment: the config file
// (trivy.yaml), the ignore file (.trivyignore), the cache dir and the exit code are always
// passed, so one step's settings can never leak into the next.
import { formatDuration } from '../core/inputs'
import { SEVERITIES, type Severity } from './report'

export const SCAN_TYPES = ['image', 'config', 'fs'] as const
export type ScanType = (typeof SCAN_TYPES)[number]

export const SCANNERS = ['vuln', 'misconfig', 'secret', 'license'] as const
export type Scanner = (typeof SCANNERS)[number]

export const FORMATS = ['table', 'json', 'sarif', 'cyclonedx'] as const
export type Format = (typeof FORMATS)[number]

/** Trivy's own defaults per command, made explicit. */
export const DEFAULT_SCANNERS: Record<ScanType, Scanner[]> = {
  image: ['vuln', 'secret'],
  fs: ['vuln', 'secret'],
  config: ['misconfig']
}

export interface ScanArgs {
  scanType: ScanType
  /** image: a reference; ignored when `input` (a tarball) is set. */
  imageRef?: string
  input?: string
  /** fs and config: the path to scan. */
  scanRef?: string
  scanners: Scanner[]
  severities: Severity[]
  ignoreUnfixed: boolean
  /** Always a file: the user's merged ignore files, or an empty one. */
  ignoreFile: string
  /** Always a file: the user's trivy.yaml, or an empty one. */
  configFile: string
  cacheDir: string
  timeoutMs: number
  skipDirs: string[]
  skipFiles: string[]
  dbRepositories: string[]
  javaDbRepositories: string[]
  skipDbUpdate: boolean
  skipJavaDbUpdate: boolean
  offlineScan: boolean
  skipCheckUpdate: boolean
  skipVersionCheck: boolean
  disableTelemetry: boolean
  /** Every package in the JSON (needed to convert it to CycloneDX). */
  listAllPkgs: boolean
  /** Where the JSON report goes. */
  output: string
}

/** The scanners a scan type accepts; `trivy config` has no --scanners at all. */
export function scannersFlag(args: Pick<ScanArgs, 'scanType' | 'scanners'>): string[] {
  if (args.scanType === 'config') return []
  return ['--scanners', args.scanners.join(',')]
}

/** Whether this scan reads the vulnerability DB. */
export function needsVulnDb(args: Pick<ScanArgs, 'scanType' | 'scanners'>): boolean {
  return args.scanType !== 'config' && args.scanners.includes('vuln')
}

/**
 * Flags every trivy run gets, spelled out each time so that nothing (a trivy.yaml, a TRIVY_*
 * variable, an earlier step) can change what a run reports: exit code 0, the action gates.
 */
function explicitFlags(
  format: string,
  output: string,
  args: Pick<ScanArgs, 'configFile' | 'ignoreFile' | 'cacheDir' | 'timeoutMs' | 'severities'>
): string[] {
  return [
    '--format',
    format,
    '--output',
    output,
    '--exit-code',
    '0',
    '--config',
    args.configFile,
    '--ignorefile',
    args.ignoreFile,
    '--cache-dir',
    args.cacheDir,
    '--timeout',
    formatDuration(args.timeoutMs),
    '--severity',
    args.severities.join(',')
  ]
}

/** The one scan: JSON to `output`, exit code 0 (the action gates, not trivy). */
export function scanArgv(args: ScanArgs): string[] {
  const argv: string[] = [args.scanType, ...explicitFlags('json', args.output, args)]
  argv.push(...scannersFlag(args))
  for (const dir of args.skipDirs) argv.push('--skip-dirs', dir)
  for (const file of args.skipFiles) argv.push('--skip-files', file)
  if (args.skipVersionCheck) argv.push('--skip-version-check')
  if (args.disableTelemetry) argv.push('--disable-telemetry')
  if (args.skipCheckUpdate) argv.push('--skip-check-update')

  if (args.scanType !== 'config') {
    argv.push('--no-progress')
    if (args.ignoreUnfixed) argv.push('--ignore-unfixed')
    if (args.offlineScan) argv.push('--offline-scan')
    if (args.listAllPkgs) argv.push('--list-all-pkgs')
    if (args.skipDbUpdate) argv.push('--skip-db-update')
    if (args.skipJavaDbUpdate) argv.push('--skip-java-db-update')
    if (args.dbRepositories.length) argv.push('--db-repository', args.dbRepositories.join(','))
    if (args.javaDbRepositories.length)
      argv.push('--java-db-repository', args.javaDbRepositories.join(','))
  }

  if (args.scanType === 'image') {
    if (args.input) argv.push('--input', args.input)
    else argv.push('--', requireValue(args.imageRef, 'image-ref'))
  } else {
    argv.push('--', requireValue(args.scanRef, 'scan-ref'))
  }
  return argv
}

export interface ConvertArgs {
  /** The JSON report to convert. */
  report: string
  format: Format
  output: string
  severities: Severity[]
  ignoreFile: string
  configFile: string
  cacheDir: string
  timeoutMs: number
  scanners: Scanner[]
  scanType: ScanType
}

/** `trivy convert`: another format from the JSON report, filtered to `severities`. */
export function convertArgv(args: ConvertArgs): string[] {
  const argv = ['convert', ...explicitFlags(args.format, args.output, args)]
  if (args.format === 'table') {
    // The detailed tables only: the summary table needs the scanners of the original scan.
    argv.push('--table-mode', 'detailed')
  }
  argv.push('--', args.report)
  return argv
}

function requireValue(value: string | undefined, input: string): string {
  if (!value) throw new Error(`Invalid input "${input}": it is empty. Expected the target to scan.`)
  return value
}

/** All five severities: what a report must keep when some output wants them all. */
export const ALL_SEVERITIES: Severity[] = [...SEVERITIES]

/** File extension per report format. */
export const FORMAT_EXTENSION: Record<Format, string> = {
  json: 'json',
  sarif: 'sarif',
  table: 'txt',
  cyclonedx: 'cdx.json'
}
