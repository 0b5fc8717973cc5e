// End to end through act: the caller example (.github/workflows/deploy.yml) and scratch
// callers run the reusable pipeline on this host against the sandbox's registry and API
// server, with the fixture Trivy DB as the DB mirror. Each test checks the outcome in the
// real registry and cluster, not only act's exit code.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'
import {
  actRun,
  failureSummary,
  helmHistory,
  loggedOutputs,
  registryDigest,
  registryTags,
  releaseImages,
  scratchRepo,
  stepResult
} from './act'

const RELEASE = 'k8s-stack'
const NAMESPACE = 'k8s-stack'
const APPS = ['backend', 'frontend']
const MINUTES = 60_000

let registry = ''

beforeAll(async () => {
  const env = await sandboxEnv()
  registry = env.REGISTRY
  // The pipeline needs the control plane: fail clearly when the sandbox has none.
  expect(readFileSync(env.KUBECONFIG, 'utf8')).toMatch(/server:/)
}, 60 * MINUTES)

/** Expects every app's run tag in the registry and returns app -> repository@digest. */
async function pushedRefs(runId: string): Promise<Record<string, string>> {
  const refs: Record<string, string> = {}
  for (const app of APPS) {
    const digest = await registryDigest(`k8s-stack/${app}`, `run-${runId}-1`)
    expect({ app, digest }).toEqual({ app, digest: expect.stringMatching(/^sha256:[a-f0-9]{64}$/) })
    refs[app] = `${registry}/k8s-stack/${app}@${digest}`
  }
  return refs
}

/** The release's Deployments' images, keyed by app (the image repository's last part). */
async function deployedByApp(): Promise<Record<string, string>> {
  const images = Object.values(await releaseImages(RELEASE)).flat()
  return Object.fromEntries(
    APPS.map(app => [app, images.find(i => i.startsWith(`${registry}/k8s-stack/${app}@`)) ?? ''])
  )
}

describe('the caller example through act', () => {
  let first: { runId: string; refs: Record<string, string>; durationMs: number }

  it(
    'builds, scans, pushes, deploys by digest and verifies both apps',
    async () => {
      // Everything for real: no reuse of what an earlier run already built and scanned.
      const run = await actRun(['--var', 'K8S_STACK_REUSE_VERIFIED=false'])
      expect({ code: run.code, failure: failureSummary(run) }).toEqual({ code: 0, failure: '' })
      for (const step of [
        'Build',
        'Scan the image',
        'Scan the Dockerfile',
        'Push (only after both scans passed)',
        'Scan the chart'
      ]) {
        expect({ step, result: stepResult(run.log, step) }).toEqual({ step, result: 'success' })
      }
      expect(run.log).toMatch(/Skipped under act - SARIF upload/)
      expect(stepResult(run.log, 'Upload the scan reports to code scanning')).not.toBe('success')

      // The registry holds this run's digests, and the Deployments run exactly those.
      const refs = await pushedRefs(run.runId)
      expect(await deployedByApp()).toEqual(refs)
      for (const step of ['Deploy by digest', 'Verify, rolling back on failure']) {
        expect({ step, result: stepResult(run.log, step) }).toEqual({ step, result: 'success' })
      }
      expect(loggedOutputs(run.log, 'deploy and verify', 'result')).toContain('pass')
      first = { runId: run.runId, refs, durationMs: run.durationMs }
    },
    30 * MINUTES
  )

  it(
    'a second run without changes pushes the same digests and the deploy is a no-op',
    async () => {
      expect(first).toBeDefined()
      const before = await helmHistory(RELEASE, NAMESPACE)
      const run = await actRun()
      expect({ code: run.code, failure: failureSummary(run) }).toEqual({ code: 0, failure: '' })
      expect(await pushedRefs(run.runId)).toEqual(first.refs)
      expect(loggedOutputs(run.log, 'deploy and verify', 'changed')).toEqual(['false'])
      // Apps whose sources are committed (clean) reuse the image that passed: no rebuild.
      for (const app of APPS) {
        const clean =
          execFileSync('git', ['status', '--porcelain', '--', `apps/${app}`], {
            cwd: repoRoot,
            encoding: 'utf8'
          }) === ''
        const reused = run.log
          .split('\n')
          .some(
            l =>
              l.includes(`image (${app})`) &&
              l.includes('Success - Main Reused (no build, scan or push)')
          )
        expect({ app, reused }).toEqual({ app, reused: clean })
      }
      expect((await helmHistory(RELEASE, NAMESPACE)).length).toBe(before.length)
      expect(await deployedByApp()).toEqual(first.refs)
    },
    30 * MINUTES
  )

  it(
    'an app whose image has a CRITICAL advisory stops at the scan: no tag pushed, release unchanged',
    async () => {
      expect(first).toBeDefined()
      const before = await helmHistory(RELEASE, NAMESPACE)
      const env = await sandboxEnv()
      // A caller in another repository, writing the reusable workflow's remote form.
      const caller = scratchRepo(
        {
          '.github/workflows/deploy.yml': [
            'name: deploy',
            'on: workflow_dispatch',
            'permissions: {}',
            'jobs:',
            '  ship:',
            '    uses: k8s-stack/k8s-stack/.github/workflows/pipeline.yml@v1',
            '    permissions: { contents: read, packages: write, security-events: write }',
            '    with:',
            `      apps: '[{"name": "backend", "context": "vulnerable", "dockerfile": "vulnerable/Dockerfile", "build-args": "BASE_IMAGE=${env.DEBIAN_IMAGE}"}]'`,
            '      registry: ${{ vars.K8S_STACK_REGISTRY }}',
            '      image-prefix: k8s-stack',
            `      release: ${RELEASE}`,
            `      namespace: ${NAMESPACE}`,
            '      environment: sandbox',
            '      severity: CRITICAL',
            '      trivy-db-repository: ${{ vars.K8S_STACK_TRIVY_DB }}',
            '      trivy-offline: true',
            '    secrets:',
            '      REGISTRY_USERNAME: ${{ vars.K8S_STACK_REGISTRY_USERNAME }}',
            '      REGISTRY_PASSWORD: ${{ secrets.REGISTRY_PASSWORD }}',
            '      KUBECONFIG: ${{ secrets.KUBECONFIG }}',
            '      TRIVY_DB_USERNAME: ${{ vars.K8S_STACK_TRIVY_DB_USERNAME }}',
            '      TRIVY_DB_PASSWORD: ${{ secrets.TRIVY_DB_PASSWORD }}',
            ''
          ].join('\n')
        },
        { k8s: 'k8s', vulnerable: 'test/trivy-db/images/vulnerable' }
      )
      const run = await actRun(['--workdir', caller])
      expect(run.code).not.toBe(0)
      expect(stepResult(run.log, 'Build')).toBe('success')
      expect(stepResult(run.log, 'Scan the image')).toBe('failure')
      expect(run.log).toMatch(/CVE-2099-0001/)
      expect(stepResult(run.log, 'Push (only after both scans passed)')).not.toBe('success')
      expect(stepResult(run.log, 'Deploy by digest')).toBe('absent')
      expect(await registryTags('k8s-stack/backend')).not.toContain(`run-${run.runId}-1`)
      expect(await helmHistory(RELEASE, NAMESPACE)).toEqual(before)
      expect(await deployedByApp()).toEqual(first.refs)
    },
    30 * MINUTES
  )

  it(
    'a change that cannot become ready is rolled back and the previous revision runs',
    async () => {
      expect(first).toBeDefined()
      const before = await helmHistory(RELEASE, NAMESPACE)
      const deployedBefore = await deployedByApp()
      const run = await actRun([
        '--var',
        `K8S_STACK_SET=${UNREADY_SET}`,
        '--var',
        'K8S_STACK_DEPLOY_TIMEOUT=45s'
      ])
      expect(run.code).not.toBe(0)
      expect(
        stepResult(run.log, 'Deploy by digest') === 'failure' ||
          stepResult(run.log, 'Verify, rolling back on failure') === 'failure'
      ).toBe(true)
      const after = await helmHistory(RELEASE, NAMESPACE)
      // New revisions were stored (the failed one, then the rollback). Compared by number:
      // the history is capped (history-max), so across runs its length stops growing.
      const newest = (h: typeof after) => Math.max(0, ...h.map(r => r.revision))
      expect(newest(after)).toBeGreaterThan(newest(before))
      // The release is back on what ran before: deployed, with the same images.
      expect(after[after.length - 1].status).toBe('deployed')
      expect(after[after.length - 1].description).toMatch(/[Rr]ollback/)
      expect(await deployedByApp()).toEqual(deployedBefore)
    },
    30 * MINUTES
  )
})

/** A node selector no kwok node matches: the new backend pods stay Pending, never Ready. */
const UNREADY_SET = 'backend.nodeSelector.role=k8s-stack-nowhere'

describe('action paths', () => {
  it(
    'uses: k8s-stack/k8s-stack/deploy@v1 and .../actions/deploy@v1 both run (and verify@v1, actions/verify@v1)',
    async () => {
      const chart = path.join('__tests__', 'fixtures', 'deploy', 'charts', 'web')
      const step = (id: string, uses: string, withs: Record<string, string>) => [
        `      - id: ${id}`,
        `        uses: ${uses}`,
        '        with:',
        ...Object.entries(withs).map(([k, v]) => `          ${k}: ${v}`)
      ]
      const deployWith = (release: string) => ({
        chart: 'chart',
        release,
        namespace: 'k8s-stack-paths',
        kubeconfig: '${{ secrets.KUBECONFIG }}',
        timeout: '2m'
      })
      const caller = scratchRepo(
        {
          '.github/workflows/paths.yml': [
            'name: paths',
            'on: workflow_dispatch',
            'permissions: {}',
            'jobs:',
            '  paths:',
            '    runs-on: ubuntu-latest',
            '    permissions: { contents: read }',
            '    steps:',
            '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
            ...step('deploy-short', 'k8s-stack/k8s-stack/deploy@v1', deployWith('paths-short')),
            ...step(
              'deploy-long',
              'k8s-stack/k8s-stack/actions/deploy@v1',
              deployWith('paths-long')
            ),
            ...step('verify-short', 'k8s-stack/k8s-stack/verify@v1', {
              release: 'paths-short',
              namespace: 'k8s-stack-paths',
              kubeconfig: '${{ secrets.KUBECONFIG }}',
              'checklist-default': 'off'
            }),
            ...step('verify-long', 'k8s-stack/k8s-stack/actions/verify@v1', {
              release: 'paths-long',
              namespace: 'k8s-stack-paths',
              kubeconfig: '${{ secrets.KUBECONFIG }}',
              'checklist-default': 'off'
            }),
            ''
          ].join('\n')
        },
        { chart }
      )
      const run = await actRun(['--workdir', caller, '--workflow', '.github/workflows/paths.yml'])
      expect({ code: run.code, failure: failureSummary(run) }).toEqual({ code: 0, failure: '' })
      for (const uses of ['deploy@v1', 'actions/deploy@v1', 'verify@v1', 'actions/verify@v1']) {
        expect({ uses, result: stepResult(run.log, `k8s-stack/k8s-stack/${uses}`) }).toEqual({
          uses,
          result: 'success'
        })
      }
      for (const release of ['paths-short', 'paths-long']) {
        expect({
          release,
          status: (await helmHistory(release, 'k8s-stack-paths')).pop()?.status
        }).toEqual({ release, status: 'deployed' })
      }
    },
    20 * MINUTES
  )
})

describe('the root action: the whole chain in one step', () => {
  it(
    'uses: k8s-stack/k8s-stack@v1 builds, scans, pushes, deploys by digest and verifies',
    async () => {
      const env = await sandboxEnv()
      const checklist = [
        'resources',
        'probes',
        'hpa',
        'network-policy',
        'service-type',
        'secret-env',
        'image-digest',
        'non-root'
      ]
        .map(rule => `${rule}: warn`)
        .join('\\n')
      const caller = scratchRepo(
        {
          'web/Dockerfile': `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo web > /web.txt\n`,
          '.github/workflows/one-step.yml': [
            'name: one-step',
            'on: workflow_dispatch',
            'permissions: {}',
            'jobs:',
            '  ship:',
            '    runs-on: ubuntu-latest',
            '    permissions: { contents: read }',
            '    steps:',
            '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
            '      - id: pipeline',
            '        uses: k8s-stack/k8s-stack@v1',
            '        env:',
            '          TRIVY_USERNAME: ${{ vars.K8S_STACK_TRIVY_DB_USERNAME }}',
            '          TRIVY_PASSWORD: ${{ secrets.TRIVY_DB_PASSWORD }}',
            '        with:',
            `          apps: '[{"name": "web", "context": "web", "build-args": "BASE_IMAGE=${env.DEBIAN_IMAGE}"}]'`,
            '          registry: ${{ vars.K8S_STACK_REGISTRY }}',
            '          image-prefix: k8s-stack',
            '          username: ${{ vars.K8S_STACK_REGISTRY_USERNAME }}',
            '          password: ${{ secrets.REGISTRY_PASSWORD }}',
            '          severity: CRITICAL',
            '          trivy-db-repository: ${{ vars.K8S_STACK_TRIVY_DB }}',
            '          trivy-offline: true',
            '          chart: chart',
            '          release: one-step',
            '          namespace: k8s-stack-paths',
            '          kubeconfig: ${{ secrets.KUBECONFIG }}',
            '          deploy-timeout: 2m',
            `          checklist: "${checklist}"`,
            '      - env:',
            '          IMAGES: ${{ steps.pipeline.outputs.images }}',
            '        run: echo "deployed $IMAGES"',
            ''
          ].join('\n')
        },
        { chart: path.join('__tests__', 'fixtures', 'deploy', 'charts', 'web') }
      )
      const run = await actRun([
        '--workdir',
        caller,
        '--workflow',
        '.github/workflows/one-step.yml'
      ])
      expect({ code: run.code, failure: failureSummary(run) }).toEqual({ code: 0, failure: '' })
      const digest = await registryDigest('k8s-stack/web', `run-${run.runId}-1`)
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      const ref = `${registry}/k8s-stack/web@${digest}`
      expect(run.log).toContain(`deployed web=${ref}`)
      const images = Object.values(await releaseImages('one-step')).flat()
      expect(images).toContain(ref)
    },
    20 * MINUTES
  )
})
