import { KubeClient } from './api'
import { KubeObject, describeObject } from './resources'
import { Container, PodSpec, Workload, WorkloadKind } from './rollout'
import { LabelSelector, selectorMatches } from './selectors'

/** The production checklist, one rule per line of the seed's checklist. */
export const CHECKLIST_RULES = {
  resources: 'CPU and memory requests and limits on every container',
  probes: 'readiness and liveness probes on every container',
  hpa: 'a HorizontalPodAutoscaler for each Deployment with more than one replica',
  'network-policy': 'a NetworkPolicy selecting every pod',
  'service-type': "no NodePort or LoadBalancer Service besides the ingress controller's",
  'secret-env': 'secrets through secretKeyRef or envFrom, never as literal env values',
  'image-digest': 'images pinned by digest (@sha256:...)',
  'non-root': 'containers run as non-root (runAsNonRoot or a non-zero runAsUser)'
} as const

export type ChecklistRule = keyof typeof CHECKLIST_RULES
export const RULE_NAMES = Object.keys(CHECKLIST_RULES) as ChecklistRule[]
export type RuleLevel = 'fail' | 'warn' | 'off'
export const RULE_LEVELS: readonly RuleLevel[] = ['fail', 'warn', 'off']
export type ChecklistLevels = Record<ChecklistRule, RuleLevel>

export interface Violation {
  rule: ChecklistRule
  level: Exclude<RuleLevel, 'off'>
  /** "Deployment backend/api". */
  object: string
  message: string
}

/** Everything the rules look at, as fetched from the cluster. */
export interface LiveObjects {
  workloads: Array<{ kind: WorkloadKind; object: Workload }>
  services: KubeObject[]
  hpas: KubeObject[]
  networkPolicies: KubeObject[]
}

/**
 * Parses `rule: level` lines (or a YAML/JSON mapping's text) over a default level. Throws
 * one line naming the rule or level that is wrong and what is accepted.
 */
export function parseChecklistLevels(
  text: string,
  defaultLevel: RuleLevel = 'fail'
): ChecklistLevels {
  const levels = Object.fromEntries(RULE_NAMES.map(r => [r, defaultLevel])) as ChecklistLevels
  const body = text.trim().replace(/^\{|\}$/g, '')
  for (const raw of body.split(/[\n,]/)) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const m = /^["']?([a-z-]+)["']?\s*[:=]\s*["']?([a-z]+)["']?$/i.exec(line)
    if (!m)
      throw new Error(
        `Invalid input "checklist": ${JSON.stringify(line)}. Expected "rule: fail|warn|off" lines`
      )
    const rule = m[1].toLowerCase() as ChecklistRule
    const level = m[2].toLowerCase() as RuleLevel
    if (!RULE_NAMES.includes(rule)) {
      throw new Error(
        `Invalid input "checklist": unknown rule ${JSON.stringify(m[1])}. Expected one of ${RULE_NAMES.join(', ')}`
      )
    }
    if (!RULE_LEVELS.includes(level)) {
      throw new Error(
        `Invalid input "checklist": ${JSON.stringify(line)}. Expected the level fail, warn or off`
      )
    }
    levels[rule] = level
  }
  return levels
}

// The secret word ends the name: DB_PASSWORD, API_TOKEN, JWT_SECRET; not TOKEN_TTL_SECONDS.
const SECRET_NAME =
  /(^|_)(PASS(WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY|DSN)$/i
// An ingress controller's own Service (ingress-nginx, traefik, ...) may be exposed.
const INGRESS_CONTROLLER = /ingress|traefik|haproxy|contour|envoy|kong/i

function containersOf(spec: PodSpec | undefined): Container[] {
  return spec?.containers ?? []
}

function podSpecOf(w: Workload): PodSpec | undefined {
  return w.spec?.template?.spec
}

type Finding = Omit<Violation, 'level'>

/** Runs every rule that is not off over the live objects. */
export function auditChecklist(live: LiveObjects, levels: ChecklistLevels): Violation[] {
  const findings: Finding[] = []
  const add = (rule: ChecklistRule, o: KubeObject, kind: string, message: string): void => {
    findings.push({ rule, object: describeObject(o, kind), message })
  }

  for (const { kind, object: w } of live.workloads) {
    const spec = podSpecOf(w)
    for (const c of containersOf(spec)) {
      const missing: string[] = []
      for (const part of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory'])
          if (!c.resources?.[part]?.[resource]) missing.push(`${part}.${resource}`)
      }
      if (missing.length)
        add('resources', w, kind, `container ${c.name} has no ${missing.join(', ')}`)

      const probes = [
        !c.readinessProbe && 'readinessProbe',
        !c.livenessProbe && 'livenessProbe'
      ].filter(Boolean)
      if (probes.length)
        add('probes', w, kind, `container ${c.name} has no ${probes.join(' and ')}`)

      for (const e of c.env ?? []) {
        if (e.value && !e.valueFrom && SECRET_NAME.test(e.name)) {
          add(
            'secret-env',
            w,
            kind,
            `container ${c.name} sets ${e.name} as a literal value; use secretKeyRef or envFrom`
          )
        }
      }
    }
    for (const c of [...(spec?.initContainers ?? []), ...containersOf(spec)]) {
      if (!c.image || !/@sha256:[a-f0-9]{64}$/.test(c.image)) {
        add(
          'image-digest',
          w,
          kind,
          `container ${c.name} image ${c.image ?? '(none)'} is not pinned by digest`
        )
      }
      const podCtx = spec?.securityContext ?? {}
      const ctx = c.securityContext ?? {}
      const runAsUser = ctx.runAsUser ?? podCtx.runAsUser
      const runAsNonRoot = ctx.runAsNonRoot ?? podCtx.runAsNonRoot
      if (runAsUser === 0) add('non-root', w, kind, `container ${c.name} runs as user 0 (root)`)
      else if (runAsNonRoot !== true && (runAsUser === undefined || runAsUser === null)) {
        add(
          'non-root',
          w,
          kind,
          `container ${c.name} sets neither runAsNonRoot: true nor a non-zero runAsUser`
        )
      }
    }

    if (kind === 'Deployment' && (w.spec?.replicas ?? 1) > 1) {
      const hpa = live.hpas.find(h => {
        const ref = (h.spec as { scaleTargetRef?: { kind?: string; name?: string } } | undefined)
          ?.scaleTargetRef
        return (
          h.metadata.namespace === w.metadata.namespace &&
          ref?.kind === 'Deployment' &&
          ref.name === w.metadata.name
        )
      })
      if (!hpa)
        add(
          'hpa',
          w,
          kind,
          `has ${w.spec?.replicas} replicas and no HorizontalPodAutoscaler targets it`
        )
    }

    const podLabels = w.spec?.template?.metadata?.labels ?? {}
    const covered = live.networkPolicies.some(
      p =>
        p.metadata.namespace === w.metadata.namespace &&
        selectorMatches(
          (p.spec as { podSelector?: LabelSelector } | undefined)?.podSelector ?? {},
          podLabels
        )
    )
    if (!covered)
      add(
        'network-policy',
        w,
        kind,
        `no NetworkPolicy in namespace ${w.metadata.namespace} selects its pods`
      )
  }

  for (const s of live.services) {
    const type = (s.spec as { type?: string } | undefined)?.type ?? 'ClusterIP'
    if (type !== 'NodePort' && type !== 'LoadBalancer') continue
    const name = `${s.metadata.labels?.['app.kubernetes.io/name'] ?? ''} ${s.metadata.name}`
    if (INGRESS_CONTROLLER.test(name)) continue
    add(
      'service-type',
      s,
      'Service',
      `is of type ${type}; expose it through the Ingress with a ClusterIP Service`
    )
  }

  return findings
    .filter(f => levels[f.rule] !== 'off')
    .map(f => ({ ...f, level: levels[f.rule] as Violation['level'] }))
}

/**
 * Fetches what the rules need for a release: its workloads (given), its Services (same
 * selector), and the HPAs and NetworkPolicies of the workloads' namespaces.
 */
export async function fetchLiveObjects(
  client: KubeClient,
  workloads: LiveObjects['workloads'],
  scope: { selector?: string; namespaces?: string[] }
): Promise<LiveObjects> {
  const namespaces = [...new Set(workloads.map(w => w.object.metadata.namespace ?? ''))].filter(
    Boolean
  )
  const perNamespace = (kind: string): Promise<KubeObject[]> =>
    Promise.all(namespaces.map(ns => client.list(kind, { namespace: ns }).then(l => l.items))).then(
      lists => lists.flat()
    )
  const serviceScopes = scope.namespaces?.length ? scope.namespaces : [undefined]
  const services = scope.selector
    ? (
        await Promise.all(
          serviceScopes.map(ns =>
            client
              .list('Service', { namespace: ns, labelSelector: scope.selector })
              .then(l => l.items)
          )
        )
      ).flat()
    : await perNamespace('Service')
  const [hpas, networkPolicies] = await Promise.all([
    perNamespace('HorizontalPodAutoscaler'),
    perNamespace('NetworkPolicy')
  ])
  return { workloads, services, hpas, networkPolicies }
}
