import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as toolkit from '@actions/core'
import * as commands from '../../../src/core/commands'

// @actions/core is the reference for the protocol: each case runs both and compares what the
// runner would read (stdout lines and file commands), with the random delimiters normalized.
let dir: string
let stdout: string[]
const saved = { ...process.env }

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'commands-'))
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    process.env[name] = path.join(dir, name)
    writeFileSync(process.env[name] as string, '')
  }
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  rmSync(dir, { recursive: true, force: true })
})

const file = (name: string) =>
  readFileSync(path.join(dir, name), 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM')

/** What `fn` makes the runner read: stdout, outputs, state and summary. */
async function seen(fn: () => unknown): Promise<Record<string, string>> {
  stdout = []
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'])
    writeFileSync(path.join(dir, name), '')
  process.exitCode = undefined
  await fn()
  const result = {
    stdout: stdout.join(''),
    output: file('GITHUB_OUTPUT'),
    state: file('GITHUB_STATE'),
    summary: file('GITHUB_STEP_SUMMARY'),
    exitCode: String(process.exitCode)
  }
  process.exitCode = undefined
  return result
}

const awkward = 'a%b\r\nc:d,e\n::warning::f'
const everyProperty = {
  title: 'T: a, b',
  file: 'Dockerfile',
  startLine: 3,
  endLine: 4,
  startColumn: 1,
  endColumn: 9
}

describe('workflow commands, as @actions/core writes them', () => {
  it.each([
    ['info', () => commands.info(awkward), () => toolkit.info(awkward)],
    ['debug', () => commands.debug(awkward), () => toolkit.debug(awkward)],
    ['add-mask', () => commands.setSecret(awkward), () => toolkit.setSecret(awkward)],
    ['warning', () => commands.warning(awkward), () => toolkit.warning(awkward)],
    [
      'error with every annotation property',
      () => commands.error(awkward, everyProperty),
      () => toolkit.error(awkward, everyProperty)
    ],
    ['setFailed', () => commands.setFailed(awkward), () => toolkit.setFailed(awkward)],
    [
      'group',
      () => commands.group('g, h: i', async () => commands.info('inside')),
      () => toolkit.group('g, h: i', async () => toolkit.info('inside'))
    ],
    [
      'setOutput, multi-line',
      () => commands.setOutput('images', awkward),
      () => toolkit.setOutput('images', awkward)
    ],
    [
      'saveState',
      () => commands.saveState('kubeconfig-file', '/tmp/x'),
      () => toolkit.saveState('kubeconfig-file', '/tmp/x')
    ],
    [
      'summary',
      () => commands.appendSummary('### Title\n\n| a |'),
      () => toolkit.summary.addRaw('### Title\n\n| a |', true).write()
    ]
  ])('%s', async (_name, ours, theirs) => {
    expect(await seen(ours)).toEqual(await seen(theirs))
  })

  it('prints outputs and state as commands where the runner gives no files', async () => {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STATE
    const ours = await seen(() => {
      commands.setOutput('changed', 'true')
      commands.saveState('s', 'v')
    })
    const theirs = await seen(() => {
      toolkit.setOutput('changed', 'true')
      toolkit.saveState('s', 'v')
    })
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('::set-output name=changed::true')
  })

  it('reads inputs and state as the runner passes them', () => {
    process.env['INPUT_CREATE-SECRETS'] = '  a=b  '
    process.env.INPUT_MY_INPUT = 'x'
    process.env['STATE_kubeconfig-file'] = '/tmp/k'
    expect(commands.getInput('create-secrets')).toBe('  a=b  ')
    expect(commands.getInput('create-secrets')).toBe(
      toolkit.getInput('create-secrets', { trimWhitespace: false })
    )
    expect(commands.getInput('my input')).toBe('x')
    expect(commands.getInput('absent')).toBe('')
    expect(commands.getState('kubeconfig-file')).toBe(toolkit.getState('kubeconfig-file'))
  })

  it('refuses a value that contains its own delimiter', () => {
    expect(() => commands.fileCommandEntry('n', 'x ghadelimiter_fixed y', 'fixed')).toThrow(
      /delimiter/
    )
  })

  it('ends a group when its body throws', async () => {
    await expect(
      commands.group('g', async () => {
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(stdout.join('')).toMatch(/::group::g\n::endgroup::\n$/)
  })
})
