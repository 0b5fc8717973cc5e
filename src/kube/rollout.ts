import { KubeClient } from './api'
import { KubeObject } from './resources'
import { LabelSelector, selectorString } from './selectors'

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]

export interface Workload extends KubeObject {
  spec?: {
    replicas?: number
    selector?: LabelSelector
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } }
    template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec }
  }
  status?: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    currentRevision?: string
    updateRevision?: string
    desiredNumberScheduled?: number
    updatedNumberScheduled?: number
    numberAvailable?: number
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>
  }
}

export interface PodSpec {
  containers?: Container[]
  initContainers?: Container[]
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number }
}

export interface Container {
  name: string
  image?: string
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>
  envFrom?: unknown[]
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  readinessProbe?: unknown
  livenessProbe?: unknown
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number }
}

export interface RolloutState {
  done: boolean
  /** kubectl's wording of where the rollout is. */
  message: string
  /** Set when it can no longer succeed without a change (progress deadline exceeded, unsupported strategy). */
  error?: string
}

/** Where one workload's rollout is, by the rules of `kubectl rollout status`. */
export function rolloutState(kind: WorkloadKind, w: Workload): RolloutState {
  const generation = w.metadata.generation ?? 0
  const s = w.status ?? {}
  const observed = s.observedGeneration ?? 0
  const name = w.metadata.name
  if (kind === 'Deployment') {
    if (generation > observed)
      return { done: false, message: `Waiting for deployment "${name}" spec update to be observed` }
    const progressing = s.conditions?.find(c => c.type === 'Progressing')
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      const message = `deployment "${name}" exceeded its progress deadline`
      return { done: false, message, error: message }
    }
    const want = w.spec?.replicas ?? 1
    const updated = s.updatedReplicas ?? 0
    if (updated < want)
      return { done: false, message: `${updated} out of ${want} new replicas have been updated` }
    if ((s.replicas ?? 0) > updated)
      return {
        done: false,
        message: `${(s.replicas ?? 0) - updated} old replicas are pending termination`
      }
    if ((s.availableReplicas ?? 0) < updated)
      return {
        done: false,
        message: `${s.availableReplicas ?? 0} of ${updated} updated replicas are available`
      }
    return { done: true, message: `deployment "${name}" successfully rolled out` }
  }
  if (kind === 'StatefulSet') {
    const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate'
    if (strategy !== 'RollingUpdate') {
      const message = `statefulset "${name}" uses the ${strategy} strategy; rollout status needs RollingUpdate`
      return { done: false, message, error: message }
    }
    if (observed === 0 || generation > observed)
      return {
        done: false,
        message: `Waiting for statefulset "${name}" spec update to be observed`
      }
    const want = w.spec?.replicas ?? 1
    if ((s.readyReplicas ?? 0) < want)
      return {
        done: false,
        message: `Waiting for ${want - (s.readyReplicas ?? 0)} pods to be ready`
      }
    const partition = w.spec?.updateStrategy?.rollingUpdate?.partition ?? 0
    if (partition > 0) {
      if ((s.updatedReplicas ?? 0) < want - partition) {
        return {
          done: false,
          message: `Waiting for partitioned roll out to finish: ${s.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated`
        }
      }
      return {
        done: true,
        message: `partitioned roll out complete: ${s.updatedReplicas ?? 0} new pods have been updated`
      }
    }
    if (s.updateRevision !== s.currentRevision) {
      return {
        done: false,
        message: `waiting for statefulset rolling update to complete ${s.updatedReplicas ?? 0} pods at revision ${s.updateRevision}`
      }
    }
    return {
      done: true,
      message:
        `statefulset "${name}" rolling update complete ${s.currentRevision ? `at revision ${s.currentRevision}` : ''}`.trim()
    }
  }
  const strategy = w.spec?.updateStrategy?.type ?? 'RollingUpdate'
  if (strategy !== 'RollingUpdate') {
    const message = `daemon set "${name}" uses the ${strategy} strategy; rollout status needs RollingUpdate`
    return { done: false, message, error: message }
  }
  if (generation > observed)
    return { done: false, message: `Waiting for daemon set "${name}" spec update to be observed` }
  const desired = s.desiredNumberScheduled ?? 0
  if ((s.updatedNumberScheduled ?? 0) < desired) {
    return {
      done: false,
      message: `${s.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated`
    }
  }
  if ((s.numberAvailable ?? 0) < desired)
    return {
      done: false,
      message: `${s.numberAvailable ?? 0} of ${desired} updated pods are available`
    }
  return { done: true, message: `daemon set "${name}" successfully rolled out` }
}

const REVISION = 'deployment.kubernetes.io/revision'

interface PodLike extends KubeObject {
  status?: { conditions?: Array<{ type: string; status: string }> }
}

/**
 * Whether a Deployment's rollout is complete judged from its pods: the controller has
 * observed the spec, every pod of the new ReplicaSet (the one at the Deployment's revision)
 * that is needed is Ready, and no pod of an older ReplicaSet is left. With minReadySeconds 0
 * this is exactly what the Deployment's status reports on the controller's next write
 * (0.3-2 s later on a busy control plane), so the watch can end on the pod event itself.
 * False whenever it cannot tell (minReadySeconds, no revision yet, pods not visible).
 */
export function deploymentPodsReady(
  d: Workload,
  replicaSets: Iterable<KubeObject>,
  pods: Iterable<PodLike>
): boolean {
  if (((d.spec as { minReadySeconds?: number } | undefined)?.minReadySeconds ?? 0) > 0) return false
  if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0)) return false
  const revision = d.metadata.annotations?.[REVISION]
  if (!revision || !d.metadata.uid) return false
  const ns = d.metadata.namespace
  const owned = [...replicaSets].filter(
    rs =>
      rs.metadata.namespace === ns &&
      rs.metadata.ownerReferences?.some(o => o.controller && o.uid === d.metadata.uid)
  )
  const current = owned.find(rs => rs.metadata.annotations?.[REVISION] === revision)
  if (!current?.metadata.uid) return false
  const ownedUids = new Set(owned.map(rs => rs.metadata.uid))
  let ready = 0
  for (const p of pods) {
    if (p.metadata.namespace !== ns || p.metadata.deletionTimestamp) continue
    const owner = p.metadata.ownerReferences?.find(o => o.controller)
    if (!owner || !ownedUids.has(owner.uid)) continue
    if (owner.uid !== current.metadata.uid) return false
    if (p.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True')) ready++
  }
  return ready >= (d.spec?.replicas ?? 1)
}

/** Which workloads to watch: by label selector (all or listed namespaces) or by name. */
export interface WorkloadTarget {
  /** Label selector, e.g. app.kubernetes.io/instance=shop. */
  selector?: string
  /** Namespaces to look in; empty means all namespaces. */
  namespaces?: string[]
  /** Explicit objects, e.g. {kind: 'Deployment', namespace: 'backend', name: 'api'}. */
  names?: Array<{ kind: WorkloadKind; namespace: string; name: string }>
}

export interface WorkloadStatus {
  kind: WorkloadKind
  namespace: string
  name: string
  done: boolean
  message: string
  error?: string
  object?: Workload
}

export interface RolloutResult {
  ready: boolean
  workloads: WorkloadStatus[]
  /** Why it ended unready: timeout, a workload error, nothing to watch. */
  reason?: string
  elapsedMs: number
}

const key = (kind: string, namespace: string, name: string): string =>
  `${kind}/${namespace}/${name}`

/**
 * Watches workloads until every one has rolled out (resolving on the event that makes the
 * last one ready, not on a polling tick), one can no longer succeed, or `timeoutMs` passes.
 */
export async function waitForRollout(
  client: KubeClient,
  target: WorkloadTarget,
  options: {
    timeoutMs: number
    signal?: AbortSignal
    onProgress?: (status: WorkloadStatus) => void
  }
): Promise<RolloutResult> {
  const started = Date.now()
  const controller = new AbortController()
  const outer = options.signal
  const onOuterAbort = (): void => controller.abort()
  outer?.addEventListener('abort', onOuterAbort, { once: true })
  const wanted = target.names?.map(n => key(n.kind, n.namespace, n.name))
  const states = new Map<string, WorkloadStatus>()
  const sources = new Map<string, Set<string>>()
  let pendingLists = 0
  let outcome: Omit<RolloutResult, 'elapsedMs' | 'workloads'> | undefined

  const streams: Array<{
    kind: WorkloadKind
    namespace?: string
    labelSelector?: string
    fieldSelector?: string
  }> = []
  if (target.names?.length) {
    for (const n of target.names)
      streams.push({
        kind: n.kind,
        namespace: n.namespace,
        fieldSelector: `metadata.name=${n.name}`
      })
  } else {
    const namespaces = target.namespaces?.length ? target.namespaces : [undefined]
    for (const kind of WORKLOAD_KINDS)
      for (const namespace of namespaces)
        streams.push({ kind, namespace, labelSelector: target.selector })
  }
  pendingLists = streams.length

  // Pods and ReplicaSets beside the Deployments, for deploymentPodsReady. Best effort: when
  // they cannot be watched (RBAC), the Deployment status alone decides.
  const auxStreams: Array<{
    kind: 'Pod' | 'ReplicaSet'
    namespace?: string
    labelSelector?: string
  }> = []
  const deploymentScopes = new Map<string, { namespace?: string; labelSelector?: string }>()
  for (const st of streams) {
    if (st.kind !== 'Deployment') continue
    const scope = { namespace: st.namespace, labelSelector: st.labelSelector }
    deploymentScopes.set(`${scope.namespace ?? ''}|${scope.labelSelector ?? ''}`, scope)
  }
  for (const scope of deploymentScopes.values()) {
    auxStreams.push({ kind: 'ReplicaSet', ...scope }, { kind: 'Pod', ...scope })
  }
  const replicaSets = new Map<string, KubeObject>()
  const pods = new Map<string, PodLike>()
  pendingLists += auxStreams.length

  const computeState = (kind: WorkloadKind, o: Workload): RolloutState => {
    const state = rolloutState(kind, o)
    if (
      kind === 'Deployment' &&
      !state.done &&
      !state.error &&
      deploymentPodsReady(o, replicaSets.values(), pods.values())
    ) {
      return {
        done: true,
        message: `deployment "${o.metadata.name}" successfully rolled out (every pod of the new ReplicaSet is ready)`
      }
    }
    return state
  }

  const evaluate = (): void => {
    if (outcome || pendingLists > 0) return
    const all = [...states.values()]
    const failed = all.find(s => s.error)
    if (failed) {
      outcome = {
        ready: false,
        reason: `${failed.kind} ${failed.namespace}/${failed.name}: ${failed.error}`
      }
    } else if (wanted) {
      if (wanted.every(k => states.get(k)?.done)) outcome = { ready: true }
    } else if (all.length === 0) {
      outcome = {
        ready: false,
        reason: `no Deployment, StatefulSet or DaemonSet matches ${describeTarget(target)}`
      }
    } else if (all.every(s => s.done)) {
      outcome = { ready: true }
    }
    if (outcome) controller.abort()
  }

  const timer = setTimeout(() => {
    outcome ??= { ready: false, reason: `timed out after ${Math.round(options.timeoutMs / 1000)}s` }
    controller.abort()
  }, options.timeoutMs)

  const watchers = streams.map(async (stream, index) => {
    let listed = false
    const sourceId = String(index)
    try {
      await client.listWatch<Workload>(
        stream.kind,
        {
          namespace: stream.namespace,
          labelSelector: stream.labelSelector,
          fieldSelector: stream.fieldSelector,
          signal: controller.signal,
          timeoutSeconds: 120
        },
        objects => {
          // Replace what this stream knows with its current view (a relist may drop objects).
          const mine = sources.get(sourceId) ?? new Set<string>()
          const before = new Map([...mine].map(k => [k, states.get(k)]))
          for (const k of mine) states.delete(k)
          mine.clear()
          for (const o of objects.values()) {
            const k = key(stream.kind, o.metadata.namespace ?? '', o.metadata.name)
            const state = computeState(stream.kind, o)
            const previous = before.get(k)
            const status: WorkloadStatus = {
              kind: stream.kind,
              namespace: o.metadata.namespace ?? '',
              name: o.metadata.name,
              ...state,
              object: o
            }
            states.set(k, status)
            mine.add(k)
            if (!previous || previous.message !== status.message) options.onProgress?.(status)
          }
          sources.set(sourceId, mine)
          if (!listed) {
            listed = true
            pendingLists--
          }
          evaluate()
        }
      )
    } catch (error) {
      outcome ??= {
        ready: false,
        reason: `watching ${stream.kind}s failed: ${error instanceof Error ? error.message : String(error)}`
      }
      controller.abort()
    }
  })
  const auxWatchers = auxStreams.map(async (stream, index) => {
    let listed = false
    const target = stream.kind === 'Pod' ? pods : replicaSets
    const prefix = `${index}/`
    const markListed = (): void => {
      if (!listed) {
        listed = true
        pendingLists--
      }
    }
    try {
      await client.listWatch<KubeObject>(
        stream.kind,
        {
          namespace: stream.namespace,
          labelSelector: stream.labelSelector,
          signal: controller.signal,
          timeoutSeconds: 120
        },
        objects => {
          for (const k of [...target.keys()]) if (k.startsWith(prefix)) target.delete(k)
          for (const [k, o] of objects) target.set(prefix + k, o)
          markListed()
          // A pod turning Ready may complete a Deployment before its status says so.
          for (const [k, status] of states) {
            if (status.kind !== 'Deployment' || status.done || !status.object) continue
            const next = computeState('Deployment', status.object)
            if (next.done) {
              const updated = { ...status, ...next }
              states.set(k, updated)
              options.onProgress?.(updated)
            }
          }
          evaluate()
        }
      )
    } catch {
      markListed()
      evaluate()
    }
  })
  await Promise.all([...watchers, ...auxWatchers])
  clearTimeout(timer)
  outer?.removeEventListener('abort', onOuterAbort)
  outcome ??= { ready: false, reason: 'cancelled' }

  const workloads = [...states.values()]
  for (const k of wanted ?? []) {
    if (!states.has(k)) {
      const [kind, namespace, name] = k.split('/')
      workloads.push({
        kind: kind as WorkloadKind,
        namespace,
        name,
        done: false,
        message: `${kind} ${namespace}/${name} does not exist`
      })
    }
  }
  workloads.sort((a, b) =>
    key(a.kind, a.namespace, a.name).localeCompare(key(b.kind, b.namespace, b.name))
  )
  return { ...outcome, workloads, elapsedMs: Date.now() - started }
}

export function describeTarget(target: WorkloadTarget): string {
  if (target.names?.length)
    return target.names.map(n => `${n.kind} ${n.namespace}/${n.name}`).join(', ')
  const where = target.namespaces?.length
    ? `in namespaces ${target.namespaces.join(', ')}`
    : 'in all namespaces'
  return `selector ${target.selector || '(everything)'} ${where}`
}

// ---------------------------------------------------------------------------------------
// Why a workload is not ready: its pods' states and the recent events about it and them.

export interface PodState {
  name: string
  phase: string
  /** Conditions that are not True, e.g. "Ready=False (ContainersNotReady)". */
  conditions: string[]
  /** Per container: waiting/terminated reasons, restarts, readiness. */
  containers: string[]
}

export interface EventSummary {
  object: string
  type: string
  reason: string
  message: string
  count: number
  lastSeen: string
}

export interface Diagnosis {
  workload: WorkloadStatus
  pods: PodState[]
  events: EventSummary[]
}

export interface Pod extends KubeObject {
  status?: {
    phase?: string
    reason?: string
    message?: string
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

interface ContainerStatus {
  name: string
  ready?: boolean
  restartCount?: number
  state?: {
    waiting?: { reason?: string; message?: string }
    terminated?: { reason?: string; exitCode?: number; message?: string }
    running?: object
  }
  lastState?: { terminated?: { reason?: string; exitCode?: number } }
}

interface CoreEvent extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string }
  type?: string
  reason?: string
  message?: string
  count?: number
  lastTimestamp?: string
  eventTime?: string
  series?: { count?: number; lastObservedTime?: string }
}

export function podState(pod: Pod): PodState {
  const s = pod.status ?? {}
  const conditions = (s.conditions ?? [])
    .filter(c => c.status !== 'True')
    .map(
      c =>
        `${c.type}=${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})` : c.message ? ` (${c.message})` : ''}`
    )
  const containers = [
    ...(s.initContainerStatuses ?? []).map(c => ({ ...c, init: true })),
    ...(s.containerStatuses ?? []).map(c => ({ ...c, init: false }))
  ].map(c => {
    const parts = [`${c.init ? 'init ' : ''}${c.name}:`]
    if (c.state?.waiting)
      parts.push(
        `waiting (${c.state.waiting.reason ?? 'unknown'}${c.state.waiting.message ? `: ${c.state.waiting.message}` : ''})`
      )
    else if (c.state?.terminated)
      parts.push(
        `terminated (${c.state.terminated.reason ?? 'exit'} ${c.state.terminated.exitCode ?? ''})`.replace(
          ' )',
          ')'
        )
      )
    else if (c.state?.running) parts.push(c.ready ? 'running, ready' : 'running, not ready')
    if (c.restartCount) parts.push(`restarts ${c.restartCount}`)
    if (c.lastState?.terminated?.reason) parts.push(`last ${c.lastState.terminated.reason}`)
    return parts.join(' ')
  })
  const phase = `${s.phase ?? 'Unknown'}${s.reason ? ` (${s.reason})` : ''}`
  return { name: pod.metadata.name, phase, conditions, containers }
}

/** One line for a pod: name, phase, the conditions that are not True, its containers. */
export function podSummary(pod: Pod): string {
  const p = podState(pod)
  return [`pod ${p.name} ${p.phase}`, ...p.conditions, ...p.containers].join('; ')
}

/** Pods and recent events for each workload that did not become ready. */
export async function diagnose(
  client: KubeClient,
  workloads: WorkloadStatus[],
  maxEvents = 8
): Promise<Diagnosis[]> {
  const eventsByNamespace = new Map<string, Promise<CoreEvent[]>>()
  const eventsIn = (ns: string): Promise<CoreEvent[]> => {
    if (!eventsByNamespace.has(ns))
      eventsByNamespace.set(
        ns,
        client.list<CoreEvent>('Event', { namespace: ns }).then(
          l => l.items,
          () => []
        )
      )
    return eventsByNamespace.get(ns)!
  }
  return Promise.all(
    workloads.map(async workload => {
      const selector = workload.object?.spec?.selector
      const pods = selector
        ? (
            await client
              .list<Pod>('Pod', {
                namespace: workload.namespace,
                labelSelector: selectorString(selector)
              })
              .catch(() => ({ items: [] as Pod[] }))
          ).items
        : []
      const replicaSets =
        workload.kind === 'Deployment' && selector
          ? (
              await client
                .list('ReplicaSet', {
                  namespace: workload.namespace,
                  labelSelector: selectorString(selector)
                })
                .catch(() => ({ items: [] as KubeObject[] }))
            ).items
          : []
      const subjects = new Set([
        `${workload.kind}/${workload.name}`,
        ...pods.map(p => `Pod/${p.metadata.name}`),
        ...replicaSets.map(r => `ReplicaSet/${r.metadata.name}`)
      ])
      const events = (await eventsIn(workload.namespace))
        .filter(e => subjects.has(`${e.involvedObject?.kind}/${e.involvedObject?.name}`))
        .map(e => ({
          object: `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
          type: e.type ?? 'Normal',
          reason: e.reason ?? '',
          message: (e.message ?? '').trim(),
          count: e.series?.count ?? e.count ?? 1,
          lastSeen:
            e.series?.lastObservedTime ??
            e.lastTimestamp ??
            e.eventTime ??
            e.metadata.creationTimestamp ??
            ''
        }))
        .sort((a, b) => a.lastSeen.localeCompare(b.lastSeen))
      return { workload, pods: pods.map(podState), events: events.slice(-maxEvents) }
    })
  )
}

/** A diagnosis as log/summary lines. */
export function formatDiagnosis(d: Diagnosis): string[] {
  const w = d.workload
  const lines = [`${w.kind} ${w.namespace}/${w.name} is not ready: ${w.error ?? w.message}`]
  if (d.pods.length === 0) lines.push('  pods: none')
  for (const p of d.pods) {
    lines.push(
      `  pod ${p.name}: ${p.phase}${p.conditions.length ? `; ${p.conditions.join('; ')}` : ''}`
    )
    for (const c of p.containers) lines.push(`    ${c}`)
  }
  if (d.events.length === 0) lines.push('  events: none')
  for (const e of d.events)
    lines.push(
      `  event ${e.type} ${e.reason} on ${e.object}${e.count > 1 ? ` (x${e.count})` : ''}: ${e.message}`
    )
  return lines
}
