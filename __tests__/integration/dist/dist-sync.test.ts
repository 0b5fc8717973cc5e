import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../support/run-action'

const actions = readdirSync(path.join(repoRoot, 'actions')).filter(name =>
  existsSync(path.join(repoRoot, 'actions', name, 'src', 'index.ts'))
)

describe('committed dist/ bundles', () => {
  // One fresh build of every action, then a byte comparison with what is committed.
  const fresh = mkdtempSync(path.join(tmpdir(), 'dist-check-'))
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-dist.mjs'), '--out', fresh], {
    cwd: repoRoot,
    stdio: 'pipe'
  })

  it.each(actions)('actions/%s/dist matches a fresh build of its sources', name => {
    // Every file: the entry bundle, the chunks of modules loaded on first use, licenses.
    const dir = path.join(repoRoot, 'actions', name, 'dist')
    expect(existsSync(path.join(dir, 'index.js'))).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(readdirSync(path.join(fresh, name)).sort())
    for (const file of readdirSync(dir)) {
      const same = readFileSync(path.join(dir, file)).equals(readFileSync(path.join(fresh, name, file)))
      if (!same) throw new Error(`actions/${name}/dist/${file} is stale: run "npm run build" and commit it`)
    }
  })

  it('every action.yml points at its bundle and describes every input and output', () => {
    for (const name of actions) {
      const yml = readFileSync(path.join(repoRoot, 'actions', name, 'action.yml'), 'utf8')
      expect(yml).toMatch(/main: 'dist\/index\.js'/)
      const blocks = yml.split(/\n(?=\S)/)
      for (const block of blocks.filter(b => /^(inputs|outputs):/.test(b))) {
        const entries = block.split(/\n(?= {2}\S)/).slice(1)
        for (const entry of entries) {
          expect({ name, entry, described: /description:/.test(entry) }).toEqual(
            expect.objectContaining({ described: true })
          )
          if (block.startsWith('inputs:') && !/required: true/.test(entry)) {
            expect({ name, entry, hasDefault: /default:/.test(entry) }).toEqual(
              expect.objectContaining({ hasDefault: true })
            )
          }
        }
      }
    }
  })
})
