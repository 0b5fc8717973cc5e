import { describe, expect, it } from '@jest/globals'
import {
  atOrAbove,
  countBySeverity,
  filterSeverities,
  gate,
  parseReport,
  sortFindings
} from '../../../src/trivy/report'

const report = {
  SchemaVersion: 2,
  ArtifactName: 'app:1',
  ArtifactType: 'container_image',
  Results: [
    {
      Target: 'app:1 (debian 12.13)',
      Class: 'os-pkgs',
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-1',
          PkgName: 'openssl',
          InstalledVersion: '3.0',
          FixedVersion: '3.1',
          Severity: 'CRITICAL',
          Title: 'bad'
        },
        {
          VulnerabilityID: 'CVE-2',
          PkgName: 'zlib',
          InstalledVersion: '1.2',
          FixedVersion: '',
          Severity: 'HIGH',
          Description: 'first line\nsecond'
        },
        { VulnerabilityID: 'CVE-3', PkgName: 'tar', InstalledVersion: '1.34', Severity: 'LOW' },
        { VulnerabilityID: 'CVE-4', PkgName: 'x', Severity: 'weird' }
      ]
    },
    {
      Target: 'deploy.yaml',
      Class: 'config',
      Misconfigurations: [
        {
          ID: 'KSV017',
          Title: 'Privileged',
          Severity: 'HIGH',
          Status: 'FAIL',
          Message: 'privileged',
          CauseMetadata: { StartLine: 12, EndLine: 14 }
        },
        { ID: 'KSV001', Title: 'ok', Severity: 'MEDIUM', Status: 'PASS', CauseMetadata: {} }
      ]
    },
    {
      Target: 'config/.env',
      Class: 'secret',
      Secrets: [
        {
          RuleID: 'aws-access-key-id',
          Category: 'AWS',
          Severity: 'CRITICAL',
          Title: 'AWS Access Key ID',
          StartLine: 3,
          EndLine: 3
        }
      ]
    },
    { Target: 'empty', Class: 'lang-pkgs', Vulnerabilities: null }
  ]
}

describe('parseReport', () => {
  it('turns vulnerabilities, failed misconfigurations and secrets into findings', () => {
    const parsed = parseReport(JSON.stringify(report))
    expect(parsed.artifactName).toBe('app:1')
    expect(parsed.findings.map(f => `${f.kind}:${f.id}:${f.severity}`)).toEqual([
      'vulnerability:CVE-1:CRITICAL',
      'vulnerability:CVE-2:HIGH',
      'vulnerability:CVE-3:LOW',
      'vulnerability:CVE-4:UNKNOWN',
      'misconfiguration:KSV017:HIGH',
      'secret:aws-access-key-id:CRITICAL'
    ])
    const misconf = parsed.findings.find(f => f.id === 'KSV017')!
    expect(misconf).toMatchObject({ file: 'deploy.yaml', startLine: 12, endLine: 14 })
    expect(parsed.findings.find(f => f.id === 'CVE-2')!.title).toBe('first line')
  })

  it.each([
    ['not JSON', '{"SchemaVersion": 2,', /not valid JSON/],
    ['an array', '[]', /not a Trivy report/],
    ['another schema', '{"SchemaVersion": 1, "ArtifactName": "x"}', /SchemaVersion 1; expected 2/],
    ['no artifact', '{"SchemaVersion": 2}', /names no artifact/],
    ['bad Results', '{"SchemaVersion": 2, "ArtifactName": "x", "Results": {}}', /not a list/]
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseReport(text)).toThrow(message)
  })

  it('accepts a clean report with no Results', () => {
    expect(
      parseReport('{"SchemaVersion": 2, "ArtifactName": "x", "ArtifactType": "filesystem"}')
        .findings
    ).toEqual([])
  })
})

describe('gate', () => {
  const findings = parseReport(JSON.stringify(report)).findings

  it('CRITICAL fails on CRITICAL only; HIGH on HIGH and CRITICAL; none never', () => {
    expect(gate(findings, 'CRITICAL').failing.map(f => f.id)).toEqual([
      'CVE-1',
      'aws-access-key-id'
    ])
    expect(gate(findings, 'HIGH').failing.map(f => f.id)).toEqual([
      'CVE-1',
      'CVE-2',
      'KSV017',
      'aws-access-key-id'
    ])
    expect(gate(findings, 'none')).toEqual({ passed: true, failing: [] })
    expect(gate(filterSeverities(findings, ['LOW', 'MEDIUM']), 'HIGH').passed).toBe(true)
    expect(gate(findings, 'UNKNOWN').failing).toHaveLength(findings.length)
  })

  it('counts and orders by severity', () => {
    expect(countBySeverity(findings)).toEqual({
      UNKNOWN: 1,
      LOW: 1,
      MEDIUM: 0,
      HIGH: 2,
      CRITICAL: 2
    })
    expect(sortFindings(findings).map(f => f.severity)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'HIGH',
      'HIGH',
      'LOW',
      'UNKNOWN'
    ])
    expect(atOrAbove('HIGH')).toEqual(['HIGH', 'CRITICAL'])
  })
})
