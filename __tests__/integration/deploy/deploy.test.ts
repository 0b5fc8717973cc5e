// actions/deploy against the sandbox's real API server (kwok nodes), with Helm 3 and Helm 4,
// run as GitHub runs it: node actions/deploy/dist/index.js with INPUT_* and command files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import { KubeClient, type KubeObject } from '../../../src/kube/api'
import { repoRoot, runAction, visibleLog, type ActionRun } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

const CHART = path.join(repoRoot, '__tests__', 'fixtures', 'deploy', 'charts', 'web')
const digest = (c: string): string => `sha256:${c.repeat(64)}`
const WEB = '127.0.0.1:5000/k8s-stack-test/web'
const API = '127.0.0.1:5000/k8s-stack-test/api'
/** Values that must never appear in a log, a summary or an output. */
const SECRET_VALUE = `sentinel-db-pw-${randomBytes(8).toString('hex')}`
const SECRET_LINE_VALUE = `sentinel-line-${randomBytes(8).toString('hex')}`

let env: Record<string, string>
let kubeconfig: string
let client: KubeClient
const runs: ActionRun[] = []

/**
 * The sandbox kubeconfig with its certificate and key files inlined (*-data fields), the way
 * a CI secret holds one: the key material then travels in the input and must not leak.
 */
function inlineKubeconfig(file: string): string {
  const doc = YAML.parse(readFileSync(file, 'utf8'))
  const inline = (o: Record<string, unknown>, fileKey: string): void => {
    if (typeof o[fileKey] !== 'string') return
    o[`${fileKey}-data`] = readFileSync(
      path.resolve(path.dirname(file), o[fileKey] as string)
    ).toString('base64')
    delete o[fileKey]
  }
  for (const c of doc.clusters ?? []) inline(c.cluster, 'certificate-authority')
  for (const u of doc.users ?? []) {
    inline(u.user, 'client-certificate')
    inline(u.user, 'client-key')
  }
  return YAML.stringify(doc)
}

/** Every credential of the sandbox kubeconfig, as text that must not leak. */
function kubeconfigSecrets(): string[] {
  const values: string[] = []
  for (const m of kubeconfig.matchAll(/(client-key-data|token|password):\s*(\S+)/g)) {
    values.push(m[2])
    if (m[1] === 'client-key-data') {
      const pem = Buffer.from(m[2], 'base64').toString('utf8')
      values.push(...pem.split('\n').filter(l => l.length > 20 && !l.startsWith('-----')))
    }
  }
  return values
}

async function deploy(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<ActionRun> {
  const run = await runAction(
    'deploy',
    { kubeconfig, timeout: '60s', ...inputs },
    { env: { PATH: env.PATH, ...extraEnv }, timeoutMs: 5 * 60_000 }
  )
  runs.push(run)
  return run
}

/** The one failure line the runner shows. */
function errorLines(run: ActionRun): string[] {
  return run.log.split('\n').filter(l => l.startsWith('::error::'))
}

beforeAll(async () => {
  env = await sandboxEnv()
  kubeconfig = inlineKubeconfig(env.KUBECONFIG)
  client = KubeClient.fromFile(env.KUBECONFIG)
})

afterAll(() => {
  client?.close()
})

describe.each([3, 4])('deploy with Helm %i', major => {
  const namespace = `deploy-h${major}-${randomBytes(3).toString('hex')}`
  const release = `web-h${major}`
  let helm: string
  const common = (): Record<string, string> => ({ chart: CHART, release, namespace, helm })
  const images = (web: string, api: string): string =>
    `web=${WEB}@${digest(web)}\napi=${API}@${digest(api)}`
  const getDeployment = (name: string) => client.get('Deployment', `${release}-${name}`, namespace)
  const releaseSecrets = async () =>
    (
      await client.list('Secret', { namespace, labelSelector: `owner=helm,name=${release}` })
    ).items.map(s => ({
      revision: Number(s.metadata.labels?.version),
      status: s.metadata.labels?.status
    }))

  beforeAll(() => {
    helm = major === 3 ? env.K8S_STACK_HELM3 : env.K8S_STACK_HELM4
    expect(existsSync(helm)).toBe(true)
  })

  afterAll(async () => {
    await client.delete('Namespace', namespace)
  })

  it('first install creates the namespace, the secret, the release and every object', async () => {
    const run = await deploy({
      ...common(),
      images: images('1', '1'),
      'create-secrets': `web-secrets:\n  DB_PASSWORD: ${SECRET_VALUE}\n${namespace}/line-secret: {TOKEN: ${SECRET_LINE_VALUE}}`
    })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ changed: 'true', revision: '1', status: 'deployed' })
    expect(run.log).toContain(`Helm ${major}.`)
    expect(JSON.parse(run.outputs.images)).toEqual({
      [`Deployment ${namespace}/${release}-web`]: { web: `${WEB}@${digest('1')}` },
      [`Deployment ${namespace}/${release}-api`]: { api: `${API}@${digest('1')}` }
    })
    expect(run.outputs.notes).toContain(`web ${release} revision 1 in ${namespace}`)
    for (const [kind, name] of [
      ['Deployment', `${release}-web`],
      ['Deployment', `${release}-api`],
      ['Service', `${release}-web`],
      ['Service', `${release}-api`],
      ['ConfigMap', `${release}-config`]
    ]) {
      expect((await client.get(kind, name, namespace)).metadata.name).toBe(name)
    }
    const secret = await client.get('Secret', 'web-secrets', namespace)
    expect(
      Buffer.from((secret.data as Record<string, string>).DB_PASSWORD, 'base64').toString()
    ).toBe(SECRET_VALUE)
    const web = await getDeployment('web')
    expect((web.status as { availableReplicas?: number }).availableReplicas).toBe(2)
    expect(run.summary).toContain(`added: \`Deployment ${namespace}/${release}-web\``)
    expect(await releaseSecrets()).toEqual([{ revision: 1, status: 'deployed' }])
  })

  it('a second identical deploy is a no-op: changed=false, no new revision, in seconds', async () => {
    const started = Date.now()
    const run = await deploy({
      ...common(),
      images: images('1', '1'),
      // The base64 form of the kubeconfig, as a KUBECONFIG secret often holds it.
      kubeconfig: Buffer.from(kubeconfig).toString('base64'),
      'create-secrets': `web-secrets:\n  DB_PASSWORD: ${SECRET_VALUE}`
    })
    const elapsed = Date.now() - started
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ changed: 'false', revision: '1', status: 'deployed' })
    expect(JSON.parse(run.outputs.images)[`Deployment ${namespace}/${release}-web`]).toEqual({
      web: `${WEB}@${digest('1')}`
    })
    expect(run.summary).toContain('No change')
    expect(run.log).not.toContain('helm upgrade')
    expect(elapsed).toBeLessThan(5000)
    expect(await releaseSecrets()).toHaveLength(1)
  })

  it('a dry run renders and diffs against the server, and changes nothing', async () => {
    const run = await deploy({ ...common(), images: images('2', '1'), 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.changed).toBe('false')
    expect(run.summary).toContain(`changed: \`Deployment ${namespace}/${release}-web\``)
    expect(await releaseSecrets()).toHaveLength(1)
    expect(JSON.stringify((await getDeployment('web')).spec)).toContain(digest('1'))
  })

  it('an upgrade with a new digest changes the Deployment image and nothing else', async () => {
    const objects = ['Service', 'ConfigMap'].map(kind => [
      kind,
      kind === 'ConfigMap' ? `${release}-config` : `${release}-web`
    ])
    const before = new Map<string, KubeObject>()
    for (const [kind, name] of objects)
      before.set(`${kind}/${name}`, await client.get(kind, name, namespace))
    const webBefore = await getDeployment('web')
    const apiBefore = await getDeployment('api')

    const run = await deploy({ ...common(), images: images('2', '1') })
    expect(errorLines(run)).toEqual([])
    expect(run.outputs).toMatchObject({ changed: 'true', revision: '2', status: 'deployed' })
    // The summary's diff: one changed object, and only its image lines.
    expect(run.summary).toContain(`changed: \`Deployment ${namespace}/${release}-web\``)
    expect(run.summary).not.toContain(`\`Deployment ${namespace}/${release}-api\``)
    const changedLines = run.summary
      .split('\n')
      .filter(l => /^[-+] {2,}/.test(l))
      .map(l => l.replace(/\s+/g, ' '))
    expect(changedLines).toEqual([
      `- image: ${WEB}@${digest('1')}`,
      `+ image: ${WEB}@${digest('2')}`
    ])

    const webAfter = await getDeployment('web')
    const spec = (o: KubeObject) =>
      JSON.parse(JSON.stringify(o.spec).split(digest('2')).join(digest('1')))
    expect(spec(webAfter)).toEqual(spec(webBefore))
    expect(JSON.stringify(webAfter.spec)).toContain(`${WEB}@${digest('2')}`)
    expect((await getDeployment('api')).metadata.generation).toBe(apiBefore.metadata.generation)
    for (const [kind, name] of objects) {
      expect((await client.get(kind, name, namespace)).metadata.resourceVersion).toBe(
        before.get(`${kind}/${name}`)?.metadata.resourceVersion
      )
    }
  })

  it('a release that cannot become ready is rolled back, and the step names what was not ready', async () => {
    const webBefore = await getDeployment('web')
    const run = await deploy({
      ...common(),
      images: images('3', '1'),
      set: 'unready=true',
      timeout: '15s'
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Deploy of release "${release}" in namespace "${namespace}" failed`)
    expect(errors[0]).toMatch(
      new RegExp(`Not ready: Deployment ${namespace}/${release}-(web|api) \\(\\d/\\d available`)
    )
    expect(errors[0]).toContain('Unschedulable')
    expect(errors[0]).toContain('Rolled back: revision 4 now runs what revision 2 ran')
    const webAfter = await getDeployment('web')
    expect(webAfter.spec).toEqual(webBefore.spec)
    const records = await releaseSecrets()
    expect(records.find(r => r.status === 'deployed')?.revision).toBe(4)
    expect(records.find(r => r.revision === 3)?.status).toBe('failed')
    // The rollback revision carries revision 2's fingerprint: its inputs are a no-op again.
    const again = await deploy({ ...common(), images: images('2', '1') })
    expect(again.outputs).toMatchObject({ changed: 'false', revision: '4' })
  })

  it('an object the API server rejects fails with the server message and leaves the release as it was', async () => {
    const webBefore = await getDeployment('web')
    const run = await deploy({ ...common(), images: images('2', '1'), set: 'rejected=true' })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('must be between 1 and 65535')
    // The summary shows what the failed revision tried to add.
    expect(run.summary).toContain(`added: \`Service ${namespace}/${release}-rejected\``)
    expect(await client.find('Service', `${release}-rejected`, namespace)).toBeUndefined()
    expect((await getDeployment('web')).spec).toEqual(webBefore.spec)
    const deployed = (await releaseSecrets()).filter(r => r.status === 'deployed')
    expect(deployed).toHaveLength(1)
  })

  it('a field the server does not know: Helm 3 applies it with the server warning as an annotation, Helm 4 is refused', async () => {
    const configBefore = await client.get('ConfigMap', `${release}-config`, namespace)
    const run = await deploy({ ...common(), images: images('2', '1'), set: 'unknownField=true' })
    // Kubernetes 1.36 validates fields itself: Helm's OpenAPI download is skipped, and the
    // outcome is what Helm gives with it (helm/helm#12470).
    expect(run.log).toMatch(/\[command\]\S+ upgrade .*--disable-openapi-validation/)
    if (major === 3) {
      expect(run.exitCode).toBe(0)
      expect(run.log).toMatch(
        /^::warning title=helm upgrade::API server, release .*unknown field "unknownField"/m
      )
      expect(run.outputs.changed).toBe('true')
    } else {
      expect(run.exitCode).toBe(1)
      expect(errorLines(run)[0]).toContain('.unknownField: field not declared in schema')
      expect(
        (await client.get('ConfigMap', `${release}-config`, namespace)).metadata.resourceVersion
      ).toBe(configBefore.metadata.resourceVersion)
    }
    // The release takes the chart without the field again.
    const back = await deploy({ ...common(), images: images('2', '1') })
    expect(back.exitCode).toBe(0)
    expect((await releaseSecrets()).filter(r => r.status === 'deployed')).toHaveLength(1)
  })

  it('two deploys at once: the second fails on the pending operation, the release stays consistent', async () => {
    const webBefore = await getDeployment('web')
    const first = deploy({
      ...common(),
      images: images('4', '1'),
      set: 'unready=true',
      timeout: '20s'
    })
    // Wait until the first holds the release (a pending revision), then start the second.
    const deadline = Date.now() + 30_000
    while (!(await releaseSecrets()).some(r => r.status?.startsWith('pending'))) {
      if (Date.now() > deadline) throw new Error('the first deploy never reached a pending state')
      await new Promise(r => setTimeout(r, 100))
    }
    const second = await deploy({ ...common(), images: images('5', '1') })
    expect(second.exitCode).toBe(1)
    const errors = errorLines(second)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('another operation (install/upgrade/rollback) is in progress')
    expect(errors[0]).toContain('this one changed nothing')
    // It tried nothing, so it shows no diff (the pending revision is the other deploy's).
    expect(second.summary).not.toContain('changes to release')
    const firstRun = await first
    expect(firstRun.exitCode).toBe(1)
    const records = await releaseSecrets()
    expect(records.filter(r => r.status === 'deployed')).toHaveLength(1)
    expect(records.some(r => r.status?.startsWith('pending'))).toBe(false)
    expect((await getDeployment('web')).spec).toEqual(webBefore.spec)
    // And the release still takes a normal deploy afterwards.
    const after = await deploy({ ...common(), images: images('5', '1') })
    expect(after.exitCode).toBe(0)
    expect(JSON.stringify((await getDeployment('web')).spec)).toContain(digest('5'))
  })
})

describe('the project chart (k8s/)', () => {
  const suffix = randomBytes(3).toString('hex')
  const ns = (part: string): string => `k8s-${part}-${suffix}`
  const parts = ['frontend', 'backend', 'ingress', 'monitoring']
  const common = (): Record<string, string> => ({
    chart: path.join(repoRoot, 'k8s'),
    release: 'shop',
    namespace: ns('release'),
    helm: env.K8S_STACK_HELM4,
    set: parts.map(part => `namespaces.${part}.name=${ns(part)}`).join('\n')
  })
  const images = (backend: string): string =>
    `backend=${API}@${digest(backend)}\nfrontend=${WEB}@${digest('1')}`

  afterAll(async () => {
    for (const part of ['release', ...parts]) await client.delete('Namespace', ns(part))
  })

  it('the diff of a digest-only upgrade names only that Deployment, though the chart reads the live Secret', async () => {
    const first = await deploy({
      ...common(),
      images: images('1'),
      'set-string': `backend.secrets.DB_PASSWORD=${SECRET_VALUE}`
    })
    expect(errorLines(first)).toEqual([])
    expect(first.outputs.changed).toBe('true')
    // The chart keeps secret keys an upgrade does not give by reading the live Secret with
    // `lookup`, which a client-side render cannot do: the diff comes from what Helm applied.
    const upgrade = await deploy({ ...common(), images: images('2') })
    expect(errorLines(upgrade)).toEqual([])
    expect(upgrade.outputs).toMatchObject({ changed: 'true', revision: '2' })
    const changed = [...upgrade.summary.matchAll(/^- \S+ (added|removed|changed): `([^`]+)`/gmu)]
    expect(changed.map(m => `${m[1]} ${m[2]}`)).toEqual([
      `changed Deployment ${ns('backend')}/backend`
    ])
    const secret = await client.get('Secret', 'backend-secrets', ns('backend'))
    expect(
      Buffer.from((secret.data as Record<string, string>).DB_PASSWORD, 'base64').toString()
    ).toBe(SECRET_VALUE)
    // The --set-string value is hidden in the command line the log shows.
    expect(first.log).toContain('backend.secrets.DB_PASSWORD=***')
  })
})

describe('deploy refuses bad input and bad clusters with one clear error', () => {
  const valid = (): Record<string, string> => ({
    chart: CHART,
    release: 'web-bad',
    namespace: 'deploy-bad',
    helm: env.K8S_STACK_HELM3,
    images: `web=${WEB}@${digest('1')}`
  })
  const unreachable = () => kubeconfig.replace(/server:\s*\S+/, 'server: https://127.0.0.1:1')

  it.each<[string, () => Record<string, string>, RegExp]>([
    [
      'a kubeconfig that is not one',
      () => ({ kubeconfig: 'bm90IGEga3ViZWNvbmZpZw==' }),
      /kubeconfig is neither YAML nor base64-encoded YAML/
    ],
    [
      'a kubeconfig without users',
      () => ({ kubeconfig: 'apiVersion: v1\nkind: Config\nclusters: []\n' }),
      /kubeconfig has no clusters, contexts, users/
    ],
    [
      'an unreachable API server',
      () => ({ kubeconfig: unreachable() }),
      /Cannot reach the Kubernetes API server https:\/\/127\.0\.0\.1:1 .*ECONNREFUSED/
    ],
    [
      'a tag instead of a digest',
      () => ({ images: `web=${WEB}:1.0.0` }),
      /Invalid input "images": .*pinned by digest/
    ],
    [
      'an invalid namespace',
      () => ({ namespace: 'Not_A_Namespace' }),
      /Invalid input "namespace": "Not_A_Namespace"/
    ],
    [
      'an invalid release name',
      () => ({ release: 'web_release' }),
      /Invalid input "release": "web_release"/
    ],
    [
      'a release name over 53 characters',
      () => ({ release: 'a'.repeat(54) }),
      /Invalid input "release"/
    ],
    ['an unknown context', () => ({ context: 'nope' }), /kubeconfig has no context "nope"/]
  ])('%s', async (_name, overrides, message) => {
    const run = await deploy({ ...valid(), ...overrides() })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    // Nothing half done: no release record, no namespace.
    expect(await client.find('Namespace', 'deploy-bad')).toBeUndefined()
  })

  it('the post step removes the kubeconfig file main wrote', async () => {
    const run = await deploy({ ...valid(), namespace: 'deploy-post', 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    const file = run.state['kubeconfig-file']
    expect(file).toBeTruthy()
    expect(existsSync(file)).toBe(true)
    const post = await runAction(
      'deploy',
      { kubeconfig },
      { state: { ...run.state, isPost: 'true' }, env: { PATH: env.PATH } }
    )
    runs.push(post)
    expect(post.exitCode).toBe(0)
    expect(existsSync(file)).toBe(false)
    await client.delete('Namespace', 'deploy-post')
  })
})

describe('mode: manifests', () => {
  const manifests = path.join(repoRoot, '__tests__', 'fixtures', 'deploy', 'manifests', 'app.yaml')
  beforeAll(async () => {
    // A clean start: the namespace from an earlier run is deleted and gone.
    await client.delete('Namespace', 'deploy-manifests-test')
    const deadline = Date.now() + 120_000
    while (await client.find('Namespace', 'deploy-manifests-test')) {
      if (Date.now() > deadline) throw new Error('namespace deploy-manifests-test was not deleted')
      await new Promise(r => setTimeout(r, 250))
    }
  })
  afterAll(async () => {
    await client.delete('Namespace', 'deploy-manifests-test')
  })

  it('server-side applies plain manifests with the image pinned by digest, then is a no-op', async () => {
    const inputs = {
      mode: 'manifests',
      manifests,
      release: 'manifests',
      images: `web=${WEB}@${digest('7')}`,
      timeout: '60s'
    }
    const first = await deploy(inputs)
    expect(errorLines(first)).toEqual([])
    expect(first.outputs).toMatchObject({ changed: 'true', status: 'applied' })
    const web = await client.get('Deployment', 'web', 'deploy-manifests-test')
    expect(JSON.stringify(web.spec)).toContain(`${WEB}@${digest('7')}`)
    // The action returns on the event that makes the rollout complete: both pods of the new
    // ReplicaSet Ready (the Deployment's own status follows on the controller's next write).
    const pods = await client.list('Pod', { namespace: 'deploy-manifests-test' })
    const ready = pods.items.filter(p =>
      (
        p.status as { conditions?: Array<{ type: string; status: string }> } | undefined
      )?.conditions?.some(c => c.type === 'Ready' && c.status === 'True')
    )
    expect(ready).toHaveLength(2)
    expect(ready.every(p => JSON.stringify(p.spec).includes(`${WEB}@${digest('7')}`))).toBe(true)
    expect(first.summary).toContain('| Deployment deploy-manifests-test/web | created |')

    const again = await deploy(inputs)
    expect(again.exitCode).toBe(0)
    expect(again.outputs.changed).toBe('false')
    expect(again.summary).toContain('| Deployment deploy-manifests-test/web | unchanged |')
  })

  it('an image that matches no container is refused before anything is applied', async () => {
    const run = await deploy({
      mode: 'manifests',
      manifests,
      release: 'manifests',
      images: `worker=${WEB}-worker@${digest('7')}`
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)[0]).toContain('images: no container in')
  })
})

// Runs last: every run above, failed ones included, is checked.
describe('secrets', () => {
  it('no kubeconfig credential and no created secret value appears in any log, summary or output', () => {
    const forbidden = [
      ...kubeconfigSecrets(),
      Buffer.from(kubeconfig).toString('base64'),
      SECRET_VALUE,
      SECRET_LINE_VALUE,
      Buffer.from(SECRET_VALUE).toString('base64')
    ]
    // The client key, its PEM body lines, and the created secrets' values.
    expect(kubeconfigSecrets().length).toBeGreaterThan(1)
    expect(runs.length).toBeGreaterThan(0)
    for (const run of runs) {
      const visible = [visibleLog(run.log), run.summary, JSON.stringify(run.outputs)].join('\n')
      for (const secret of forbidden) expect(visible.includes(secret)).toBe(false)
    }
    // The runner was told to mask the created secret values.
    expect(runs[0].log).toContain(`::add-mask::${SECRET_VALUE}`)
  })
})
