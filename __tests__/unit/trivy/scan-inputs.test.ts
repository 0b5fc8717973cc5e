import { describe, expect, it } from '@jest/globals'
import { Inputs } from '../../../src/core/inputs'
import { readScanInputs } from '../../../actions/scan/src/inputs'

const read = (
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = { HOME: '/home/u', GITHUB_WORKSPACE: '/repo' }
) => readScanInputs(new Inputs(name => values[name] ?? ''), env)

describe('scan inputs', () => {
  it('has defaults that make a CI step quiet and gating', () => {
    const i = read({ 'image-ref': 'app:1' })
    expect(i).toMatchObject({
      scanType: 'image',
      scanners: ['vuln', 'secret'],
      severities: ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'],
      failOn: 'HIGH',
      exitCode: 1,
      formats: ['table'],
      cacheDir: '/home/u/.cache/trivy',
      version: '0.74.0',
      skipVersionCheck: true,
      disableTelemetry: true,
      skipCheckUpdate: false,
      limitSeveritiesForSarif: true,
      maxDbAgeMs: 7 * 86_400_000,
      timeoutMs: 300_000,
      workspace: '/repo'
    })
  })

  it('offline-scan implies skip-check-update unless it is set', () => {
    expect(read({ 'image-ref': 'a', 'offline-scan': 'true' }).skipCheckUpdate).toBe(true)
    expect(
      read({ 'image-ref': 'a', 'offline-scan': 'true', 'skip-check-update': 'false' })
        .skipCheckUpdate
    ).toBe(false)
  })

  it('config and fs default to the workspace', () => {
    expect(read({ 'scan-type': 'config' })).toMatchObject({ scanRef: '.', scanners: ['misconfig'] })
    expect(read({ 'scan-type': 'fs', scanners: 'secret' })).toMatchObject({
      scanRef: '.',
      scanners: ['secret']
    })
  })

  it.each([
    [
      { 'image-ref': 'a', severity: 'HIGH,SEVERE' },
      'Invalid input "severity": "SEVERE". Expected a comma-separated list of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL.'
    ],
    [
      { 'image-ref': 'a', format: 'xml' },
      'Invalid input "format": "xml". Expected a comma-separated list of table, json, sarif, cyclonedx.'
    ],
    [{ 'image-ref': 'a', format: 'json,json' }, 'Invalid input "format"'],
    [
      { 'image-ref': 'a', 'fail-on': 'SEVERE' },
      'Invalid input "fail-on": "SEVERE". Expected one of none, UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL.'
    ],
    [
      { 'scan-type': 'repo' },
      'Invalid input "scan-type": "repo". Expected one of image, config, fs.'
    ],
    [{}, 'Invalid input "image-ref": "". Expected an image reference'],
    [{ 'image-ref': '--help' }, 'Invalid input "image-ref": "--help"'],
    [{ 'image-ref': 'a b' }, 'Invalid input "image-ref"'],
    [{ 'scan-type': 'fs', 'scan-ref': '-rf' }, 'Invalid input "scan-ref"'],
    [
      { 'image-ref': 'a', 'max-db-age': 'a week' },
      'Invalid input "max-db-age": "a week". Expected an age such as 7d, 36h or 90m, or off.'
    ],
    [{ 'image-ref': 'a', 'db-repository': 'https://ghcr.io/x' }, 'Invalid input "db-repository"'],
    [
      { 'image-ref': 'a', 'exit-code': '2' },
      'Invalid input "exit-code": "2". Expected a whole number from 0 to 1.'
    ],
    [{ 'image-ref': 'a', version: 'latest' }, 'Invalid input "version": "latest"'],
    [{ 'image-ref': 'a', timeout: 'soon' }, 'Invalid input "timeout"'],
    [{ 'image-ref': 'a', scanners: 'vuln,sbom' }, 'Invalid input "scanners": "sbom"']
  ])('rejects %j with one line naming the input', (values, message) => {
    expect(() => read(values as Record<string, string>)).toThrow(message)
  })

  it('accepts mirrors by reference', () => {
    expect(
      read({
        'image-ref': 'a',
        'db-repository': '127.0.0.1:5000/k8s-stack/trivy-db:2, ghcr.io/aquasecurity/trivy-db:2'
      }).dbRepositories
    ).toEqual(['127.0.0.1:5000/k8s-stack/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'])
  })
})
