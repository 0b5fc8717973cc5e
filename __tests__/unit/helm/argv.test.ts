import { describe, expect, it } from '@jest/globals'
import {
  displayArgs,
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
import { helmVersionFromBuildInfo, serverWarnings } from '../../../src/helm/helm'
import { parseModInfo } from '../../../src/core/go-buildinfo'

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
    ],
    [
      'a server that validates fields: no OpenAPI download (Helm 3)',
      3,
      { serverValidatesFields: true },
      ['--atomic', '--wait', '--history-max', '10', '--disable-openapi-validation']
    ],
    [
      'a server that validates fields: no OpenAPI download (Helm 4)',
      4,
      { serverValidatesFields: true, dryRun: true },
      ['--dry-run=server', '--disable-openapi-validation']
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

describe('helmVersionFromBuildInfo', () => {
  const info = (path: string, version: string, ldflags?: string) =>
    parseModInfo(
      'go1.26.8',
      [
        `path\t${path}`,
        `mod\t${path.replace(/\/cmd\/helm$/, '')}\t${version}\th1:x=`,
        'dep\tgithub.com/x/y\tv1.0.0\th1:y=',
        ...(ldflags ? [`build\t-ldflags="${ldflags}"`] : []),
        'build\t-trimpath=true'
      ].join('\n')
    )

  it.each([
    ['go install', info('helm.sh/helm/v3/cmd/helm', 'v3.22.0'), 'v3.22.0'],
    ['go install of Helm 4', info('helm.sh/helm/v4/cmd/helm', 'v4.3.1'), 'v4.3.1'],
    [
      'a release build: the version from -X',
      info(
        'helm.sh/helm/v4/cmd/helm',
        '(devel)',
        '-w -s -X helm.sh/helm/v4/internal/version.version=v4.3.1 -X helm.sh/helm/v4/internal/version.gitCommit=abc'
      ),
      'v4.3.1'
    ],
    ['a devel build with no version flag', info('helm.sh/helm/v3/cmd/helm', '(devel)'), undefined],
    ['another program', info('example.com/helm/cmd/helm', 'v3.0.0'), undefined],
    ['a module version of another major', info('helm.sh/helm/v3/cmd/helm', 'v4.0.0'), undefined],
    ['no build info', undefined, undefined]
  ])('%s', (_name, buildInfo, expected) => {
    expect(helmVersionFromBuildInfo(buildInfo)).toBe(expected)
  })

  it('parses build settings with = and quotes in their values', () => {
    const parsed = info('helm.sh/helm/v3/cmd/helm', 'v3.22.0', '-X a.b=c -X d.e=f')
    expect(parsed.settings['-ldflags']).toBe('-X a.b=c -X d.e=f')
    expect(parsed.settings['-trimpath']).toBe('true')
    expect(parsed.module).toEqual({ path: 'helm.sh/helm/v3', version: 'v3.22.0' })
    expect(parsed.deps).toEqual({ 'github.com/x/y': 'v1.0.0' })
  })
})

describe('serverWarnings', () => {
  it('reads the warnings client-go logs, once each, and nothing else', () => {
    const stderr = [
      'I1127 15:27:46.585214   14364 warnings.go:107] "Warning: unknown field \\"bogusField\\""',
      'W1127 15:27:46.585300   14364 warnings.go:70] policy/v1beta1 PodDisruptionBudget is deprecated',
      'I1127 15:27:46.585400   14364 warnings.go:107] "Warning: unknown field \\"bogusField\\""',
      'Error: UPGRADE FAILED: something',
      'level=WARN msg="upgrade failed"'
    ].join('\n')
    expect(serverWarnings(stderr)).toEqual([
      'unknown field "bogusField"',
      'policy/v1beta1 PodDisruptionBudget is deprecated'
    ])
    expect(serverWarnings('')).toEqual([])
  })
})

describe('displayArgs', () => {
  it('hides every --set-style value, keeps keys and every other argument', () => {
    expect(
      displayArgs([
        'upgrade',
        'web',
        '--set',
        'db.password=hunter2,replicas=3',
        '--set-string',
        'api.image.digest=sha256:abc',
        '--set-json',
        'x={"a":1}',
        '--values',
        'values.yaml',
        '--set',
        'escaped=a\\,b=c'
      ])
    ).toEqual([
      'upgrade',
      'web',
      '--set',
      'db.password=***,replicas=***',
      '--set-string',
      'api.image.digest=***',
      '--set-json',
      'x=***',
      '--values',
      'values.yaml',
      '--set',
      'escaped=***'
    ])
  })
})
