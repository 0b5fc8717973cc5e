import * as core from '../../../src/core/commands'
import path from 'node:path'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { formatAge } from '../../../src/trivy/db'
import { SEVERITIES, severityRank, sortFindings, type Finding } from '../../../src/trivy/report'
import { runScan, type ScanOutcome } from '../../../src/trivy/scan'
import { readScanInputs, type ScanInputs } from './inputs'

const MAX_ANNOTATIONS = 50

export async function main(): Promise<void> {
  // Fail closed: until a scan has been read and gated, the result is an error. The
  // runner keeps the last value written, so this is overwritten only on success.
  setOutput('result', 'error')
  const inputs = readScanInputs()
  const outcome = await runScan(inputs)

  const result = outcome.gate.passed ? 'pass' : 'fail'
  setOutput('result', result)
  for (const severity of SEVERITIES) setOutput(severity.toLowerCase(), outcome.counts[severity])
  setOutput('findings-count', outcome.findings.length)
  setOutput('json-report', outcome.reports.json ?? '')
  setOutput('sarif-report', outcome.reports.sarif ?? '')
  setOutput('table-report', outcome.reports.table ?? '')
  setOutput('cyclonedx-report', outcome.reports.cyclonedx ?? '')
  setOutput('report', outcome.reports[inputs.formats[0]] ?? outcome.reports.json ?? '')
  setOutput('trivy-version', outcome.trivy.version)
  setOutput('db-updated-at', outcome.db ? outcome.db.updatedAt.toISOString() : '')

  annotate(outcome, inputs)
  await writeSummary(summaryMarkdown(outcome, inputs))

  const line = gateLine(outcome, inputs)
  if (outcome.gate.passed) {
    core.info(line)
  } else if (inputs.exitCode === 0) {
    core.warning(`${line} (exit-code 0: reporting only)`)
  } else {
    throw new Error(line)
  }
}

function target(inputs: ScanInputs): string {
  return inputs.scanType === 'image' ? inputs.imageRef || inputs.input : inputs.scanRef
}

export function gateLine(outcome: ScanOutcome, inputs: ScanInputs): string {
  const what = `trivy ${inputs.scanType} scan of ${target(inputs)}`
  if (inputs.failOn === 'none')
    return `${what}: ${outcome.findings.length} findings; fail-on is none.`
  if (outcome.gate.passed) return `${what} passed: no finding at or above ${inputs.failOn}.`
  const ids = [...new Set(sortFindings(outcome.gate.failing).map(f => f.id))]
  const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, and ${ids.length - 5} more` : '')
  return `${what} failed: ${outcome.gate.failing.length} findings at or above ${inputs.failOn} (${shown}).`
}

/** File annotations for misconfigurations and secrets, at workspace-relative paths. */
function annotate(outcome: ScanOutcome, inputs: ScanInputs): void {
  if (!outcome.scanRoot) return
  const workspace = path.resolve(inputs.workspace)
  const located = sortFindings(outcome.findings).filter(
    f => f.file && (f.kind === 'misconfiguration' || f.kind === 'secret')
  )
  const failOn = inputs.failOn === 'none' ? Infinity : severityRank(inputs.failOn)
  for (const finding of located.slice(0, MAX_ANNOTATIONS)) {
    const file = path
      .relative(workspace, path.resolve(outcome.scanRoot, finding.file!))
      .split(path.sep)
      .join('/')
    const properties: core.AnnotationProperties = {
      title: `${finding.severity} ${finding.id}: ${finding.title}`,
      file,
      startLine: finding.startLine,
      endLine: finding.endLine
    }
    const message = finding.message || finding.title
    if (severityRank(finding.severity) >= failOn) core.error(message, properties)
    else core.warning(message, properties)
  }
  if (located.length > MAX_ANNOTATIONS) {
    core.info(
      `${located.length - MAX_ANNOTATIONS} more findings were not annotated; see the job summary and the reports.`
    )
  }
}

function subjectOf(f: Finding): string {
  if (f.kind === 'vulnerability' || f.kind === 'license') return f.subject
  return f.startLine ? `${f.file}:${f.startLine}` : f.file || f.target
}

export function summaryMarkdown(outcome: ScanOutcome, inputs: ScanInputs): string {
  const icon = outcome.gate.passed ? '✅' : '❌'
  const verdict = outcome.gate.passed ? 'passed' : 'failed'
  const lines = [
    `### ${icon} Trivy ${inputs.scanType} scan ${verdict}: \`${outcome.artifactName || target(inputs)}\``,
    '',
    `Gate: fail on ${inputs.failOn === 'none' ? 'nothing (none)' : `${inputs.failOn} and above`} · severities shown: ${inputs.severities.join(', ')}${inputs.ignoreUnfixed ? ' · unfixed ignored' : ''} · trivy ${outcome.trivy.version}${outcome.db ? ` · DB updated ${outcome.db.updatedAt.toISOString()} (${formatAge(Date.now() - outcome.db.updatedAt.getTime())} ago)` : ''}`,
    '',
    markdownTable([...SEVERITIES].reverse(), [
      [...SEVERITIES].reverse().map(s => outcome.counts[s])
    ]),
    ''
  ]
  const findings = sortFindings(outcome.findings)
  if (findings.length > 0 && inputs.summaryRows > 0) {
    const rows = findings
      .slice(0, inputs.summaryRows)
      .map(f => [
        f.severity,
        subjectOf(f),
        f.url ? `[${f.id}](${f.url})` : f.id,
        f.installed,
        f.fixed,
        f.title
      ])
    lines.push(
      markdownTable(['Severity', 'Package or file', 'ID', 'Installed', 'Fixed', 'Title'], rows),
      ''
    )
    if (findings.length > inputs.summaryRows) {
      lines.push(
        `… and ${findings.length - inputs.summaryRows} more findings: see the JSON report.`,
        ''
      )
    }
  } else if (findings.length === 0) {
    lines.push('No findings.', '')
  }
  return lines.join('\n')
}
