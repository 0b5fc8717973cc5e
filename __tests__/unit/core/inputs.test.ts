import { describe, expect, it } from '@jest/globals'
import { Inputs, formatDuration, parseDuration } from '../../../src/core/inputs'
import { oneLine } from '../../../src/core/errors'

const from = (values: Record<string, string>) => new Inputs(name => values[name] ?? '')

describe('Inputs', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['false', false],
    ['off', false],
    ['', true]
  ])('boolean %j reads as %s', (raw, expected) => {
    expect(from({ b: raw }).boolean('b', true)).toBe(expected)
  })

  it('rejects a boolean that is neither, naming the input and the form', () => {
    expect(() => from({ push: 'maybe' }).boolean('push', false)).toThrow(
      'Invalid input "push": "maybe". Expected true or false.'
    )
  })

  it('splits lists on commas and newlines, dropping blanks and comments', () => {
    expect(from({ t: 'a, b\n\nc\n# note' }).list('t')).toEqual(['a', 'b', 'c'])
  })

  it('keeps commas inside line entries', () => {
    expect(from({ l: 'A=1,2\nB=x' }).lines('l')).toEqual(['A=1,2', 'B=x'])
  })

  it('matches enums case-insensitively and rejects others', () => {
    const inputs = from({ f: 'SARIF', g: 'xml' })
    expect(inputs.enumOf('f', ['table', 'json', 'sarif'] as const, 'table')).toBe('sarif')
    expect(() => inputs.enumOf('g', ['table', 'json'] as const, 'table')).toThrow(
      'Expected one of table, json.'
    )
  })

  it('rejects an unknown entry in an enum list', () => {
    expect(() => from({ s: 'vuln,bogus' }).enumList('s', ['vuln', 'secret'] as const, [])).toThrow(
      'Invalid input "s": "bogus"'
    )
  })

  it('bounds integers', () => {
    expect(from({ n: '3' }).integer('n', 1, 1, 10)).toBe(3)
    expect(() => from({ n: '11' }).integer('n', 1, 1, 10)).toThrow('a whole number from 1 to 10')
    expect(() => from({ n: '2.5' }).integer('n', 1, 1, 10)).toThrow('a whole number')
  })

  it('parses KEY=value entries and refuses malformed ones', () => {
    expect(from({ a: 'A=1\nB==x=' }).keyValues('a')).toEqual([
      ['A', '1'],
      ['B', '=x=']
    ])
    expect(() => from({ a: '=oops' }).keyValues('a')).toThrow('KEY=value entries')
  })

  it('requires required inputs', () => {
    expect(() => from({}).required('release', 'a release name')).toThrow(
      'Invalid input "release": "". Expected a release name.'
    )
  })

  it.each([['-5s'], ['5 minutes'], ['abc'], ['1d']])('rejects duration %j', raw => {
    expect(() => from({ timeout: raw }).duration('timeout', '5m')).toThrow(
      /^Invalid input "timeout": .* Expected a duration such as 90s, 5m or 1h30m/
    )
  })
})

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['120', 120_000]
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it('formats back for Go tools', () => {
    expect(formatDuration(300_000)).toBe('300s')
    expect(formatDuration(1500)).toBe('1500ms')
  })
})

describe('oneLine', () => {
  it('folds multi-line messages and non-Error values', () => {
    expect(oneLine(new Error('first\n  second'))).toBe('first second')
    expect(oneLine('plain')).toBe('plain')
    expect(oneLine({ toString: () => '' })).toBe('unknown error')
  })
})
