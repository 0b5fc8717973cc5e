import { describe, expect, it } from '@jest/globals'
// @ts-expect-error: a plain .mjs script without types
import { summaries } from '../../../scripts/act-summary.mjs'

const log = [
  '[ship/deploy] ⭐ Run Main Deploy by digest',
  '[ship/deploy]   | helm upgrade',
  '[ship/deploy]   ⚙  Summary - ### Deployed',
  '| a | b |',
  '| --- | --- |',
  '',
  '[ship/deploy]   ✅  Success - Main Deploy by digest [1s]',
  '[ship/deploy] ⭐ Run Main Verify, rolling back on failure',
  '[ship/deploy]   ⚙  Summary - ### ✅ Verify',
  'Every rule passed.',
  '[ship/deploy] ⭐ Run Main Other step',
  '[ship/deploy]   ⚙  Summary - ### not wanted'
].join('\n')

describe('act-summary', () => {
  it("collects the named steps' job summaries from an act log", () => {
    expect(summaries(log, ['Deploy by digest', 'Verify, rolling back on failure'])).toEqual({
      'Deploy by digest': '### Deployed\n| a | b |\n| --- | --- |\n',
      'Verify, rolling back on failure': '### ✅ Verify\nEvery rule passed.'
    })
  })
  it('finds nothing for a step that wrote no summary', () => {
    expect(summaries(log, ['Build'])).toEqual({})
  })
})
