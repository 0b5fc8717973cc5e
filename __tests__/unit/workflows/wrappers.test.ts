// The top-level action paths (build/, push/, scan/, deploy/, verify/ and the root
// action.yml) are generated from actions/<name>/action.yml: in sync, and pointing at a
// bundle that exists.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import { repoRoot } from '../../support/run-action'
// @ts-expect-error: a plain .mjs script without types
import { wrappers, wrapperYaml } from '../../../scripts/gen-action-wrappers.mjs'

type Wrapper = { name: string; file: string; expected: string; actual?: string }
const all = (await wrappers()) as Wrapper[]
const cases = all.map(w => [path.relative(repoRoot, w.file), w] as [string, Wrapper])

describe('action path wrappers', () => {
  it('exist for build, push, scan, deploy, verify and the root pipeline', () => {
    expect(cases.map(c => c[0]).sort()).toEqual([
      'action.yml',
      'build/action.yml',
      'deploy/action.yml',
      'push/action.yml',
      'scan/action.yml',
      'verify/action.yml'
    ])
  })

  it.each(cases)(
    '%s is what the generator writes (node scripts/gen-action-wrappers.mjs)',
    (_f, w) => {
      expect(w.actual).toBe(w.expected)
    }
  )

  it.each(cases)('%s: runs.main/post resolve to the bundle in actions/, same inputs', (_f, w) => {
    const action = YAML.parse(readFileSync(w.file, 'utf8')) as {
      runs: Record<string, string>
      inputs: unknown
    }
    const source = YAML.parse(
      readFileSync(path.join(repoRoot, 'actions', w.name, 'action.yml'), 'utf8')
    )
    for (const key of ['main', 'post', 'pre']) {
      if (!action.runs[key]) continue
      const target = path.resolve(path.dirname(w.file), action.runs[key])
      expect(target).toBe(path.join(repoRoot, 'actions', w.name, source.runs[key]))
      expect(existsSync(target)).toBe(true)
    }
    expect(action.inputs).toEqual(source.inputs)
  })

  it('rewrites main, pre and post and refuses a non-JavaScript action', async () => {
    const text =
      'name: x\nruns:\n  using: node20\n  pre: dist/a.js\n  main: dist/index.js\n  post: dist/index.js\n'
    expect(YAML.parse(await wrapperYaml('deploy', text)).runs).toEqual({
      using: 'node20',
      pre: '../actions/deploy/dist/a.js',
      main: '../actions/deploy/dist/index.js',
      post: '../actions/deploy/dist/index.js'
    })
    expect(YAML.parse(await wrapperYaml('pipeline', text, { atRoot: true })).runs.main).toBe(
      'actions/pipeline/dist/index.js'
    )
    await expect(wrapperYaml('x', 'runs:\n  using: composite\n  steps: []\n')).rejects.toThrow(
      /nodeNN JavaScript action/
    )
  })
})
