import { KubeApiError, sleep, type KubeClient, type KubeObject } from '../../../src/kube/api'
import {
  podSummary,
  rolloutState,
  type Pod,
  type Workload as LiveWorkload
} from '../../../src/kube/rollout'

export interface Workload {
  kind: 'Deployment' | 'StatefulSet'
  namespace: string
  name: string
}

/** What one look at a workload found. */
export interface WorkloadSnapshot {
  object: string
  generation: number
  ready: boolean
  /** "0/2 available, 1/2 updated" and the first not-ready pods' reasons. */
  detail: string
}

/**
 * Watches a release's workloads while Helm upgrades it, so that when Helm gives up and rolls
 * back, we can still say what did not become ready: the state kept is the last one seen
 * before the rollback changed the object again (generation past the upgrade's) or removed it.
 */
export class ReadinessObserver {
  private readonly baseGeneration = new Map<string, number>()
  private readonly kept = new Map<string, WorkloadSnapshot>()
  private stopped = false
  private loop?: Promise<void>
  private readonly wake = new AbortController()

  constructor(
    private readonly client: KubeClient,
    private readonly workloads: Workload[],
    private readonly intervalMs = 1000
  ) {}

  /** Records the generations before the upgrade, then looks every interval. */
  async start(): Promise<void> {
    await Promise.all(
      this.workloads.map(async w => {
        const found = await this.client.find(w.kind, w.name, w.namespace).catch(() => undefined)
        this.baseGeneration.set(key(w), found?.metadata.generation ?? 0)
      })
    )
    // The first look waits an interval: right after the start nothing has changed yet, and
    // Helm is busiest then (a deploy that ends within the interval is never looked at).
    this.loop = (async () => {
      await sleep(this.intervalMs, this.wake.signal)
      while (!this.stopped) {
        await Promise.all(this.workloads.map(w => this.look(w).catch(() => undefined)))
        await sleep(this.intervalMs, this.wake.signal)
      }
    })()
  }

  async stop(): Promise<void> {
    this.stopped = true
    // Ends the pause at once: stopping must not wait out an interval.
    this.wake.abort()
    await this.loop
  }

  /** Workloads whose kept state was not ready, each with its detail. */
  notReady(): WorkloadSnapshot[] {
    return [...this.kept.values()].filter(s => !s.ready)
  }

  private async look(w: Workload): Promise<void> {
    let object: KubeObject
    try {
      object = await this.client.get(w.kind, w.name, w.namespace)
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return
      throw error
    }
    if (this.stopped) return
    const generation = object.metadata.generation ?? 0
    // A generation past the upgrade's one is the rollback's: keep what the upgrade left.
    if (generation > (this.baseGeneration.get(key(w)) ?? 0) + 1) return
    const spec = (object.spec ?? {}) as {
      replicas?: number
      selector?: { matchLabels?: Record<string, string> }
    }
    const status = (object.status ?? {}) as { availableReplicas?: number; updatedReplicas?: number }
    const desired = spec.replicas ?? 1
    const ready = rolloutState(w.kind, object as LiveWorkload).done
    let detail = `${status.availableReplicas ?? 0}/${desired} available, ${status.updatedReplicas ?? 0}/${desired} updated`
    if (!ready && spec.selector?.matchLabels) {
      const selector = Object.entries(spec.selector.matchLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
      const pods = await this.client.list<Pod>('Pod', {
        namespace: w.namespace,
        labelSelector: selector
      })
      const problems = pods.items
        .filter(p => !p.metadata.deletionTimestamp)
        .filter(
          p => !(p.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True')
        )
        .slice(0, 3)
        .map(podSummary)
      if (problems.length) detail += `; ${problems.join('; ')}`
    }
    if (this.stopped) return
    this.kept.set(key(w), {
      object: `${w.kind} ${w.namespace}/${w.name}`,
      generation,
      ready,
      detail
    })
  }
}

function key(w: Workload): string {
  return `${w.kind}/${w.namespace}/${w.name}`
}
