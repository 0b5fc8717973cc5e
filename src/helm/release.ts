import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

/** A release as Helm prints it (`-o json`) and stores it (the release Secret), the parts we read. */
export interface HelmRelease {
  name: string
  namespace: string
  version: number
  info: { status: string; description?: string; notes?: string; last_deployed?: string }
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } }
  config?: Record<string, unknown>
  manifest?: string
  labels?: Record<string, string>
}

/**
 * Decodes a release record from Helm's Secret storage driver (both Helm 3 and 4 store
 * `sh.helm.release.v1.<name>.v<N>`): Secret data `release` = base64(base64(gzip(JSON))).
 * `data` is the Secret's data.release as the API returns it (one base64 layer).
 */
export function decodeReleaseSecret(data: string): HelmRelease {
  const inner = Buffer.from(data, 'base64').toString('utf8')
  let bytes = Buffer.from(inner, 'base64')
  // gzip magic: Helm compresses; older records may not be.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes)
  return JSON.parse(bytes.toString('utf8')) as HelmRelease
}

/** The release label that carries a deploy's fingerprint (Helm --labels; on the release Secret). */
export const FINGERPRINT_LABEL = 'k8s-stack-fingerprint'

/** Label values hold at most 63 characters: 56 hex digits of sha256 (224 bits) fit. */
const FINGERPRINT_LENGTH = 56

/**
 * sha256 of a chart: of the packaged file, or of a chart directory's files (relative paths
 * and contents, in sorted order; .git and other hidden folders skipped).
 */
export function chartDigest(chartPath: string): string {
  const hash = createHash('sha256')
  const st = statSync(chartPath)
  if (st.isFile()) return `sha256:${hash.update(readFileSync(chartPath)).digest('hex')}`
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter(e => !(e.isDirectory() && e.name.startsWith('.')))
      .flatMap(e =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []
      )
  for (const file of walk(chartPath).sort()) {
    const rel = path.relative(chartPath, file).split(path.sep).join('/')
    const content = readFileSync(file)
    hash.update(`${rel}\0${content.length}\0`).update(content)
  }
  return `sha256:${hash.digest('hex')}`
}

export interface FingerprintParts {
  chartDigest: string
  chartVersion?: string
  namespace: string
  /** Contents of the values files, in order. */
  valuesFiles: string[]
  set: string[]
  setString: string[]
}

/**
 * What makes two deploys the same: the chart's bytes, the values files' contents, every
 * --set (images included) and the namespace. Equal fingerprints render equal releases.
 */
export function releaseFingerprint(parts: FingerprintParts): string {
  const canonical = JSON.stringify([
    'k8s-stack/v1',
    parts.chartDigest,
    parts.chartVersion ?? '',
    parts.namespace,
    parts.valuesFiles,
    parts.set,
    parts.setString
  ])
  return createHash('sha256').update(canonical).digest('hex').slice(0, FINGERPRINT_LENGTH)
}

/** The parts of Helm's release Secret we read through the API. */
export interface ReleaseRecord {
  revision: number
  status: string
  labels: Record<string, string>
  /** Decoded lazily: only the record a deploy compares against is decompressed. */
  data: string
}

interface SecretLike {
  metadata: { name: string; labels?: Record<string, string> }
  data?: Record<string, string>
}

/**
 * A release's records from the Secret storage driver's objects (label owner=helm,
 * name=<release>), newest revision first.
 */
export function releaseRecords(secrets: SecretLike[]): ReleaseRecord[] {
  return secrets
    .filter(s => s.metadata.labels?.owner === 'helm' && s.data?.release)
    .map(s => ({
      revision: Number(s.metadata.labels?.version ?? 0),
      status: s.metadata.labels?.status ?? 'unknown',
      labels: s.metadata.labels ?? {},
      data: s.data?.release ?? ''
    }))
    .sort((a, b) => b.revision - a.revision)
}
