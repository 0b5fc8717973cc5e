// Every rendered object validated by the real Kubernetes 1.36 API server of the sandbox
// (kwok nodes): server-side dry-run with strict field validation, Pod Security admission
// warnings treated as failures, then a real install with Helm 3 and Helm 4 that rolls out.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { sandboxEnv } from '../../support/sandbox'
import { parseObjects } from '../../unit/k8s/checklist'
import { VALUES_FILES, chart, repo, run, template } from './helm'

// Image builds, a cold sandbox and rollouts take minutes: jest's project-level testTimeout
// does not reach hooks here, so the file sets its own.
jest.setTimeout(900000)

let env: Record<string, string>
const created: string[] = []
const suffix = `${process.pid % 100000}`

beforeAll(async () => {
  env = await sandboxEnv()
  const r = await kubectl(['version', '-o', 'json'])
  if (r.code !== 0) throw new Error(`the sandbox API server does not answer: ${r.stderr}`)
  expect(JSON.parse(r.stdout).serverVersion.gitVersion).toBe('v1.36.3')
})

afterAll(async () => {
  if (created.length)
    await kubectl(['delete', 'namespace', '--wait=false', '--ignore-not-found', ...created])
})

function kubectl(args: string[], input?: string) {
  return run(env.K8S_STACK_KUBECTL, args, {
    env: { ...process.env, KUBECONFIG: env.KUBECONFIG },
    input
  })
}

/**
 * stderr without the line client-go logs when Helm 4's watcher cancels its own watches at the
 * end of --wait (`request.go] "Unexpected error when reading response body" err="context
 * canceled"`): a shutdown, not a problem. Any other line stays.
 */
function withoutWatchShutdown(stderr: string): string {
  return stderr
    .split('\n')
    .filter(
      line =>
        !/^E\d{4} [\d:.]+\s+\d+ request\.go:\d+\] "Unexpected error when reading response body" err="context canceled"$/.test(
          line.trim()
        )
    )
    .join('\n')
    .trim()
}

function namespaceArgs(prefix: string): string[] {
  const args: string[] = []
  for (const key of ['frontend', 'backend', 'ingress', 'monitoring']) {
    const name = `${prefix}-${key}`
    created.push(name)
    args.push('--set', `namespaces.${key}.name=${name}`)
  }
  return args
}

/** Creates the render's Namespaces for real (a dry run cannot create what others need), then dry-runs everything. */
async function validate(rendered: string) {
  const objs = parseObjects(rendered)
  const namespaces = objs
    .filter(o => o.kind === 'Namespace')
    .map(o => stringify(o))
    .join('---\n')
  const ns = await kubectl(['apply', '-f', '-'], namespaces)
  if (ns.code !== 0) throw new Error(`cannot create the namespaces: ${ns.stderr}`)
  return kubectl(['apply', '--dry-run=server', '--validate=strict', '-f', '-'], rendered)
}

describe.each([
  ['helm3', 'K8S_STACK_HELM3'],
  ['helm4', 'K8S_STACK_HELM4']
])('%s render', (helmName, key) => {
  it.each(VALUES_FILES)(
    'of %s is accepted by the API server, strict, without a Pod Security warning',
    async file => {
      const prefix = `t3v-${helmName}-${VALUES_FILES.indexOf(file)}-${suffix}`
      const rendered = await template(env[key], file, namespaceArgs(prefix))
      const r = await validate(rendered)
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const accepted = r.stdout.trim().split('\n')
      expect(accepted.length).toBe(parseObjects(rendered).length)
      for (const line of accepted)
        expect(line).toMatch(/ (created|unchanged|configured) \(server dry run\)$/)
    }
  )
})

describe('the validation can fail', () => {
  it("warns on the seed's frontend Deployment in a restricted namespace, and rejects an unknown field", async () => {
    const prefix = `t3f-${suffix}`
    const rendered = await template(env.K8S_STACK_HELM3, 'values.yaml', namespaceArgs(prefix))
    await validate(rendered)
    const seed = parseObjects(
      readFileSync(join(repo, '__tests__/fixtures/k8s/checklist/seed-apps.yaml'), 'utf8')
    ).find(o => o.kind === 'Deployment' && o.metadata.name === 'frontend')!
    seed.metadata.namespace = `${prefix}-frontend`
    const psa = await kubectl(
      ['apply', '--dry-run=server', '--validate=strict', '-f', '-'],
      stringify(seed)
    )
    expect(psa.stderr).toMatch(/would violate PodSecurity "restricted:latest"/)

    const typo = parseObjects(rendered).find(o => o.kind === 'Service')!
    typo.spec.ports[0].targetPorts = 'http'
    const strict = await kubectl(
      ['apply', '--dry-run=server', '--validate=strict', '-f', '-'],
      stringify(typo)
    )
    expect(strict.code).not.toBe(0)
    expect(strict.stderr).toMatch(/unknown field "spec\.ports\[0\]\.targetPorts"/)
  })
})

describe.each([
  ['helm3', 'K8S_STACK_HELM3'],
  ['helm4', 'K8S_STACK_HELM4']
])('%s install on the sandbox cluster', (helmName, key) => {
  it('rolls out both apps by digest, keeps the secret across an upgrade without it, and uninstalls', async () => {
    const prefix = `t3i-${helmName}-${suffix}`
    const release = `t3i-${helmName}`
    const releaseNs = `${prefix}-release`
    created.push(releaseNs)
    const digest = 'sha256:' + 'b2'.repeat(32)
    const helm = (args: string[]) =>
      run(env[key], args, { env: { ...process.env, KUBECONFIG: env.KUBECONFIG } })
    const base = [
      'upgrade',
      '--install',
      release,
      chart,
      '-n',
      releaseNs,
      '--create-namespace',
      ...namespaceArgs(prefix),
      '--wait',
      '--timeout',
      '3m'
    ]

    const install = await helm([
      ...base,
      '--set',
      `backend.image.digest=${digest}`,
      '--set-string',
      'backend.secrets.DB_PASSWORD=first-value'
    ])
    expect(withoutWatchShutdown(install.stderr)).toBe('')
    expect(install.code).toBe(0)
    const image = await kubectl([
      'get',
      'deployment',
      'backend',
      '-n',
      `${prefix}-backend`,
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}'
    ])
    expect(image.stdout).toBe(`127.0.0.1:5000/k8s-stack/backend@${digest}`)
    for (const app of ['frontend', 'backend']) {
      const status = await kubectl([
        'rollout',
        'status',
        `deployment/${app}`,
        '-n',
        `${prefix}-${app}`,
        '--timeout=120s'
      ])
      expect(status.code).toBe(0)
    }

    const upgrade = await helm([...base, '--set', `backend.image.digest=${digest}`])
    expect(upgrade.code).toBe(0)
    const secret = await kubectl([
      'get',
      'secret',
      'backend-secrets',
      '-n',
      `${prefix}-backend`,
      '-o',
      'jsonpath={.data.DB_PASSWORD}'
    ])
    expect(Buffer.from(secret.stdout, 'base64').toString()).toBe('first-value')
    // No replicas field: the HPA owns the count (it raises the backend to its minimum of 3).
    const replicas = await kubectl([
      'get',
      'hpa',
      'backend',
      '-n',
      `${prefix}-backend`,
      '-o',
      'jsonpath={.spec.minReplicas}/{.spec.maxReplicas}'
    ])
    expect(replicas.stdout).toBe('3/10')

    const uninstall = await helm(['uninstall', release, '-n', releaseNs])
    expect(uninstall.code).toBe(0)
    // resource-policy keep: the namespaces and the Secret outlive the release.
    const kept = await kubectl([
      'get',
      'secret',
      'backend-secrets',
      '-n',
      `${prefix}-backend`,
      '-o',
      'name'
    ])
    expect(kept.stdout.trim()).toBe('secret/backend-secrets')
  })
})
