import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runAction, visibleLog, type ActionRun } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'
import type { Workload } from '../../../src/kube/rollout'
import { fixtureRelease, kubeClient, type FixtureRelease } from './fixture-release'

// The verify action run as GitHub runs it (node actions/verify/dist/index.js, INPUT_*),
// against the sandbox's real API server (kwok nodes) and real helm.
jest.setTimeout(600_000)
let env: Record<string, string>
const releases: FixtureRelease[] = []

beforeAll(async () => {
  env = await sandboxEnv()
}, 3_600_000)

afterAll(async () => {
  await Promise.all(releases.map(r => r.cleanup()))
})

async function release(prefix: string, helmMajor: 3 | 4 = 3): Promise<FixtureRelease> {
  const r = await fixtureRelease(prefix, helmMajor)
  releases.push(r)
  return r
}

function verify(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction('verify', inputs, { env })
}

/** The failed check list, from the output. */
function failedChecks(
  run: ActionRun
): Array<{ kind: string; name: string; object: string; message: string }> {
  return JSON.parse(run.outputs['failed-checks'] ?? 'null')
}

function errorLines(run: ActionRun): string[] {
  return run.log.split('\n').filter(l => l.startsWith('::error::'))
}

describe('verify: rollout', () => {
  it('passes a healthy release across two namespaces (Deployments, StatefulSet, DaemonSet)', async () => {
    const r = await release('vok')
    await r.upgrade()
    // The kubeconfig as a base64 input, as a workflow secret would give it.
    const kubeconfig = Buffer.from(readFileSync(env.KUBECONFIG, 'utf8')).toString('base64')
    const run = await runAction(
      'verify',
      { release: r.release, namespace: r.backend, timeout: '2m', kubeconfig },
      { env: { ...env, KUBECONFIG: '/nonexistent' } }
    )
    if (run.exitCode !== 0) throw new Error(visibleLog(run.log))
    expect(run.outputs).toMatchObject({
      result: 'pass',
      'failed-checks': '[]',
      'rolled-back': 'false',
      revision: '1'
    })
    for (const object of [
      `Deployment ${r.frontend}/${r.release}-web`,
      `Deployment ${r.backend}/${r.release}-api`,
      `StatefulSet ${r.backend}/${r.release}-db`,
      `DaemonSet ${r.backend}/${r.release}-agent`
    ]) {
      expect(run.summary).toContain(object)
    }
    expect(run.summary).toContain('#### Rollout')
    expect(run.summary).toContain('#### Production checklist')
    expect(run.summary).toContain('Every rule passed.')
    expect(visibleLog(run.log)).not.toContain(kubeconfig)
  })

  it('fails a Deployment that never becomes ready, naming its pods and the events', async () => {
    const r = await release('vunready')
    await r.upgrade({ unready: true, statefulSet: false, daemonSet: false })
    const started = Date.now()
    const run = await verify({
      release: r.release,
      namespace: r.backend,
      timeout: '15s',
      'checklist-default': 'off'
    })
    const log = visibleLog(run.log)
    expect(run.exitCode).toBe(1)
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(run.outputs.result).toBe('fail')
    const failed = failedChecks(run)
    expect(failed.map(f => `${f.kind} ${f.object}`).sort()).toEqual([
      `rollout Deployment ${r.backend}/${r.release}-api`,
      `rollout Deployment ${r.frontend}/${r.release}-web`
    ])
    expect(failed[0].message).toMatch(/timed out after 15s/)
    expect(log).toContain(
      `Deployment ${r.backend}/${r.release}-api is not ready: 0 of 2 updated replicas are available`
    )
    expect(log).toMatch(
      new RegExp(
        `pod ${r.release}-api-[a-z0-9]+-[a-z0-9]+: Pending; PodScheduled=False \\(Unschedulable: 0/\\d+ nodes are available`
      )
    )
    expect(log).toMatch(new RegExp(`event Warning FailedScheduling on Pod/${r.release}-api-`))
    expect(run.summary).toContain('FailedScheduling')
    const errors = errorLines(run)
    expect(errors[errors.length - 1]).toMatch(
      /^::error::Verification failed: 2 checks failed \(rollout Deployment .*-web; rollout Deployment .*-api\)|^::error::Verification failed: 2 checks failed/
    )
  })
})

describe('verify: production checklist', () => {
  let r: FixtureRelease
  beforeAll(async () => {
    r = await release('vcheck')
    await r.upgrade({ violations: true, statefulSet: false, daemonSet: false })
  })

  it('fails listing each violation with the object name', async () => {
    const run = await verify({ release: r.release, namespace: r.backend, timeout: '2m' })
    expect(run.exitCode).toBe(1)
    const failed = failedChecks(run).map(f => `${f.kind} ${f.name} ${f.object}: ${f.message}`)
    expect(failed).toEqual(
      expect.arrayContaining([
        `checklist resources Deployment ${r.frontend}/${r.release}-web: container web has no limits.cpu, limits.memory`,
        `checklist resources Deployment ${r.backend}/${r.release}-api: container api has no limits.cpu, limits.memory`,
        `checklist service-type Service ${r.frontend}/${r.release}-web: is of type NodePort; expose it through the Ingress with a ClusterIP Service`,
        `checklist secret-env Deployment ${r.backend}/${r.release}-api: container api sets DB_PASSWORD as a literal value; use secretKeyRef or envFrom`,
        `checklist secret-env Deployment ${r.frontend}/${r.release}-web: container web sets DB_PASSWORD as a literal value; use secretKeyRef or envFrom`
      ])
    )
    expect(failed).toHaveLength(5)
    expect(run.summary).toMatch(/\| resources \| fail \| Deployment .*-web \|/)
    // The literal value itself never reaches a log, the summary or an output.
    expect(run.log + run.summary + JSON.stringify(run.outputs)).not.toContain('hunter2-literal')
  })

  it('passes with warnings when the rules are set to warn', async () => {
    const run = await verify({
      release: r.release,
      namespace: r.backend,
      timeout: '2m',
      'checklist-default': 'warn'
    })
    expect([run.exitCode, run.outputs.result]).toEqual([0, 'warn'])
    expect(failedChecks(run)).toEqual([])
    const warnings = run.log.split('\n').filter(l => l.startsWith('::warning::'))
    expect(warnings).toHaveLength(5)
    expect(warnings.join('\n')).toContain(`[service-type] Service ${r.frontend}/${r.release}-web`)
  })

  it('passes when those rules are off', async () => {
    const run = await verify({
      release: r.release,
      namespace: r.backend,
      checklist: 'resources: off\nservice-type: off\nsecret-env: warn'
    })
    expect([run.exitCode, run.outputs.result]).toEqual([0, 'warn'])
    expect(run.summary).toContain('Off: resources')
  })
})

describe('verify: rollback on failure', () => {
  it.each([3, 4] as const)(
    'Helm %i: rolls a failing revision back to the previous one, waits for it, and still fails',
    async major => {
      const r = await release(`vrollback${major}`, major)
      await r.upgrade({ statefulSet: false, daemonSet: false })
      const first = await verify({ release: r.release, namespace: r.backend, timeout: '2m' })
      expect(first.exitCode).toBe(0)
      await r.upgrade({ statefulSet: false, daemonSet: false, unready: true })
      const run = await verify({
        release: r.release,
        namespace: r.backend,
        timeout: '10s',
        'rollback-on-failure': 'true',
        'rollback-timeout': '2m',
        helm: major === 4 ? env.K8S_STACK_HELM4 : env.K8S_STACK_HELM3
      })
      expect(run.exitCode).toBe(1)
      expect(run.outputs).toMatchObject({ result: 'fail', 'rolled-back': 'true', revision: '3' })
      const errors = errorLines(run)
      expect(errors[errors.length - 1]).toMatch(
        new RegExp(
          `Rolled back ${r.release} from revision 2 to revision 1 \\(now revision 3\\), which is ready\\.$`
        )
      )
      expect(run.summary).toContain('#### Rollback')
      const client = await kubeClient()
      try {
        for (const [ns, name] of [
          [r.frontend, `${r.release}-web`],
          [r.backend, `${r.release}-api`]
        ]) {
          const d = await client.get<Workload>('Deployment', name, ns)
          expect(d.spec?.template?.spec).not.toHaveProperty('nodeSelector')
          expect(d.status?.availableReplicas).toBe(2)
        }
      } finally {
        client.close()
      }
    }
  )
})

describe('verify: bad input', () => {
  it.each([
    [
      'malformed checks YAML',
      { checks: '- url: [unclosed' },
      /^::error::Invalid input "checks": is not valid YAML or JSON/
    ],
    [
      'a non-HTTP URL',
      { checks: '- url: ftp://example.com/file' },
      /^::error::Invalid input "checks": check 1: url "ftp:\/\/example.com\/file" is not an HTTP URL. Expected http:\/\/ or https:\/\/$/
    ],
    [
      'a negative timeout',
      { timeout: '-5s' },
      /^::error::Invalid input "timeout": "-5s". Expected a duration such as 90s, 5m or 1h30m/
    ],
    [
      'an unknown checklist rule',
      { checklist: 'limits: fail' },
      /^::error::Invalid input "checklist": unknown rule "limits"/
    ],
    [
      'nothing to verify',
      { release: '' },
      /^::error::Invalid input "release": "". Expected a release name, a selector or workloads/
    ]
  ])('%s: one clear error, exit 1', async (_name, inputs, message) => {
    const run = await verify({ release: 'shop', ...inputs })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })
})
