// The checklist rules over the committed plain manifests (rendered from the chart), and
// each rule failing on a fixture that breaks it (mostly the seed's own manifests).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
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
} from './checklist'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const read = (p: string) => readFileSync(join(repo, p), 'utf8')
const fixture = (name: string) => parseObjects(read(`__tests__/fixtures/k8s/checklist/${name}`))
const seedApps = fixture('seed-apps.yaml')
const manifests: K8sObject[] = [
  ...parseObjects(read('k8s/manifests/k8s-stack.yaml')),
  ...parseObjects(read('k8s/manifests/monitoring.yaml'))
]
const platform = {
  loki: parse(read('k8s/platform/loki-values.yaml')),
  shipper: parse(read('k8s/platform/alloy-values.yaml'))
}

describe('the committed manifests pass every checklist line', () => {
  it.each([
    ['namespace isolation', namespaceIsolation],
    ['ingress + SSL', ingressWithTls],
    ['no NodePort exposed', noNodePort],
    ['resource limits set', resourceLimits],
    ['probes enabled', probes],
    ['secrets & configmaps', secretsAndConfigMaps],
    ['HPA enabled', hpaEnabled]
  ])('%s', (_name, rule) => {
    expect(rule(manifests)).toEqual([])
  })

  it('monitoring & logging', () => {
    expect(monitoringAndLogging(manifests, platform)).toEqual([])
  })
})

describe('each checklist line fails on a fixture that breaks it', () => {
  it('namespace isolation: no PSA labels, no default deny, a `name:` namespace selector, the default namespace', () => {
    const v = namespaceIsolation([...seedApps, ...fixture('namespace-isolation.yaml')])
    expect(v).toEqual(
      expect.arrayContaining([
        'ConfigMap default/leftover is not in a dedicated namespace',
        'Namespace frontend does not enforce the restricted Pod Security Standard (enforce=none)',
        'namespace backend has no default-deny NetworkPolicy for ingress and egress',
        expect.stringMatching(
          /^NetworkPolicy backend\/backend-policy selects namespaces by \{"matchLabels":\{"name":"ingress"\}\}/
        )
      ])
    )
  })

  it('namespace isolation: frontend and backend in one namespace', () => {
    const shared = manifests.map(o =>
      o.kind === 'Deployment' ? { ...o, metadata: { ...o.metadata, namespace: 'apps' } } : o
    )
    expect(namespaceIsolation(shared)).toContain('frontend and backend share namespace apps')
  })

  it('ingress + SSL: the seed Ingress (wrong namespace, rewrite-target, no TLS)', () => {
    const v = ingressWithTls([...seedApps, ...fixture('ingress-tls.yaml')])
    expect(v).toEqual(
      expect.arrayContaining([
        'Ingress ingress/fullstack-ingress rewrites paths to /: /api/users would reach the backend as /',
        'Ingress ingress/fullstack-ingress serves app.yourdomain.com without TLS',
        "Ingress ingress/fullstack-ingress routes / to Service frontend-svc, which is not in the Ingress's namespace ingress",
        "Ingress ingress/fullstack-ingress routes /api to Service backend-svc, which is not in the Ingress's namespace ingress",
        'no Ingress routes / to the frontend',
        'no Ingress routes /api to the backend'
      ])
    )
    expect(ingressWithTls(seedApps)).toEqual(['no Ingress'])
  })

  it('no NodePort exposed: a NodePort Service and a host port', () => {
    expect(noNodePort(fixture('no-nodeport.yaml'))).toEqual([
      "Service frontend/frontend-nodeport is of type NodePort; only the ingress controller's Service may be exposed",
      'Deployment frontend/debug container debug binds host port 8080'
    ])
  })

  it('resource limits set: the seed frontend has none', () => {
    expect(resourceLimits(seedApps)).toEqual([
      'Deployment frontend/frontend container frontend has no cpu requests',
      'Deployment frontend/frontend container frontend has no memory requests',
      'Deployment frontend/frontend container frontend has no cpu limits',
      'Deployment frontend/frontend container frontend has no memory limits'
    ])
  })

  it('probes enabled: the seed frontend has none, the seed backend uses one check for both', () => {
    expect(probes(seedApps)).toEqual([
      'Deployment backend/backend container backend uses the same check for readiness and liveness: a failing dependency would restart the pod',
      'Deployment frontend/frontend container frontend has no readinessProbe',
      'Deployment frontend/frontend container frontend has no livenessProbe'
    ])
  })

  it('secrets & configmaps: a literal password, committed secret values, no ConfigMap', () => {
    expect(secretsAndConfigMaps(fixture('secrets-configmaps.yaml'))).toEqual([
      'Deployment backend/backend container backend sets secret DB_PASSWORD as a literal env value',
      'no container reads a ConfigMap',
      'no container reads a Secret (envFrom secretRef or secretKeyRef)',
      'Secret backend/backend-secrets carries values (DB_PASSWORD) in the rendered chart: secrets must come at deploy time'
    ])
  })

  it('HPA enabled: replicas set next to the HPA, and a Deployment without one', () => {
    expect(hpaEnabled(fixture('hpa.yaml'))).toEqual([
      "Deployment backend/backend sets replicas=3 while HorizontalPodAutoscaler backend/backend scales it: every upgrade resets the HPA's count",
      'Deployment frontend/frontend has no HorizontalPodAutoscaler'
    ])
  })

  it('monitoring & logging: a monitor that selects nothing, no alerts, no dashboard, a shipper that ships nothing', () => {
    const broken = {
      loki: undefined,
      shipper: parse(read('__tests__/fixtures/k8s/platform-broken/alloy-values.yaml'))
    }
    expect(monitoringAndLogging(fixture('monitoring.yaml'), broken)).toEqual([
      "no ServiceMonitor selects the backend's Service",
      'no PrometheusRule alerts on the 5xx error rate',
      'no PrometheusRule alerts on availability (up)',
      'no Grafana dashboard ConfigMap',
      'no Loki values',
      'no log shipper sending pod logs to Loki'
    ])
  })

  it('CI/CD automated: a push-only build workflow, and a missing one', () => {
    expect(
      cicdAutomated(read('__tests__/fixtures/k8s/checklist/pipeline-not-reusable.yml'))
    ).toEqual([
      'the workflow is not reusable (no on.workflow_call)',
      'the workflow has no scan step',
      'the workflow has no deploy step',
      'the workflow has no verify step'
    ])
    expect(cicdAutomated(undefined)).toEqual([
      'no reusable workflow (.github/workflows/pipeline.yml)'
    ])
    expect(cicdAutomated(read('__tests__/fixtures/k8s/checklist/pipeline-reusable.yml'))).toEqual(
      []
    )
  })
})
