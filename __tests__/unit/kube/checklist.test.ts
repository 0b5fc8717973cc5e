import { describe, expect, it } from '@jest/globals'
import {
  auditChecklist,
  parseChecklistLevels,
  RULE_NAMES,
  type LiveObjects
} from '../../../src/kube/checklist'
import type { Container } from '../../../src/kube/rollout'
import { selectorMatches, selectorString } from '../../../src/kube/selectors'

const DIGEST = `sha256:${'a'.repeat(64)}`
const goodContainer = {
  name: 'api',
  image: `registry/api@${DIGEST}`,
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } },
  readinessProbe: {},
  livenessProbe: {},
  securityContext: { runAsNonRoot: true },
  env: [
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    { name: 'TOKEN_TTL_SECONDS', value: '60' }
  ]
}
const deployment = (name: string, container: Container, replicas = 3) => ({
  kind: 'Deployment' as const,
  object: {
    metadata: { name, namespace: 'backend' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container] } }
    }
  }
})
const hpaFor = (name: string) => ({
  metadata: { name, namespace: 'backend' },
  spec: { scaleTargetRef: { kind: 'Deployment', name } }
})
const policy = {
  metadata: { name: 'default-deny', namespace: 'backend' },
  spec: { podSelector: {} }
}

const levels = parseChecklistLevels('', 'fail')

describe('auditChecklist', () => {
  it('passes a production-grade release', () => {
    const live: LiveObjects = {
      workloads: [deployment('api', goodContainer)],
      services: [
        { metadata: { name: 'api', namespace: 'backend' }, spec: { type: 'ClusterIP' } },
        {
          metadata: {
            name: 'ingress-nginx-controller',
            namespace: 'ingress',
            labels: { 'app.kubernetes.io/name': 'ingress-nginx' }
          },
          spec: { type: 'LoadBalancer' }
        }
      ],
      hpas: [hpaFor('api')],
      networkPolicies: [policy]
    }
    expect(auditChecklist(live, levels)).toEqual([])
  })

  it('names each violation with its object', () => {
    const bad = {
      name: 'web',
      image: 'registry/web:1.0',
      env: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
      securityContext: { runAsUser: 0 }
    }
    const live: LiveObjects = {
      workloads: [deployment('web', bad, 2)],
      services: [{ metadata: { name: 'web', namespace: 'backend' }, spec: { type: 'NodePort' } }],
      hpas: [],
      networkPolicies: [
        {
          metadata: { name: 'other', namespace: 'backend' },
          spec: { podSelector: { matchLabels: { app: 'other' } } }
        }
      ]
    }
    const found = auditChecklist(live, levels)
    expect(found.map(v => `${v.rule} ${v.object}`).sort()).toEqual(
      [
        'hpa Deployment backend/web',
        'image-digest Deployment backend/web',
        'network-policy Deployment backend/web',
        'non-root Deployment backend/web',
        'probes Deployment backend/web',
        'resources Deployment backend/web',
        'secret-env Deployment backend/web',
        'service-type Service backend/web'
      ].sort()
    )
    expect(found.find(v => v.rule === 'secret-env')?.message).toContain('DB_PASSWORD')
    expect(found.find(v => v.rule === 'secret-env')?.message).not.toContain('hunter2')
    expect(found.find(v => v.rule === 'resources')?.message).toBe(
      'container web has no requests.cpu, requests.memory, limits.cpu, limits.memory'
    )
  })

  it('applies per-rule levels', () => {
    const live: LiveObjects = {
      workloads: [deployment('web', { ...goodContainer, image: 'web:1' }, 1)],
      services: [],
      hpas: [],
      networkPolicies: []
    }
    const found = auditChecklist(
      live,
      parseChecklistLevels('image-digest: warn\nnetwork-policy: off', 'fail')
    )
    expect(found.map(v => [v.rule, v.level])).toEqual([['image-digest', 'warn']])
  })
})

describe('parseChecklistLevels', () => {
  it('reads rule: level lines over the default', () => {
    const l = parseChecklistLevels('resources: warn\n# comment\nhpa: off\n', 'fail')
    expect(l.resources).toBe('warn')
    expect(l.hpa).toBe('off')
    expect(l.probes).toBe('fail')
    expect(Object.keys(l).sort()).toEqual([...RULE_NAMES].sort())
    expect(parseChecklistLevels('{"probes": "warn", "hpa": "off"}').probes).toBe('warn')
  })
  it.each([
    ['limits: fail', /unknown rule "limits". Expected one of resources, probes/],
    ['resources: maybe', /Expected the level fail, warn or off/],
    ['resources', /Expected "rule: fail\|warn\|off" lines/]
  ])('rejects %s', (text, message) => {
    expect(() => parseChecklistLevels(text)).toThrow(message)
  })
})

describe('selectors', () => {
  it('matches labels and expressions', () => {
    const sel = {
      matchLabels: { app: 'a' },
      matchExpressions: [
        { key: 'tier', operator: 'In' as const, values: ['web', 'api'] },
        { key: 'canary', operator: 'DoesNotExist' as const }
      ]
    }
    expect(selectorMatches(sel, { app: 'a', tier: 'web' })).toBe(true)
    expect(selectorMatches(sel, { app: 'a', tier: 'db' })).toBe(false)
    expect(selectorMatches(sel, { app: 'a', tier: 'web', canary: 'x' })).toBe(false)
    expect(selectorMatches({}, { any: 'thing' })).toBe(true)
    expect(selectorString(sel)).toBe('app=a,tier in (web,api),!canary')
  })
})
