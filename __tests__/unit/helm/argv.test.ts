import { describe, expect, it } from '@jest/globals'
import {
  getManifestArgs,
  historyArgs,
  parseHelmVersion,
  rollbackArgs,
  templateArgs,
  upgradeArgs,
  waitArgs,
  type HelmMajor,
  type UpgradeOptions
} from '../../../src/helm/argv'

const target = { namespace: 'apps', kubeconfig: '/tmp/kc', context: 'kwok' }
const base: UpgradeOptions = {
  release: 'web',
  chart: '/charts/web',
  valuesFiles: ['a.yaml', 'b.yaml'],
  set: ['replicas=2'],
  setString: ['backend.image.digest=sha256:abc'],
  atomic: true,
  wait: true,
  waitForJobs: false,
  timeoutMs: 300_000,
  historyMax: 10
}
const common = [
  'upgrade',
  'web',
  '/charts/web',
  '--install',
  '--namespace',
  'apps',
  '--kubeconfig',
  '/tmp/kc',
  '--kube-context',
  'kwok',
  '--values',
  'a.yaml',
  '--values',
  'b.yaml',
  '--set',
  'replicas=2',
  '--set-string',
  'backend.image.digest=sha256:abc',
  '--timeout',
  '300s'
]

describe('upgradeArgs', () => {
  it.each<[string, HelmMajor, Partial<UpgradeOptions>, string[]]>([
    [
      'Helm 3 atomic: --atomic and the boolean --wait',
      3,
      {},
      ['--atomic', '--wait', '--history-max', '10']
    ],
    [
      'Helm 4 atomic: --rollback-on-failure and --wait=watcher',
      4,
      {},
      ['--rollback-on-failure', '--wait=watcher', '--history-max', '10']
    ],
    ['Helm 3 without atomic, no wait', 3, { atomic: false, wait: false }, ['--history-max', '10']],
    [
      'Helm 4 without atomic, no wait (hookOnly, its default)',
      4,
      { atomic: false, wait: false },
      ['--history-max', '10']
    ],
    [
      'Helm 3 wait for jobs',
      3,
      { atomic: false, waitForJobs: true },
      ['--wait', '--wait-for-jobs', '--history-max', '10']
    ],
    [
      'Helm 4 wait for jobs',
      4,
      { atomic: false, waitForJobs: true },
      ['--wait=watcher', '--wait-for-jobs', '--history-max', '10']
    ],
    [
      'atomic implies wait even when wait is off',
      3,
      { wait: false },
      ['--atomic', '--wait', '--history-max', '10']
    ],
    [
      'dry run: server-side, no wait, no rollback, no history',
      3,
      { dryRun: true },
      ['--dry-run=server']
    ],
    ['dry run on Helm 4 too', 4, { dryRun: true }, ['--dry-run=server']],
    [
      'labels carry the fingerprint',
      4,
      { labels: { 'k8s-stack-fingerprint': 'abc' }, historyMax: undefined },
      ['--rollback-on-failure', '--wait=watcher', '--labels', 'k8s-stack-fingerprint=abc']
    ]
  ])('%s', (_name, major, overrides, tail) => {
    expect(upgradeArgs(major, target, { ...base, ...overrides })).toEqual([
      ...common,
      ...tail,
      '--output',
      'json'
    ])
  })

  it('passes a chart version and leaves out connection flags it was not given', () => {
    const args = upgradeArgs(
      3,
      { namespace: 'default' },
      { ...base, valuesFiles: [], set: [], setString: [], version: '1.2.3', timeoutMs: 90_500 }
    )
    expect(args.slice(0, 8)).toEqual([
      'upgrade',
      'web',
      '/charts/web',
      '--install',
      '--namespace',
      'default',
      '--version',
      '1.2.3'
    ])
    expect(args).toContain('90500ms')
    expect(args).not.toContain('--kubeconfig')
  })
})

describe('other commands', () => {
  it('waitArgs by major', () => {
    expect(waitArgs(3, false, true)).toEqual([])
    expect(waitArgs(3, true, false)).toEqual(['--wait'])
    expect(waitArgs(4, true, false)).toEqual(['--wait=watcher'])
  })
  it('rollback', () => {
    expect(
      rollbackArgs(4, target, {
        release: 'web',
        revision: 0,
        wait: true,
        waitForJobs: false,
        timeoutMs: 60_000
      })
    ).toEqual([
      'rollback',
      'web',
      '0',
      '--namespace',
      'apps',
      '--kubeconfig',
      '/tmp/kc',
      '--kube-context',
      'kwok',
      '--timeout',
      '60s',
      '--wait=watcher'
    ])
    expect(
      rollbackArgs(
        3,
        { namespace: 'apps' },
        {
          release: 'web',
          revision: 3,
          wait: true,
          waitForJobs: true,
          timeoutMs: 60_000,
          historyMax: 5
        }
      )
    ).toEqual([
      'rollback',
      'web',
      '3',
      '--namespace',
      'apps',
      '--timeout',
      '60s',
      '--wait',
      '--wait-for-jobs',
      '--history-max',
      '5'
    ])
  })
  it('history, manifest, template', () => {
    expect(historyArgs({ namespace: 'apps' }, 'web')).toEqual([
      'history',
      'web',
      '--namespace',
      'apps',
      '--max',
      '20',
      '--output',
      'json'
    ])
    expect(getManifestArgs({ namespace: 'apps' }, 'web', 2)).toEqual([
      'get',
      'manifest',
      'web',
      '--namespace',
      'apps',
      '--revision',
      '2'
    ])
    expect(
      templateArgs(3, 'apps', {
        release: 'web',
        chart: 'c',
        valuesFiles: [],
        set: ['a=1'],
        setString: [],
        isUpgrade: true
      })
    ).toEqual(['template', 'web', 'c', '--namespace', 'apps', '--set', 'a=1', '--is-upgrade'])
  })
})

describe('parseHelmVersion', () => {
  it.each([
    ['v3.22.0', '3.22.0', 3],
    ['v4.3.1\n', '4.3.1', 4],
    ['v3.14.0-rc.1', '3.14.0', 3],
    ['v4.0.0+g1234abc', '4.0.0', 4]
  ])('%j is Helm %s', (text, version, major) => {
    expect(parseHelmVersion(text)).toEqual({ version, major })
  })
  it('refuses Helm 2 and garbage', () => {
    expect(() => parseHelmVersion('v2.17.0')).toThrow(
      'Helm v2.17.0 is not supported; use Helm 3 or Helm 4'
    )
    expect(() => parseHelmVersion('Client: &version.Version{}')).toThrow(
      'Cannot read the Helm version'
    )
  })
})
