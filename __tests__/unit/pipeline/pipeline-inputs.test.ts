import { describe, expect, it } from '@jest/globals'
import { Inputs } from '../../../src/core/inputs'
import {
  childEnv,
  parseFileCommands,
  siblingEntry
} from '../../../actions/pipeline/src/child-action'
import { parseApps, readPipelineInputs } from '../../../actions/pipeline/src/inputs'
import { phaseInputs, runTag } from '../../../actions/pipeline/src/main'
import { repoRoot } from '../../support/run-action'
import path from 'node:path'

const reader = (values: Record<string, string>) => new Inputs(name => values[name] ?? '')
const base = {
  apps: '[{"name":"backend","context":"apps/backend"},{"name":"frontend","context":"apps/frontend","dockerfile":"apps/frontend/Dockerfile","build-args":{"A":"1"}}]',
  registry: '127.0.0.1:5000',
  'image-prefix': 'k8s-stack',
  release: 'shop'
}

describe('parseApps', () => {
  it('reads JSON and YAML, defaults the Dockerfile, takes build-args as lines or a mapping', () => {
    expect(parseApps(base.apps)).toEqual([
      {
        name: 'backend',
        context: 'apps/backend',
        dockerfile: 'apps/backend/Dockerfile',
        buildArgs: []
      },
      {
        name: 'frontend',
        context: 'apps/frontend',
        dockerfile: 'apps/frontend/Dockerfile',
        buildArgs: ['A=1']
      }
    ])
    expect(parseApps('- name: api\n  context: .\n  build-args: |\n    X=1\n    Y=2\n')).toEqual([
      { name: 'api', context: '.', dockerfile: './Dockerfile', buildArgs: ['X=1', 'Y=2'] }
    ])
  })
  it.each([
    ['not a list', '{"name":"a"}'],
    ['empty', '[]'],
    ['uppercase name', '[{"name":"Api","context":"."}]'],
    ['duplicate', '[{"name":"a","context":"."},{"name":"a","context":"."}]'],
    ['option-like path', '[{"name":"a","context":"--push"}]'],
    ['bad build arg', '[{"name":"a","context":".","build-args":"no-equals"}]'],
    ['malformed', '[{']
  ])('rejects %s with one line naming the input', (_why, text) => {
    expect(() => parseApps(text)).toThrow(/^Invalid input "apps": .*Expected /)
  })
})

describe('readPipelineInputs', () => {
  it('validates the registry and prefix as an image reference', () => {
    expect(() => readPipelineInputs(reader({ ...base, 'image-prefix': 'My-Org' }))).toThrow(
      /Invalid input "image-prefix"/
    )
  })
  it('wants username and password together', () => {
    expect(() => readPipelineInputs(reader({ ...base, username: 'u' }))).toThrow(
      /Invalid input "username"/
    )
  })
  it('checks the severity', () => {
    expect(() => readPipelineInputs(reader({ ...base, severity: 'SEVERE' }))).toThrow(
      /Invalid input "severity".*CRITICAL, HIGH/
    )
  })
})

describe('phaseInputs', () => {
  const p = phaseInputs(
    readPipelineInputs(
      reader({ ...base, 'build-args': 'NODE_IMAGE=k8s-stack/node:20', 'trivy-offline': 'true' })
    ),
    'run-7-1'
  )
  it('builds each app with the run tag, loads it and does not push', () => {
    expect(p.build(parseApps(base.apps)[1])).toEqual({
      context: 'apps/frontend',
      file: 'apps/frontend/Dockerfile',
      image: '127.0.0.1:5000/k8s-stack/frontend',
      tags: '127.0.0.1:5000/k8s-stack/frontend:run-7-1',
      'build-args': 'NODE_IMAGE=k8s-stack/node:20\nA=1',
      labels: '',
      load: 'true',
      push: 'false'
    })
  })
  it('gates every scan at the severity, offline when asked', () => {
    expect(p.scanImage('x:1')).toMatchObject({
      'scan-type': 'image',
      'fail-on': 'HIGH',
      'offline-scan': 'true',
      'skip-java-db-update': 'true'
    })
    expect(p.scanConfig('k8s')).toMatchObject({
      'scan-type': 'config',
      'scan-ref': 'k8s',
      'skip-check-update': 'true'
    })
  })
  it('deploys the pushed digests atomically and verifies with rollback', () => {
    expect(p.deploy(['backend=r/b@sha256:' + '1'.repeat(64)])).toMatchObject({
      images: 'backend=r/b@sha256:' + '1'.repeat(64),
      atomic: 'true',
      release: 'shop'
    })
    expect(p.verify()).toMatchObject({ release: 'shop', 'rollback-on-failure': 'true' })
  })
  it('tags with the run id and attempt', () => {
    expect(runTag({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '3' })).toBe('run-42-3')
  })
})

describe('child actions', () => {
  it('parses output files in both forms', () => {
    expect(
      parseFileCommands('a=1\nb<<ghadelimiter_x\nline 1\nline 2\nghadelimiter_x\nc=x=y\n')
    ).toEqual({ a: '1', b: 'line 1\nline 2', c: 'x=y' })
  })
  it('gives a child only its own inputs and state and its own command files', () => {
    const env = childEnv(
      { PATH: '/bin', INPUT_APPS: 'leak', STATE_isPost: 'true' },
      { 'scan-type': 'image' },
      { output: '/o', state: '/s' },
      { isPost: 'true' }
    )
    expect(env).toEqual({
      PATH: '/bin',
      'INPUT_SCAN-TYPE': 'image',
      STATE_isPost: 'true',
      GITHUB_OUTPUT: '/o',
      GITHUB_STATE: '/s'
    })
  })
  it('finds sibling bundles from the pipeline bundle, and says when one is missing', () => {
    const from = path.join(repoRoot, 'actions', 'pipeline', 'dist', 'index.js')
    expect(siblingEntry('build', from)).toBe(
      path.join(repoRoot, 'actions', 'build', 'dist', 'index.js')
    )
    expect(() => siblingEntry('nope', from)).toThrow(/the nope action is missing/)
  })
})
