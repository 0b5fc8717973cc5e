// Trivy's JSON report (schema version 2) as findings, counts and the severity gate.
// The JSON report is the one source of truth: the gate, the counts, the job summary and
// the annotations are all computed from it.

export const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export type Severity = (typeof SEVERITIES)[number]

export const FAIL_ON = ['none', ...SEVERITIES] as const
export type FailOn = (typeof FAIL_ON)[number]

export function severityRank(severity: string): number {
  const at = SEVERITIES.indexOf(severity.toUpperCase() as Severity)
  return at < 0 ? 0 : at
}

/** The severities at or above a threshold: HIGH gives HIGH and CRITICAL. */
export function atOrAbove(threshold: Severity): Severity[] {
  return SEVERITIES.filter(s => severityRank(s) >= severityRank(threshold))
}

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret' | 'license'

export interface Finding {
  kind: FindingKind
  severity: Severity
  id: string
  /** The report's target: an OS, a lock file, a manifest, a file with a secret. */
  target: string
  /** Package name (vulnerabilities, licenses) or the file (misconfigurations, secrets). */
  subject: string
  installed: string
  fixed: string
  title: string
  /** A file path relative to the scanned root, when the finding points into a file. */
  file?: string
  startLine?: number
  endLine?: number
  message?: string
  url?: string
}

export interface ParsedReport {
  artifactName: string
  artifactType: string
  findings: Finding[]
}

export class ReportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReportError'
  }
}

type Json = Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined)
const arr = (v: unknown): Json[] =>
  Array.isArray(v) ? (v.filter(x => x && typeof x === 'object') as Json[]) : []

function toSeverity(value: unknown): Severity {
  const upper = str(value).toUpperCase()
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : 'UNKNOWN'
}

/**
 * Parses a Trivy JSON report. Anything that is not one (not JSON, no SchemaVersion 2, no
 * artifact) throws: a report that cannot be read must never pass a gate.
 */
export function parseReport(text: string, source = 'the Trivy JSON report'): ParsedReport {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ReportError(
      `${source} is not valid JSON (${(error as Error).message}); refusing to pass an unreadable report.`
    )
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ReportError(`${source} is not a Trivy report (expected a JSON object).`)
  }
  const report = data as Json
  if (report.SchemaVersion !== 2) {
    throw new ReportError(
      `${source} has SchemaVersion ${JSON.stringify(report.SchemaVersion)}; expected 2.`
    )
  }
  if (!str(report.ArtifactName) && !str(report.ArtifactType)) {
    throw new ReportError(`${source} names no artifact; it is not the report of a scan.`)
  }
  if (report.Results !== undefined && report.Results !== null && !Array.isArray(report.Results)) {
    throw new ReportError(`${source} has a Results field that is not a list.`)
  }

  const findings: Finding[] = []
  for (const result of arr(report.Results)) {
    const target = str(result.Target)
    for (const v of arr(result.Vulnerabilities)) {
      findings.push({
        kind: 'vulnerability',
        severity: toSeverity(v.Severity),
        id: str(v.VulnerabilityID),
        target,
        subject: str(v.PkgName),
        installed: str(v.InstalledVersion),
        fixed: str(v.FixedVersion),
        title: str(v.Title) || str(v.Description).split('\n')[0],
        url: str(v.PrimaryURL) || undefined
      })
    }
    for (const m of arr(result.Misconfigurations)) {
      // PASS and EXCEPTION entries appear with --include-non-failures; only FAIL is a finding.
      if (str(m.Status) && str(m.Status) !== 'FAIL') continue
      const cause = (m.CauseMetadata ?? {}) as Json
      findings.push({
        kind: 'misconfiguration',
        severity: toSeverity(m.Severity),
        id: str(m.ID) || str(m.AVDID),
        target,
        subject: target,
        installed: '',
        fixed: '',
        title: str(m.Title),
        file: target,
        startLine: num(cause.StartLine),
        endLine: num(cause.EndLine),
        message: str(m.Message) || str(m.Description),
        url: str(m.PrimaryURL) || undefined
      })
    }
    for (const s of arr(result.Secrets)) {
      findings.push({
        kind: 'secret',
        severity: toSeverity(s.Severity),
        id: str(s.RuleID),
        target,
        subject: target,
        installed: '',
        fixed: '',
        title: str(s.Title),
        file: target,
        startLine: num(s.StartLine),
        endLine: num(s.EndLine),
        message: `${str(s.Title) || str(s.RuleID)} (${str(s.Category) || 'secret'})`
      })
    }
    for (const l of arr(result.Licenses)) {
      findings.push({
        kind: 'license',
        severity: toSeverity(l.Severity),
        id: str(l.Name),
        target,
        subject: str(l.PkgName) || str(l.FilePath) || target,
        installed: '',
        fixed: '',
        title: `${str(l.Category) || 'license'}: ${str(l.Name)}`
      })
    }
  }
  return {
    artifactName: str(report.ArtifactName),
    artifactType: str(report.ArtifactType),
    findings
  }
}

export type Counts = Record<Severity, number>

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts: Counts = { UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Keeps the findings whose severity is listed (what `--severity` would have kept). */
export function filterSeverities(
  findings: readonly Finding[],
  severities: readonly Severity[]
): Finding[] {
  return findings.filter(f => severities.includes(f.severity))
}

export interface GateResult {
  passed: boolean
  /** The findings at or above the threshold. */
  failing: Finding[]
}

/**
 * The gate: fails when any finding is at or above `failOn` (CRITICAL fails on CRITICAL
 * only, HIGH on HIGH and CRITICAL); 'none' never fails.
 */
export function gate(findings: readonly Finding[], failOn: FailOn): GateResult {
  if (failOn === 'none') return { passed: true, failing: [] }
  const floor = severityRank(failOn)
  const failing = findings.filter(f => severityRank(f.severity) >= floor)
  return { passed: failing.length === 0, failing }
}

/** Findings ordered for people: most severe first, then by ID. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.id.localeCompare(b.id) ||
      a.subject.localeCompare(b.subject)
  )
}
