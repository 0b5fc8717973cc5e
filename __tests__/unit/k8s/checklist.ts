// The seed's FINAL PRODUCTION CHECKLIST as rules over rendered Kubernetes objects. Each rule
// returns its violations (empty when it holds). Used by the unit tests (committed manifests
// and broken fixtures) and the integration tests (fresh helm 3 and helm 4 renders).
import { parseAllDocuments, parse } from 'yaml'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type K8sObject = {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  [key: string]: any
}

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map(d => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => !!o && typeof o === 'object' && typeof o.kind === 'string')
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'PriorityClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration'
])
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|CREDENTIALS?)($|_)/i

const id = (o: K8sObject) => `${o.kind} ${o.metadata.namespace ?? '-'}/${o.metadata.name}`

function podSpec(o: K8sObject): any | undefined {
  if (o.kind === 'Pod') return o.spec
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind))
    return o.spec?.template?.spec
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec
  return undefined
}

function containers(o: K8sObject): Array<{ c: any; where: string }> {
  const spec = podSpec(o)
  if (!spec) return []
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: any) => ({
    c,
    where: `${id(o)} container ${c.name}`
  }))
}

const workloads = (objs: K8sObject[]) => objs.filter(o => podSpec(o) !== undefined)
const ofKind = (objs: K8sObject[], kind: string) => objs.filter(o => o.kind === kind)

function appDeployment(objs: K8sObject[], app: string): K8sObject | undefined {
  return ofKind(objs, 'Deployment').find(
    d => d.metadata.labels?.['app.kubernetes.io/name'] === app || d.metadata.name === app
  )
}

function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v)
}

/** Namespace isolation: apps in their own namespaces, PSA labels, default deny, correct selectors. */
export function namespaceIsolation(objs: K8sObject[]): string[] {
  const v: string[] = []
  for (const o of objs) {
    if (CLUSTER_SCOPED.has(o.kind)) continue
    if (!o.metadata.namespace || o.metadata.namespace === 'default')
      v.push(`${id(o)} is not in a dedicated namespace`)
  }
  const fe = appDeployment(objs, 'frontend')
  const be = appDeployment(objs, 'backend')
  if (!fe || !be) v.push('a frontend and a backend Deployment are required')
  else if (fe.metadata.namespace === be.metadata.namespace)
    v.push(`frontend and backend share namespace ${fe.metadata.namespace}`)
  const appNamespaces = [fe, be].filter(Boolean).map(d => d!.metadata.namespace!)
  for (const ns of appNamespaces) {
    const nsObj = objs.find(o => o.kind === 'Namespace' && o.metadata.name === ns)
    const level = nsObj?.metadata.labels?.['pod-security.kubernetes.io/enforce']
    if (level !== 'restricted')
      v.push(
        `Namespace ${ns} does not enforce the restricted Pod Security Standard (enforce=${level ?? 'none'})`
      )
    const denyAll = ofKind(objs, 'NetworkPolicy').some(
      p =>
        p.metadata.namespace === ns &&
        Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
        ['Ingress', 'Egress'].every(t => (p.spec?.policyTypes ?? []).includes(t)) &&
        !p.spec?.ingress?.length &&
        !p.spec?.egress?.length
    )
    if (!denyAll) v.push(`namespace ${ns} has no default-deny NetworkPolicy for ingress and egress`)
  }
  for (const p of ofKind(objs, 'NetworkPolicy')) {
    const peers = [...(p.spec?.ingress ?? []), ...(p.spec?.egress ?? [])].flatMap((r: any) => [
      ...(r.from ?? []),
      ...(r.to ?? [])
    ])
    for (const peer of peers) {
      const sel = peer.namespaceSelector
      if (!sel) continue
      const keys = [
        ...Object.keys(sel.matchLabels ?? {}),
        ...(sel.matchExpressions ?? []).map((e: any) => e.key)
      ]
      if (!keys.includes('kubernetes.io/metadata.name')) {
        v.push(
          `${id(p)} selects namespaces by ${JSON.stringify(sel)}, which kubectl-created namespaces do not carry; use kubernetes.io/metadata.name`
        )
      }
    }
  }
  return v
}

/** Ingress + SSL: / to the frontend and /api to the backend on one TLS host, Services in the Ingress's namespace. */
export function ingressWithTls(objs: K8sObject[]): string[] {
  const v: string[] = []
  const ingresses = ofKind(objs, 'Ingress')
  if (ingresses.length === 0) return ['no Ingress']
  const routes: Array<{ host: string; path: string; ns: string }> = []
  for (const ing of ingresses) {
    const ns = ing.metadata.namespace
    if (!ing.spec?.ingressClassName) v.push(`${id(ing)} has no ingressClassName`)
    for (const [k, val] of Object.entries(ing.metadata.annotations ?? {})) {
      if (k.endsWith('/rewrite-target'))
        v.push(`${id(ing)} rewrites paths to ${val}: /api/users would reach the backend as ${val}`)
    }
    const tlsHosts = new Set(
      (ing.spec?.tls ?? []).filter((t: any) => t.secretName).flatMap((t: any) => t.hosts ?? [])
    )
    for (const rule of ing.spec?.rules ?? []) {
      if (!rule.host) v.push(`${id(ing)} has a rule without a host`)
      else if (!tlsHosts.has(rule.host)) v.push(`${id(ing)} serves ${rule.host} without TLS`)
      for (const p of rule.http?.paths ?? []) {
        const svcName = p.backend?.service?.name
        const svc = objs.find(
          o => o.kind === 'Service' && o.metadata.name === svcName && o.metadata.namespace === ns
        )
        if (!svc) {
          v.push(
            `${id(ing)} routes ${p.path} to Service ${svcName}, which is not in the Ingress's namespace ${ns}`
          )
          continue
        }
        const port = p.backend.service.port ?? {}
        const hasPort = (svc.spec?.ports ?? []).some((sp: any) =>
          port.name ? sp.name === port.name : sp.port === port.number
        )
        if (!hasPort)
          v.push(`${id(ing)} routes ${p.path} to a port Service ${svcName} does not have`)
        routes.push({ host: rule.host, path: p.path, ns: ns! })
      }
    }
  }
  const fe = appDeployment(objs, 'frontend')
  const be = appDeployment(objs, 'backend')
  const root = routes.find(r => r.path === '/')
  const api = routes.find(r => r.path === '/api' || r.path === '/api/')
  if (!root || root.ns !== fe?.metadata.namespace) v.push('no Ingress routes / to the frontend')
  if (!api || api.ns !== be?.metadata.namespace) v.push('no Ingress routes /api to the backend')
  if (root && api && root.host !== api.host)
    v.push(`/ and /api are on different hosts (${root.host}, ${api.host})`)
  return v
}

/** No NodePort (or LoadBalancer, or host ports) anywhere in the app: only ClusterIP Services. */
export function noNodePort(objs: K8sObject[]): string[] {
  const v: string[] = []
  for (const s of ofKind(objs, 'Service')) {
    const type = s.spec?.type ?? 'ClusterIP'
    if (type !== 'ClusterIP')
      v.push(`${id(s)} is of type ${type}; only the ingress controller's Service may be exposed`)
  }
  for (const w of workloads(objs)) {
    if (podSpec(w).hostNetwork) v.push(`${id(w)} uses the host network`)
  }
  for (const { c, where } of workloads(objs).flatMap(containers)) {
    for (const p of c.ports ?? []) if (p.hostPort) v.push(`${where} binds host port ${p.hostPort}`)
  }
  return v
}

/** Resource limits: requests and limits for cpu and memory on every container. */
export function resourceLimits(objs: K8sObject[]): string[] {
  const v: string[] = []
  const all = workloads(objs).flatMap(containers)
  if (all.length === 0) return ['no containers']
  for (const { c, where } of all) {
    for (const kind of ['requests', 'limits'])
      for (const res of ['cpu', 'memory'])
        if (!c.resources?.[kind]?.[res]) v.push(`${where} has no ${res} ${kind}`)
  }
  return v
}

/** Probes: separate readiness and liveness probes on every (non-init) container. */
export function probes(objs: K8sObject[]): string[] {
  const v: string[] = []
  const all = workloads(objs).flatMap(o =>
    (podSpec(o).containers ?? []).map((c: any) => ({ c, where: `${id(o)} container ${c.name}` }))
  )
  if (all.length === 0) return ['no containers']
  for (const { c, where } of all) {
    if (!c.readinessProbe) v.push(`${where} has no readinessProbe`)
    if (!c.livenessProbe) v.push(`${where} has no livenessProbe`)
    if (
      c.readinessProbe &&
      c.livenessProbe &&
      JSON.stringify(c.readinessProbe) === JSON.stringify(c.livenessProbe)
    ) {
      v.push(
        `${where} uses the same check for readiness and liveness: a failing dependency would restart the pod`
      )
    }
  }
  return v
}

/** Secrets & ConfigMaps: config from a ConfigMap, secrets from a Secret, no literal secrets, no committed values. */
export function secretsAndConfigMaps(objs: K8sObject[]): string[] {
  const v: string[] = []
  let usesConfigMap = false
  let usesSecret = false
  for (const w of workloads(objs)) {
    const ns = w.metadata.namespace
    for (const { c, where } of containers(w)) {
      for (const src of c.envFrom ?? []) {
        if (src.configMapRef) {
          usesConfigMap = true
          const exists = objs.some(
            o =>
              o.kind === 'ConfigMap' &&
              o.metadata.name === src.configMapRef.name &&
              o.metadata.namespace === ns
          )
          if (!exists && !src.configMapRef.optional)
            v.push(
              `${where} reads ConfigMap ${src.configMapRef.name}, which is not rendered in ${ns}`
            )
        }
        if (src.secretRef) usesSecret = true
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.configMapKeyRef) usesConfigMap = true
        if (e.valueFrom?.secretKeyRef) usesSecret = true
        if (SECRET_NAME.test(e.name) && e.value !== undefined)
          v.push(`${where} sets secret ${e.name} as a literal env value`)
      }
    }
  }
  if (!usesConfigMap) v.push('no container reads a ConfigMap')
  if (!usesSecret) v.push('no container reads a Secret (envFrom secretRef or secretKeyRef)')
  for (const s of ofKind(objs, 'Secret')) {
    const keys = [...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]
    if (keys.length)
      v.push(
        `${id(s)} carries values (${keys.join(', ')}) in the rendered chart: secrets must come at deploy time`
      )
  }
  return v
}

/** HPA enabled: an autoscaling/v2 CPU HPA per Deployment, and no replicas field to fight it. */
export function hpaEnabled(objs: K8sObject[]): string[] {
  const v: string[] = []
  const deployments = ofKind(objs, 'Deployment')
  if (deployments.length === 0) return ['no Deployment']
  for (const d of deployments) {
    const hpa = ofKind(objs, 'HorizontalPodAutoscaler').find(
      h =>
        h.metadata.namespace === d.metadata.namespace &&
        h.spec?.scaleTargetRef?.kind === 'Deployment' &&
        h.spec?.scaleTargetRef?.name === d.metadata.name
    )
    if (!hpa) {
      v.push(`${id(d)} has no HorizontalPodAutoscaler`)
      continue
    }
    if (hpa.apiVersion !== 'autoscaling/v2')
      v.push(`${id(hpa)} uses ${hpa.apiVersion}, not autoscaling/v2`)
    const cpu = (hpa.spec.metrics ?? []).some(
      (m: any) =>
        m.type === 'Resource' &&
        m.resource?.name === 'cpu' &&
        m.resource?.target?.type === 'Utilization'
    )
    if (!cpu) v.push(`${id(hpa)} does not scale on CPU utilization`)
    if (!(hpa.spec.minReplicas >= 1 && hpa.spec.maxReplicas >= hpa.spec.minReplicas))
      v.push(`${id(hpa)} has an invalid replica range`)
    if (d.spec?.replicas !== undefined)
      v.push(
        `${id(d)} sets replicas=${d.spec.replicas} while ${id(hpa)} scales it: every upgrade resets the HPA's count`
      )
  }
  return v
}

export interface PlatformValues {
  loki?: any
  shipper?: any
}

/** Monitoring & logging: ServiceMonitor on the backend's /metrics, alerts, dashboard; Loki and a shipper. */
export function monitoringAndLogging(objs: K8sObject[], platform: PlatformValues): string[] {
  const v: string[] = []
  const be = appDeployment(objs, 'backend')
  const beSvc = ofKind(objs, 'Service').find(
    s =>
      s.metadata.namespace === be?.metadata.namespace &&
      selects(s.spec?.selector, be?.spec?.template?.metadata?.labels)
  )
  const monitors = ofKind(objs, 'ServiceMonitor').filter(m => {
    const nsOk = (m.spec?.namespaceSelector?.matchNames ?? [m.metadata.namespace]).includes(
      beSvc?.metadata.namespace
    )
    return nsOk && selects(m.spec?.selector?.matchLabels, beSvc?.metadata.labels)
  })
  if (!beSvc || monitors.length === 0) v.push("no ServiceMonitor selects the backend's Service")
  for (const m of monitors) {
    const ok = (m.spec.endpoints ?? []).some(
      (e: any) =>
        (e.path ?? '/metrics') === '/metrics' &&
        (beSvc!.spec.ports ?? []).some((p: any) => p.name === e.port)
    )
    if (!ok) v.push(`${id(m)} does not scrape /metrics on a named port of the backend Service`)
  }
  const alerts = ofKind(objs, 'PrometheusRule')
    .flatMap(r => (r.spec?.groups ?? []).flatMap((g: any) => g.rules ?? []))
    .filter((r: any) => r.alert)
  if (!alerts.some((a: any) => /http_requests_total/.test(a.expr) && /5\.\./.test(a.expr)))
    v.push('no PrometheusRule alerts on the 5xx error rate')
  if (!alerts.some((a: any) => /\bup\b/.test(a.expr)))
    v.push('no PrometheusRule alerts on availability (up)')
  if (!ofKind(objs, 'ConfigMap').some(c => c.metadata.labels?.grafana_dashboard === '1'))
    v.push('no Grafana dashboard ConfigMap')
  if (!platform.loki?.loki) v.push('no Loki values')
  const shipperConfig = JSON.stringify(platform.shipper ?? {})
  if (
    !/loki\.source\.kubernetes|loki\.source\.file/.test(shipperConfig) ||
    !/loki\.write/.test(shipperConfig)
  ) {
    v.push('no log shipper sending pod logs to Loki')
  }
  return v
}

/** CI/CD automated: a reusable workflow that builds, scans, pushes and deploys. */
export function cicdAutomated(workflowText: string | undefined): string[] {
  if (workflowText === undefined) return ['no reusable workflow (.github/workflows/pipeline.yml)']
  const wf = parse(workflowText) ?? {}
  const v: string[] = []
  const on = wf.on ?? wf[true as unknown as string]
  if (!on || typeof on !== 'object' || !('workflow_call' in on))
    v.push('the workflow is not reusable (no on.workflow_call)')
  const text = JSON.stringify(wf.jobs ?? {})
  for (const step of ['build', 'scan', 'deploy', 'verify']) {
    if (!new RegExp(`(^|[/"])(actions/)?${step}(@|"|/|$)|"${step}"`).test(text))
      v.push(`the workflow has no ${step} step`)
  }
  return v
}

export const RULES = {
  'namespace isolation': namespaceIsolation,
  'ingress with TLS': ingressWithTls,
  'no NodePort exposed': noNodePort,
  'resource limits set': resourceLimits,
  'probes enabled': probes,
  'secrets and configmaps': secretsAndConfigMaps,
  'HPA enabled': hpaEnabled
} as const
