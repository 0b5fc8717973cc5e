// helm lint --strict and helm template with Helm 3 and Helm 4 for every values file; the
// checklist rules over each fresh render; schema errors; the plain manifests never drift.
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { sandboxEnv } from '../../support/sandbox'
import {
  cicdAutomated,
  hpaEnabled,
  ingressWithTls,
  monitoringAndLogging,
  namespaceIsolation,
  noNodePort,
  parseObjects,
  probes,
  resourceLimits,
  secretsAndConfigMaps,
  type K8sObject
} from '../../unit/k8s/checklist'
import { VALUES_FILES, chart, repo, run, template, templateError } from './helm'

// Image builds, a cold sandbox and rollouts take minutes: jest's project-level testTimeout
// does not reach hooks here, so the file sets its own.
jest.setTimeout(900000)

const DIGEST = 'sha256:' + 'a1'.repeat(32)
const MONITORING = ['--api-versions', 'monitoring.coreos.com/v1']
let helms: Array<[string, string]> = []

beforeAll(async () => {
  const env = await sandboxEnv()
  helms = [
    ['helm3', env.K8S_STACK_HELM3],
    ['helm4', env.K8S_STACK_HELM4]
  ]
  for (const [name, path] of helms) {
    if (!path || !existsSync(path))
      throw new Error(`${name} is missing at ${path}: run sandbox/tools.sh ${name}`)
  }
})

const find = (objs: K8sObject[], kind: string, name: string, ns?: string) =>
  objs.find(
    o =>
      o.kind === kind &&
      o.metadata.name === name &&
      (ns === undefined || o.metadata.namespace === ns)
  )

describe.each(['helm3', 'helm4'])('%s', helmName => {
  const helm = () => helms.find(([n]) => n === helmName)![1]

  it('reports its pinned version', async () => {
    const r = await run(helm(), ['version', '--short'])
    expect(r.stdout.trim()).toMatch(helmName === 'helm3' ? /^v3\.22\.0/ : /^v4\.3\.1/)
  })

  it.each(VALUES_FILES)('lints %s with --strict, without warnings', async file => {
    const r = await run(helm(), [
      'lint',
      '--strict',
      chart,
      '-f',
      join(chart, file),
      '--kube-version',
      '1.36.3'
    ])
    expect(r.stderr + r.stdout).not.toMatch(/\[(WARNING|ERROR)\]/)
    expect(r.code).toBe(0)
  })

  it.each(VALUES_FILES)(
    'renders %s into an architecture that passes every checklist line',
    async file => {
      const objs = parseObjects(await template(helm(), file, MONITORING))
      const platform = {
        loki: parse(readFileSync(join(chart, 'platform/loki-values.yaml'), 'utf8')),
        shipper: parse(readFileSync(join(chart, 'platform/alloy-values.yaml'), 'utf8'))
      }
      expect({
        namespaceIsolation: namespaceIsolation(objs),
        ingressWithTls: ingressWithTls(objs),
        noNodePort: noNodePort(objs),
        resourceLimits: resourceLimits(objs),
        probes: probes(objs),
        secretsAndConfigMaps: secretsAndConfigMaps(objs),
        hpaEnabled: hpaEnabled(objs),
        monitoringAndLogging: monitoringAndLogging(objs, platform)
      }).toEqual({
        namespaceIsolation: [],
        ingressWithTls: [],
        noNodePort: [],
        resourceLimits: [],
        probes: [],
        secretsAndConfigMaps: [],
        hpaEnabled: [],
        monitoringAndLogging: []
      })
      // Every object carries the recommended labels.
      for (const o of objs) {
        expect([
          o.kind,
          o.metadata.labels?.['app.kubernetes.io/part-of'],
          o.metadata.labels?.['app.kubernetes.io/managed-by']
        ]).toEqual([o.kind, 'k8s-stack', 'Helm'])
      }
    }
  )

  it('sizes production as the seed says: backend HPA 3 to 10 at 70% CPU', async () => {
    const objs = parseObjects(await template(helm(), 'values-production.yaml'))
    const hpa = find(objs, 'HorizontalPodAutoscaler', 'backend', 'backend')!
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 10 })
    expect(hpa.spec.metrics[0].resource.target.averageUtilization).toBe(70)
  })

  it('pins images by digest when one is given, by tag otherwise', async () => {
    const byDigest = parseObjects(
      await template(helm(), 'values.yaml', [
        '--set',
        `backend.image.digest=${DIGEST}`,
        '--set',
        'frontend.image.repository=registry.example.com/team/web',
        '--set',
        'frontend.image.tag=2.0.1'
      ])
    )
    expect(find(byDigest, 'Deployment', 'backend')!.spec.template.spec.containers[0].image).toBe(
      `127.0.0.1:5000/k8s-stack/backend@${DIGEST}`
    )
    expect(find(byDigest, 'Deployment', 'frontend')!.spec.template.spec.containers[0].image).toBe(
      'registry.example.com/team/web:2.0.1'
    )
  })

  it('takes secret values at deploy time, keeps the Secret on uninstall, and can use an existing Secret', async () => {
    const withValue = parseObjects(
      await template(helm(), 'values.yaml', ['--set-string', 'backend.secrets.DB_PASSWORD=s3cr3t'])
    )
    const secret = find(withValue, 'Secret', 'backend-secrets', 'backend')!
    expect(secret.data).toEqual({ DB_PASSWORD: Buffer.from('s3cr3t').toString('base64') })
    expect(secret.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep')
    const podAnnotations = find(withValue, 'Deployment', 'backend')!.spec.template.metadata
      .annotations
    expect(Object.keys(podAnnotations)).toEqual(['checksum/config', 'checksum/secret'])

    const existing = parseObjects(
      await template(helm(), 'values.yaml', ['--set', 'backend.existingSecret=from-vault'])
    )
    expect(existing.filter(o => o.kind === 'Secret')).toEqual([])
    expect(
      find(existing, 'Deployment', 'backend')!.spec.template.spec.containers[0].envFrom
    ).toEqual([{ configMapRef: { name: 'backend-config' } }, { secretRef: { name: 'from-vault' } }])
  })

  it('puts every object in the configured namespaces, and can leave namespace creation out', async () => {
    const objs = parseObjects(
      await template(helm(), 'values.yaml', [
        ...MONITORING,
        '--set',
        'namespaces.frontend.name=web',
        '--set',
        'namespaces.backend.name=api',
        '--set',
        'namespaces.ingress.name=edge',
        '--set',
        'namespaces.monitoring.name=obs',
        '--set',
        'namespaces.create=false'
      ])
    )
    expect(objs.filter(o => o.kind === 'Namespace')).toEqual([])
    const namespaces = new Set(objs.map(o => o.metadata.namespace))
    expect([...namespaces].sort()).toEqual(['api', 'obs', 'web'])
    const policy = find(objs, 'NetworkPolicy', 'backend-allow-ingress-controller', 'api')!
    expect(policy.spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({
      'kubernetes.io/metadata.name': 'edge'
    })
    expect(find(objs, 'ServiceMonitor', 'backend', 'api')).toBeDefined()
    expect(find(objs, 'ConfigMap', 'k8s-stack-backend-dashboard', 'obs')).toBeDefined()
  })

  it('sets replicas only when the HPA is off', async () => {
    const objs = parseObjects(
      await template(helm(), 'values.yaml', ['--set', 'backend.autoscaling.enabled=false'])
    )
    expect(find(objs, 'Deployment', 'backend')!.spec.replicas).toBe(3)
    expect(find(objs, 'HorizontalPodAutoscaler', 'backend')).toBeUndefined()
    expect(hpaEnabled(objs)).toEqual(['Deployment backend/backend has no HorizontalPodAutoscaler'])
  })

  it('renders the monitoring objects only when the cluster serves monitoring.coreos.com/v1', async () => {
    const without = parseObjects(await template(helm(), 'values.yaml'))
    expect(without.filter(o => o.apiVersion.startsWith('monitoring.coreos.com'))).toEqual([])
    expect(find(without, 'ConfigMap', 'k8s-stack-backend-dashboard')).toBeUndefined()
    const off = parseObjects(
      await template(helm(), 'values.yaml', [...MONITORING, '--set', 'monitoring.enabled=false'])
    )
    expect(off.filter(o => o.apiVersion.startsWith('monitoring.coreos.com'))).toEqual([])
  })

  it.each([
    [['--set', 'backend.image.digest=sha256:abc'], "at '/backend/image/digest'"],
    [['--set', 'backend.secrets.DB_PASSWORD=1234'], "at '/backend/secrets/DB_PASSWORD'"],
    [
      ['--set', 'ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/rewrite-target=/'],
      "at '/ingress/annotations'"
    ],
    [['--set', 'ingress.host=Not_A_Host'], "at '/ingress/host'"],
    [['--set', 'namespaces.backend.name=Backend'], "at '/namespaces/backend/name'"],
    [['--set', 'frontend.containerPort=80'], "at '/frontend/containerPort'"],
    [['--set', 'backend.uid=0'], "at '/backend/uid'"],
    [['--set', 'backend.env.DB_PASSWORD=x'], "at '/backend/env'"],
    [['--set', 'frontend.resources.limits.cpu=lots'], "at '/frontend/resources/limits/cpu'"],
    [['--set', 'backend.imag.tag=1'], "at '/backend'"]
  ])('refuses %j with a message naming the value', async (args, where) => {
    const stderr = await templateError(helm(), args)
    expect(stderr).toContain("values don't meet the specifications of the schema")
    expect(stderr).toContain(where)
  })
})

describe('plain manifests', () => {
  it('are exactly what k8s/render-manifests.sh renders from the chart now', async () => {
    const env = await sandboxEnv()
    const out = mkdtempSync(join(tmpdir(), 'k8s-manifests-'))
    try {
      const r = await run('bash', [join(repo, 'k8s/render-manifests.sh'), out], {
        env: { ...process.env, HELM: env.K8S_STACK_HELM3 }
      })
      expect(r.code).toBe(0)
      for (const file of ['k8s-stack.yaml', 'monitoring.yaml']) {
        const fresh = readFileSync(join(out, file), 'utf8')
        const committed = readFileSync(join(chart, 'manifests', file), 'utf8')
        // One failing line tells whoever changed the chart what to run.
        if (fresh !== committed)
          throw new Error(
            `k8s/manifests/${file} is stale: run k8s/render-manifests.sh and commit it`
          )
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('contain no Secret: the backend Secret is made from a file at deploy time', () => {
    const objs = parseObjects(readFileSync(join(chart, 'manifests/k8s-stack.yaml'), 'utf8'))
    expect(objs.filter(o => o.kind === 'Secret')).toEqual([])
  })
})

describe('platform values', () => {
  it("ingress-nginx: the seed's 2 replicas on role=app nodes, plus a PDB and metrics; the only LoadBalancer", () => {
    const v = parse(readFileSync(join(chart, 'platform/ingress-nginx-values.yaml'), 'utf8'))
    expect(v.controller.replicaCount).toBe(2)
    expect(v.controller.nodeSelector).toEqual({ role: 'app' })
    expect(v.controller.podDisruptionBudget.enabled).toBe(true)
    expect(v.controller.metrics.enabled).toBe(true)
    expect(v.controller.service.type).toBe('LoadBalancer')
    expect(v.controller.allowSnippetAnnotations).toBe(false)
  })
})

describe('CI/CD automated', () => {
  it('the reusable workflow exists and builds, scans, deploys and verifies', () => {
    const path = join(repo, '.github/workflows/pipeline.yml')
    expect(cicdAutomated(existsSync(path) ? readFileSync(path, 'utf8') : undefined)).toEqual([])
  })
})
