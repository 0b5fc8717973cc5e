import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  chartDigest,
  decodeReleaseSecret,
  releaseFingerprint,
  releaseRecords
} from '../../../src/helm/release'

/** What Helm's Secret driver stores, as the API returns it: base64(base64(gzip(json))). */
function stored(release: object): string {
  const inner = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64')
  return Buffer.from(inner).toString('base64')
}

describe('release storage', () => {
  it('decodes a release record of the Secret driver', () => {
    const release = {
      name: 'web',
      namespace: 'apps',
      version: 3,
      info: { status: 'deployed' },
      manifest: 'kind: X\n'
    }
    expect(decodeReleaseSecret(stored(release))).toEqual(release)
  })
  it('orders records newest first and reads status and labels from the Secret labels', () => {
    const secret = (v: number, status: string) => ({
      metadata: {
        name: `sh.helm.release.v1.web.v${v}`,
        labels: {
          owner: 'helm',
          name: 'web',
          version: String(v),
          status,
          'k8s-stack-fingerprint': `f${v}`
        }
      },
      data: { release: 'x' }
    })
    const records = releaseRecords([
      secret(1, 'superseded'),
      secret(3, 'failed'),
      secret(2, 'deployed'),
      { metadata: { name: 'other' } }
    ])
    expect(records.map(r => [r.revision, r.status, r.labels['k8s-stack-fingerprint']])).toEqual([
      [3, 'failed', 'f3'],
      [2, 'deployed', 'f2'],
      [1, 'superseded', 'f1']
    ])
  })
})

describe('fingerprint', () => {
  const parts = {
    chartDigest: 'sha256:1',
    namespace: 'apps',
    valuesFiles: ['a: 1\n'],
    set: ['x=1'],
    setString: ['web.image.digest=sha256:2']
  }
  it('is stable, fits a label value, and changes with any part', () => {
    const f = releaseFingerprint(parts)
    expect(f).toMatch(/^[0-9a-f]{56}$/)
    expect(releaseFingerprint({ ...parts })).toBe(f)
    for (const change of [
      { chartDigest: 'sha256:2' },
      { namespace: 'other' },
      { valuesFiles: ['a: 2\n'] },
      { set: ['x=2'] },
      { setString: ['web.image.digest=sha256:3'] },
      { chartVersion: '1.0.1' }
    ]) {
      expect(releaseFingerprint({ ...parts, ...change })).not.toBe(f)
    }
  })
  it('hashes a chart folder by its files, whatever their timestamps', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chart-'))
    mkdirSync(path.join(dir, 'templates'))
    writeFileSync(path.join(dir, 'Chart.yaml'), 'name: c\nversion: 0.1.0\n')
    writeFileSync(path.join(dir, 'templates', 'a.yaml'), 'kind: A\n')
    mkdirSync(path.join(dir, '.git'))
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'x')
    const first = chartDigest(dir)
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'y')
    expect(chartDigest(dir)).toBe(first)
    writeFileSync(path.join(dir, 'templates', 'a.yaml'), 'kind: B\n')
    expect(chartDigest(dir)).not.toBe(first)
    const tgz = path.join(dir, 'c.tgz')
    writeFileSync(tgz, 'bytes')
    // A packaged chart: the sha256 of its bytes, as `sha256sum` prints it.
    expect(chartDigest(tgz)).toBe('sha256:' + createHash('sha256').update('bytes').digest('hex'))
  })
})
