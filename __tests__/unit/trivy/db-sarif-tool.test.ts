import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkDbAge, parseMaxAge, readDbMetadata } from '../../../src/trivy/db'
import { parseSarif, relocateSarif } from '../../../src/trivy/sarif'
import { readTrivyVersion, trivyRelease } from '../../../src/trivy/tool'
import { trivyEnv } from '../../../src/trivy/scan'
import { redact } from '../../../src/core/secrets'

describe('DB metadata and age', () => {
  const cacheWith = (metadata: string | undefined, db = true) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trivy-db-unit-'))
    mkdirSync(path.join(dir, 'db'))
    if (db) writeFileSync(path.join(dir, 'db', 'trivy.db'), '')
    if (metadata !== undefined) writeFileSync(path.join(dir, 'db', 'metadata.json'), metadata)
    return dir
  }

  it('reads UpdatedAt, and reports no DB when a file is missing', () => {
    const meta = readDbMetadata(
      cacheWith(
        '{"Version":2,"UpdatedAt":"2026-01-02T03:04:05Z","NextUpdate":"2026-01-02T09:04:05Z"}'
      )
    )
    expect(meta?.updatedAt.toISOString()).toBe('2026-01-02T03:04:05.000Z')
    expect(readDbMetadata(cacheWith(undefined))).toBeUndefined()
    expect(
      readDbMetadata(cacheWith('{"Version":2,"UpdatedAt":"2026-01-02T03:04:05Z"}', false))
    ).toBeUndefined()
    expect(() => readDbMetadata(cacheWith('{oops'))).toThrow(/not valid JSON/)
    expect(() => readDbMetadata(cacheWith('{"Version":2}'))).toThrow(/no valid UpdatedAt/)
  })

  it('fails a DB older than max-db-age, and never when off', () => {
    const now = new Date('2026-01-10T00:00:00Z')
    const meta = { version: 2, updatedAt: new Date('2026-01-01T00:00:00Z') }
    expect(() => checkDbAge(meta, parseMaxAge('7d')!, now)).toThrow(
      /stale: updated 2026-01-01T00:00:00.000Z \(9d ago\), older than max-db-age 7d/
    )
    expect(() => checkDbAge(meta, parseMaxAge('10d')!, now)).not.toThrow()
    expect(() => checkDbAge(meta, parseMaxAge('off')!, now)).not.toThrow()
  })

  it.each([
    ['7d', 604_800_000],
    ['36h', 129_600_000],
    ['90m', 5_400_000],
    ['off', 0],
    ['0', 0],
    ['7 days', undefined],
    ['-1d', undefined],
    ['1w', undefined]
  ])('parseMaxAge(%s)', (text, ms) => expect(parseMaxAge(text)).toBe(ms))
})

describe('SARIF', () => {
  const sarif = () => ({
    version: '2.1.0',
    runs: [
      {
        originalUriBaseIds: { ROOTPATH: { uri: 'file:///tmp/report.json/' } },
        results: [
          {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'templates/deploy.yaml', uriBaseId: 'ROOTPATH' }
                }
              }
            ]
          },
          {
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'https://example.invalid/x' } } }
            ]
          }
        ]
      }
    ]
  })

  it('makes locations relative to the workspace and roots them there', () => {
    const out = relocateSarif(sarif(), { workspace: '/repo', scanRoot: '/repo/k8s/chart' })
    expect(out.runs[0].originalUriBaseIds.ROOTPATH.uri).toBe('file:///repo/')
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'k8s/chart/templates/deploy.yaml'
    )
    expect(out.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'https://example.invalid/x'
    )
  })

  it('leaves image locations alone, and refuses what is not SARIF 2.1.0', () => {
    const out = relocateSarif(sarif(), { workspace: '/repo' })
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'templates/deploy.yaml'
    )
    expect(() => parseSarif('{"version":"2.0.0","runs":[]}', 'x.sarif')).toThrow(
      /not a SARIF 2.1.0 log/
    )
    expect(() => parseSarif('nope', 'x.sarif')).toThrow(/not valid JSON/)
  })
})

describe('pinned trivy release', () => {
  it('pins 0.74.0 for linux x64 and arm64 with sha256, and nothing it does not know', () => {
    const x64 = trivyRelease('v0.74.0', 'linux', 'x64')!
    expect(x64.url).toBe(
      'https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz'
    )
    expect(x64.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(trivyRelease('0.74.0', 'linux', 'arm64')!.url).toContain('Linux-ARM64.tar.gz')
    expect(trivyRelease('0.73.0', 'linux', 'x64')).toBeUndefined()
    expect(trivyRelease('0.74.0', 'win32', 'x64')).toBeUndefined()
  })
})

describe('trivyEnv', () => {
  it('removes every TRIVY_* setting a previous step may have left, keeps and masks credentials', () => {
    const env = trivyEnv({
      TRIVY_SEVERITY: 'LOW',
      TRIVY_IGNORE_UNFIXED: 'true',
      TRIVY_USERNAME: 'u',
      TRIVY_PASSWORD: 'sentinel-pass-123',
      PATH: '/bin'
    })
    expect(env).toEqual({ TRIVY_SEVERITY: undefined, TRIVY_IGNORE_UNFIXED: undefined })
    expect(redact('token sentinel-pass-123')).toBe('token ***')
  })
})

describe('readTrivyVersion', () => {
  it('asks a binary once and remembers the answer until the binary changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trivy-version-unit-'))
    const binary = path.join(dir, 'trivy')
    const counter = path.join(dir, 'calls')
    const script = (v: string) => `#!/bin/sh\necho x >> "${counter}"\necho "Version: ${v}"\n`
    writeFileSync(binary, script('0.74.0'), { mode: 0o755 })
    const cache = path.join(dir, 'cache', 'versions.json')
    expect(await readTrivyVersion(binary, cache)).toBe('0.74.0')
    expect(await readTrivyVersion(binary, cache)).toBe('0.74.0')
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(1)
    writeFileSync(binary, script('0.75.10'), { mode: 0o755 })
    expect(await readTrivyVersion(binary, cache)).toBe('0.75.10')
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(2)
  })
})
