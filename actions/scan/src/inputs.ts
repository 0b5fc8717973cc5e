import { parseReferenceInput } from '../../../src/docker/reference'
import { InputError } from '../../../src/core/errors'
import { Inputs } from '../../../src/core/inputs'
import {
  DEFAULT_SCANNERS,
  FORMATS,
  SCANNERS,
  SCAN_TYPES,
  type Format
} from '../../../src/trivy/argv'
import { parseMaxAge } from '../../../src/trivy/db'
import { FAIL_ON, SEVERITIES } from '../../../src/trivy/report'
import { defaultCacheDir, type ScanRequest } from '../../../src/trivy/scan'
import { TRIVY_VERSION } from '../../../src/trivy/tool'

export interface ScanInputs extends ScanRequest {
  /** 1: a failed gate fails the step; 0: report only. */
  exitCode: 0 | 1
  summaryRows: number
}

/** A registry/repository[:tag] reference as trivy's --db-repository takes it. */
const VERSION = /^(any|v?\d+\.\d+\.\d+)$/

export function readScanInputs(
  inputs = new Inputs(),
  env: NodeJS.ProcessEnv = process.env
): ScanInputs {
  const scanType = inputs.enumOf('scan-type', SCAN_TYPES, 'image')
  const imageRef = inputs.string('image-ref')
  const input = inputs.string('input')
  const scanRef = inputs.string('scan-ref', scanType === 'image' ? '' : '.')
  if (scanType === 'image') {
    if (!imageRef && !input) {
      throw new InputError(
        'image-ref',
        '',
        'an image reference (registry/repository:tag or @sha256:...), or an image tarball in "input"'
      )
    }
    if (imageRef) parseReferenceInput('image-ref', imageRef)
  }
  if (scanRef.startsWith('-')) throw new InputError('scan-ref', scanRef, 'a path in the workspace')

  const formats = inputs.enumList('format', FORMATS, ['table'])
  const output = inputs.string('output')
  if (new Set(formats).size !== formats.length)
    throw new InputError('format', formats.join(','), 'each format at most once')

  const dbRepositories = inputs.list('db-repository')
  const javaDbRepositories = inputs.list('java-db-repository')
  for (const [name, values] of [
    ['db-repository', dbRepositories],
    ['java-db-repository', javaDbRepositories]
  ] as const) {
    for (const value of values) {
      if (parseReferenceInput(name, value).digest || !value.includes('/'))
        throw new InputError(
          name,
          value,
          'a registry/repository[:tag] reference such as ghcr.io/aquasecurity/trivy-db:2'
        )
    }
  }

  const maxDbAge = inputs.string('max-db-age', '7d')
  const maxDbAgeMs = parseMaxAge(maxDbAge)
  if (maxDbAgeMs === undefined)
    throw new InputError('max-db-age', maxDbAge, 'an age such as 7d, 36h or 90m, or off')

  const version = inputs.string('version', TRIVY_VERSION)
  if (!VERSION.test(version))
    throw new InputError('version', version, `a trivy version such as ${TRIVY_VERSION}, or any`)

  const exitCode = inputs.integer('exit-code', 1, 0, 1) as 0 | 1
  const offlineScan = inputs.boolean('offline-scan', false)

  return {
    scanType,
    imageRef,
    input,
    scanRef,
    scanners: inputs.enumList('scanners', SCANNERS, DEFAULT_SCANNERS[scanType]),
    severities: inputs.enumList('severity', SEVERITIES, [...SEVERITIES]),
    ignoreUnfixed: inputs.boolean('ignore-unfixed', false),
    failOn: inputs.enumOf('fail-on', FAIL_ON, 'HIGH'),
    exitCode,
    formats: formats as Format[],
    output,
    trivyIgnores: inputs.list('trivyignores'),
    trivyConfig: inputs.string('trivy-config'),
    skipDirs: inputs.list('skip-dirs'),
    skipFiles: inputs.list('skip-files'),
    timeoutMs: inputs.duration('timeout', '5m'),
    cacheDir: inputs.string('cache-dir', defaultCacheDir(env)),
    version,
    dbRepositories,
    javaDbRepositories,
    skipDbUpdate: inputs.boolean('skip-db-update', false),
    skipJavaDbUpdate: inputs.boolean('skip-java-db-update', false),
    offlineScan,
    skipCheckUpdate: inputs.boolean('skip-check-update', offlineScan),
    skipVersionCheck: inputs.boolean('skip-version-check', true),
    disableTelemetry: inputs.boolean('disable-telemetry', true),
    limitSeveritiesForSarif: inputs.boolean('limit-severities-for-sarif', true),
    maxDbAgeMs,
    summaryRows: inputs.integer('summary-rows', 50, 0, 1000),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || undefined
  }
}
