import { formatDuration } from '../core/inputs'

/** Helm 3 and Helm 4 take different flags for the same intent; every builder is keyed by major. */
export type HelmMajor = 3 | 4

/** Where a command connects: passed to every command that talks to the cluster. */
export interface HelmTarget {
  namespace: string
  kubeconfig?: string
  context?: string
}

export interface ValueSources {
  /** -f files, in order (later wins). */
  valuesFiles: string[]
  /** --set entries (key=value), in order. */
  set: string[]
  /** --set-string entries (key=value), in order. */
  setString: string[]
}

export interface UpgradeOptions extends ValueSources {
  release: string
  chart: string
  /** Chart version for repository/OCI charts; '' for none. */
  version?: string
  /** Roll back on failure: Helm 3 --atomic, Helm 4 --rollback-on-failure. Implies wait. */
  atomic: boolean
  wait: boolean
  waitForJobs: boolean
  timeoutMs: number
  historyMax?: number
  /** Server-side dry run: render and validate against the cluster, persist nothing. */
  dryRun?: boolean
  /** Release labels (stored on the release record; merged with the previous revision's). */
  labels?: Record<string, string>
  description?: string
  /**
   * --disable-openapi-validation, for servers that validate fields themselves (Kubernetes
   * 1.27+): there Helm's OpenAPI check only downloads the schema documents to learn that the
   * server does it (helm/helm#12470), a third of a small deploy's time.
   */
  serverValidatesFields?: boolean
}

export function connectionArgs(target: HelmTarget): string[] {
  const args = ['--namespace', target.namespace]
  if (target.kubeconfig) args.push('--kubeconfig', target.kubeconfig)
  if (target.context) args.push('--kube-context', target.context)
  return args
}

export function valueArgs(values: ValueSources): string[] {
  const args: string[] = []
  for (const file of values.valuesFiles) args.push('--values', file)
  for (const entry of values.set) args.push('--set', entry)
  for (const entry of values.setString) args.push('--set-string', entry)
  return args
}

/**
 * The wait flags. Helm 3: a boolean --wait (legacy poller) that --atomic turns on by itself.
 * Helm 4: --wait takes a strategy (watcher, hookOnly, legacy; hookOnly when omitted) and a
 * bare or boolean --wait is deprecated, so we say --wait=watcher.
 */
export function waitArgs(major: HelmMajor, wait: boolean, waitForJobs: boolean): string[] {
  if (!wait) return []
  const args = [major === 4 ? '--wait=watcher' : '--wait']
  if (waitForJobs) args.push('--wait-for-jobs')
  return args
}

/** `helm upgrade --install`: the one command that installs and upgrades. Prints the release as JSON. */
export function upgradeArgs(major: HelmMajor, target: HelmTarget, o: UpgradeOptions): string[] {
  const args = ['upgrade', o.release, o.chart, '--install', ...connectionArgs(target)]
  if (o.version) args.push('--version', o.version)
  args.push(...valueArgs(o))
  args.push('--timeout', formatDuration(o.timeoutMs))
  if (o.dryRun) {
    // Renders and validates against the cluster; waiting and rollback mean nothing here.
    args.push('--dry-run=server')
  } else {
    const wait = o.wait || o.atomic
    if (o.atomic) args.push(major === 4 ? '--rollback-on-failure' : '--atomic')
    args.push(...waitArgs(major, wait, o.waitForJobs))
    if (o.historyMax !== undefined) args.push('--history-max', String(o.historyMax))
  }
  const labels = Object.entries(o.labels ?? {})
  if (labels.length) args.push('--labels', labels.map(([k, v]) => `${k}=${v}`).join(','))
  if (o.description) args.push('--description', o.description)
  if (o.serverValidatesFields) args.push('--disable-openapi-validation')
  args.push('--output', 'json')
  return args
}

export interface TemplateOptions extends ValueSources {
  release: string
  chart: string
  version?: string
  /** Render as an upgrade (.Release.IsUpgrade) when the release exists. */
  isUpgrade: boolean
}

/**
 * `helm template`: client-side render, no cluster contact (lookup returns nothing). Used for
 * the diff and to learn which objects a release will hold before it is applied.
 */
export function templateArgs(_major: HelmMajor, namespace: string, o: TemplateOptions): string[] {
  const args = ['template', o.release, o.chart, '--namespace', namespace]
  if (o.version) args.push('--version', o.version)
  args.push(...valueArgs(o))
  if (o.isUpgrade) args.push('--is-upgrade')
  return args
}

export interface RollbackOptions {
  release: string
  /** 0 = the previous revision. */
  revision: number
  wait: boolean
  waitForJobs: boolean
  timeoutMs: number
  historyMax?: number
}

export function rollbackArgs(major: HelmMajor, target: HelmTarget, o: RollbackOptions): string[] {
  const args = ['rollback', o.release, String(o.revision), ...connectionArgs(target)]
  args.push('--timeout', formatDuration(o.timeoutMs))
  args.push(...waitArgs(major, o.wait, o.waitForJobs))
  if (o.historyMax !== undefined) args.push('--history-max', String(o.historyMax))
  return args
}

export function historyArgs(target: HelmTarget, release: string, max = 20): string[] {
  return ['history', release, ...connectionArgs(target), '--max', String(max), '--output', 'json']
}

export function statusArgs(target: HelmTarget, release: string, revision?: number): string[] {
  const args = ['status', release, ...connectionArgs(target), '--output', 'json']
  if (revision !== undefined) args.push('--revision', String(revision))
  return args
}

export function getValuesArgs(
  target: HelmTarget,
  release: string,
  all: boolean,
  revision?: number
): string[] {
  const args = ['get', 'values', release, ...connectionArgs(target), '--output', 'json']
  if (all) args.push('--all')
  if (revision !== undefined) args.push('--revision', String(revision))
  return args
}

export function getManifestArgs(target: HelmTarget, release: string, revision?: number): string[] {
  const args = ['get', 'manifest', release, ...connectionArgs(target)]
  if (revision !== undefined) args.push('--revision', String(revision))
  return args
}

/** `helm pull` of a repository or OCI chart into a directory, to hash and render it locally. */
export function pullArgs(chart: string, destination: string, version?: string): string[] {
  const args = ['pull', chart, '--destination', destination]
  if (version) args.push('--version', version)
  return args
}

const VALUE_FLAGS = new Set(['--set', '--set-string', '--set-json', '--set-literal'])

/**
 * A helm argv as the log shows it: every --set-style value replaced by *** (a value may be a
 * credential that no masker knows, e.g. one computed in a step); the keys stay readable.
 */
export function displayArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    if (i === 0 || !VALUE_FLAGS.has(args[i - 1])) return arg
    return arg
      .split(/(?<!\\),/)
      .map(entry => (entry.includes('=') ? `${entry.slice(0, entry.indexOf('='))}=***` : entry))
      .join(',')
  })
}

/** Major version from `helm version --template '{{.Version}}'` ("v3.22.0", "v4.3.1"). */
export function parseHelmVersion(text: string): { version: string; major: HelmMajor } {
  const match = text.trim().match(/^v?(\d+)\.(\d+)\.(\d+)(?:[-+][\w.+-]*)?$/)
  if (!match)
    throw new Error(
      `Cannot read the Helm version from ${JSON.stringify(text.trim().slice(0, 80))}; expected vMAJOR.MINOR.PATCH`
    )
  const major = Number(match[1])
  if (major !== 3 && major !== 4) {
    throw new Error(`Helm ${text.trim()} is not supported; use Helm 3 or Helm 4`)
  }
  return { version: `${match[1]}.${match[2]}.${match[3]}`, major }
}
