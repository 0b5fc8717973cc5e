// The frontend's build script: content-hashed assets, an index.html that references them,
// and the same output for the same sources.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'frontend-build-'))
  dirs.push(out)
  const r = spawnSync(
    process.execPath,
    [join(repo, 'apps/frontend/scripts/build.mjs'), '--out', out],
    { encoding: 'utf8' }
  )
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return out
}

describe('frontend build', () => {
  it('hashes every asset into /assets and points index.html at the hashed names', () => {
    const out = build()
    const assets = readdirSync(join(out, 'assets')).sort()
    expect(assets).toEqual([
      expect.stringMatching(/^app\.[0-9a-f]{12}\.js$/),
      expect.stringMatching(/^favicon\.[0-9a-f]{12}\.svg$/),
      expect.stringMatching(/^styles\.[0-9a-f]{12}\.css$/)
    ])
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    for (const asset of assets) expect(html).toContain(`"/assets/${asset}"`)
    expect(html).not.toMatch(/"\/(app\.js|styles\.css|favicon\.svg)"/)
    // The CSP allows no inline script or style.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style|style="/)
    const manifest = JSON.parse(readFileSync(join(out, 'asset-manifest.json'), 'utf8'))
    expect(Object.keys(manifest).sort()).toEqual(['app.js', 'favicon.svg', 'styles.css'])
  })

  it('is reproducible: the same sources give the same names', () => {
    expect(readdirSync(join(build(), 'assets'))).toEqual(readdirSync(join(build(), 'assets')))
  })
})
