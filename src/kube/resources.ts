/** A Kubernetes object as the API returns it; only the fields every kind has are typed. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata: {
    name: string
    namespace?: string
    uid?: string
    generation?: number
    resourceVersion?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }>
    creationTimestamp?: string
    deletionTimestamp?: string
  }
  // Kind-specific parts (spec, status, data, ...) are read with narrow local types.
  [key: string]: unknown
}

export interface ObjectList<T extends KubeObject = KubeObject> {
  items: T[]
  metadata: { resourceVersion?: string; continue?: string }
}

/** Where a kind lives in the API: /api/v1 or /apis/<group>/<version>, its plural, its scope. */
export interface ResourceType {
  kind: string
  /** '' for the core group. */
  group: string
  version: string
  plural: string
  namespaced: boolean
}

const KNOWN: ResourceType[] = [
  ['Namespace', '', 'v1', 'namespaces', false],
  ['Node', '', 'v1', 'nodes', false],
  ['Pod', '', 'v1', 'pods', true],
  ['Service', '', 'v1', 'services', true],
  ['Secret', '', 'v1', 'secrets', true],
  ['ConfigMap', '', 'v1', 'configmaps', true],
  ['ServiceAccount', '', 'v1', 'serviceaccounts', true],
  ['Event', '', 'v1', 'events', true],
  ['Endpoints', '', 'v1', 'endpoints', true],
  ['PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true],
  ['Deployment', 'apps', 'v1', 'deployments', true],
  ['StatefulSet', 'apps', 'v1', 'statefulsets', true],
  ['DaemonSet', 'apps', 'v1', 'daemonsets', true],
  ['ReplicaSet', 'apps', 'v1', 'replicasets', true],
  ['ControllerRevision', 'apps', 'v1', 'controllerrevisions', true],
  ['Job', 'batch', 'v1', 'jobs', true],
  ['CronJob', 'batch', 'v1', 'cronjobs', true],
  ['HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true],
  ['NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true],
  ['Ingress', 'networking.k8s.io', 'v1', 'ingresses', true],
  ['IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false],
  ['PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true],
  ['Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true],
  ['RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true],
  ['ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false],
  ['Lease', 'coordination.k8s.io', 'v1', 'leases', true],
  ['CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false]
].map(([kind, group, version, plural, namespaced]) => ({
  kind: kind as string,
  group: group as string,
  version: version as string,
  plural: plural as string,
  namespaced: namespaced as boolean
}))

const BY_KIND = new Map(KNOWN.map(t => [t.kind.toLowerCase(), t]))

/** The well-known types by kind (Deployment, Secret, ...), at their GA version. */
export function resourceType(kind: string): ResourceType {
  const type = BY_KIND.get(kind.toLowerCase())
  if (!type)
    throw new Error(`Unknown kind "${kind}": give its apiVersion (resourceFor) or a ResourceType`)
  return type
}

/**
 * The type of an object from its apiVersion and kind. Kinds outside the table get the
 * conventional lower-case plural and are taken as namespaced unless `namespaced` says.
 */
export function resourceFor(apiVersion: string, kind: string, namespaced?: boolean): ResourceType {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion]
  const known = BY_KIND.get(kind.toLowerCase())
  if (known && known.group === group) return { ...known, version }
  const lower = kind.toLowerCase()
  const plural = /(s|x|z|ch|sh)$/.test(lower)
    ? `${lower}es`
    : /[^aeiou]y$/.test(lower)
      ? `${lower.slice(0, -1)}ies`
      : `${lower}s`
  return { kind, group, version, plural, namespaced: namespaced ?? true }
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version
}

/** The REST path of a collection (name omitted) or an object; no namespace means all namespaces. */
export function resourcePath(type: ResourceType, namespace?: string, name?: string): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`
  const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
  const obj = name ? `/${encodeURIComponent(name)}` : ''
  return `${base}${ns}/${type.plural}${obj}`
}

/** "Deployment backend/api" for messages. */
export function describeObject(
  o: Pick<KubeObject, 'kind' | 'metadata'>,
  kind = o.kind ?? 'object'
): string {
  return `${kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`
}

/** The label-selector string for a map of labels (key=value,...). */
export function labelSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
}
