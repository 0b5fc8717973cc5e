import { createHmac, randomBytes } from 'node:crypto'
import { parseYamlDocuments, stringifyYaml } from '../core/yaml'

/** One object of a rendered manifest. */
export interface ManifestObject {
  apiVersion: string
  kind: string
  name: string
  /** '' for cluster-scoped kinds and for objects that take the release namespace. */
  namespace: string
  /** Canonical YAML of the whole object (keys sorted, Secret values hidden), for diffing. */
  readonly yaml: string
  body: Record<string, unknown>
}

/** "Deployment backend/api", the way objects are named in every message. */
export function objectName(o: Pick<ManifestObject, 'kind' | 'namespace' | 'name'>): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`
}

/**
 * Splits a multi-document YAML stream at its `---` lines, without parsing: what a diff of
 * two manifests needs to skip the documents that did not change. A marker line that carries
 * content (`--- {a: 1}`) keeps the stream whole, to be split by the parser.
 */
export function splitDocuments(text: string): string[] {
  if (/^---[ \t]+[^#\s]/m.test(text)) return [text]
  return text
    .split(/^---[ \t]*(?:#[^\n]*)?$/m)
    .map(doc => doc.trim())
    .filter(doc => doc.split('\n').some(line => line.trim() && !line.trim().startsWith('#')))
}

/** Documents that may hold a workload with a pod template (a cheap filter before parsing). */
export const WORKLOAD_DOCUMENT = /\bkind["']?\s*:\s*["']?(Deployment|StatefulSet)\b/
/** Documents that may name a container image. */
export const IMAGE_DOCUMENT = /\bimage["']?\s*:/

/**
 * Splits a multi-document manifest (helm template / helm get manifest) into objects.
 * Objects without a namespace take `defaultNamespace` when their kind is namespaced.
 * `only` parses just the documents whose text matches it (YAML parsing is the costly part).
 */
export function parseManifest(
  text: string,
  defaultNamespace = '',
  only?: RegExp
): ManifestObject[] {
  if (only)
    text = splitDocuments(text)
      .filter(doc => only.test(doc))
      .join('\n---\n')
  const objects: ManifestObject[] = []
  let docs: unknown[]
  try {
    docs = parseYamlDocuments(text)
  } catch (error) {
    throw new Error(`The rendered manifest is not valid YAML: ${(error as Error).message}`)
  }
  for (const doc of docs) {
    const body = doc as Record<string, unknown> | null
    if (!body || typeof body !== 'object' || !body.kind) continue
    const metadata = (body.metadata ?? {}) as Record<string, unknown>
    const kind = String(body.kind)
    const namespace =
      typeof metadata.namespace === 'string'
        ? metadata.namespace
        : CLUSTER_SCOPED.has(kind)
          ? ''
          : defaultNamespace
    let canonical: string | undefined
    objects.push({
      apiVersion: String(body.apiVersion ?? ''),
      kind,
      name: String(metadata.name ?? ''),
      namespace,
      // Computed on first use: only a diff needs it, and it is the costly part.
      get yaml(): string {
        canonical ??= stringifyYaml(kind === 'Secret' ? hideSecretValues(body) : body, {
          sortKeys: true
        })
        return canonical
      },
      body
    })
  }
  return objects
}

// Per-process key: a change still shows in the diff, but no hash can be guessed offline.
const SECRET_KEY = randomBytes(32)

/** A Secret's values never reach a diff: each becomes a keyed hash, so a change still shows. */
function hideSecretValues(body: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...body }
  for (const field of ['data', 'stringData']) {
    const values = body[field] as Record<string, unknown> | undefined
    if (!values || typeof values !== 'object') continue
    copy[field] = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        `(hidden ${createHmac('sha256', SECRET_KEY).update(String(v)).digest('hex').slice(0, 8)})`
      ])
    )
  }
  return copy
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'StorageClass',
  'IngressClass',
  'PersistentVolume',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding'
])

function keyOf(o: ManifestObject): string {
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''
  return `${group}/${o.kind}/${o.namespace}/${o.name}`
}

export interface ObjectChange {
  object: string
  change: 'added' | 'removed' | 'changed'
  /** For changed objects: the changed lines, '-' old and '+' new, with a line of context. */
  lines: string[]
}

/**
 * The diff of two manifests as text: documents found unchanged in both are not parsed, so an
 * upgrade that changes one image parses two documents, not the whole release.
 */
export function diffManifestTexts(
  live: string,
  next: string,
  defaultNamespace = ''
): ObjectChange[] {
  const before = splitDocuments(live)
  const after = splitDocuments(next)
  const inBefore = new Set(before)
  const inAfter = new Set(after)
  const parse = (docs: string[]) => parseManifest(docs.join('\n---\n'), defaultNamespace)
  return diffManifests(
    parse(before.filter(doc => !inAfter.has(doc))),
    parse(after.filter(doc => !inBefore.has(doc)))
  )
}

/** Per-object diff of two renders: what `live` becomes when `next` is applied. */
export function diffManifests(live: ManifestObject[], next: ManifestObject[]): ObjectChange[] {
  const before = new Map(live.map(o => [keyOf(o), o]))
  const after = new Map(next.map(o => [keyOf(o), o]))
  const changes: ObjectChange[] = []
  for (const [key, o] of after) {
    const old = before.get(key)
    if (!old) changes.push({ object: objectName(o), change: 'added', lines: [] })
    else if (old.yaml !== o.yaml)
      changes.push({ object: objectName(o), change: 'changed', lines: lineDiff(old.yaml, o.yaml) })
  }
  for (const [key, o] of before)
    if (!after.has(key)) changes.push({ object: objectName(o), change: 'removed', lines: [] })
  return changes
}

/** A unified-style diff of two texts: changed lines with one line of context, hunks split by '...'. */
export function lineDiff(a: string, b: string, context = 1): string[] {
  const x = a.replace(/\n$/, '').split('\n')
  const y = b.replace(/\n$/, '').split('\n')
  // LCS table; rendered objects are a few hundred lines at most.
  const n = x.length
  const m = y.length
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string }> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      ops.push({ op: ' ', line: x[i] })
      i++
      j++
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) ops.push({ op: '-', line: x[i++] })
    else ops.push({ op: '+', line: y[j++] })
  }
  while (i < n) ops.push({ op: '-', line: x[i++] })
  while (j < m) ops.push({ op: '+', line: y[j++] })

  const keep = ops.map(() => false)
  ops.forEach((o, k) => {
    if (o.op === ' ') return
    for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++)
      keep[c] = true
  })
  const out: string[] = []
  let gap = false
  ops.forEach((o, k) => {
    if (!keep[k]) {
      gap = true
      return
    }
    if (gap && out.length) out.push('...')
    gap = false
    out.push(`${o.op} ${o.line}`)
  })
  return out
}

/** Kinds whose pods run images, and where their pod spec is. */
function podSpecOf(o: ManifestObject): Record<string, unknown> | undefined {
  const spec = o.body.spec as Record<string, unknown> | undefined
  if (!spec) return undefined
  if (o.kind === 'Pod') return spec
  if (o.kind === 'CronJob') {
    const job = (spec.jobTemplate as Record<string, unknown> | undefined)?.spec as
      Record<string, unknown> | undefined
    return (job?.template as Record<string, unknown> | undefined)?.spec as
      Record<string, unknown> | undefined
  }
  return (spec.template as Record<string, unknown> | undefined)?.spec as
    Record<string, unknown> | undefined
}

/** The images each workload runs: { "Deployment backend/api": { api: "repo@sha256:..." } }. */
export function imagesOf(objects: ManifestObject[]): Record<string, Record<string, string>> {
  const images: Record<string, Record<string, string>> = {}
  for (const o of objects) {
    const pod = podSpecOf(o)
    if (!pod) continue
    const containers = [
      ...((pod.initContainers as Array<Record<string, unknown>> | undefined) ?? []),
      ...((pod.containers as Array<Record<string, unknown>> | undefined) ?? [])
    ]
    const byName: Record<string, string> = {}
    for (const c of containers) if (typeof c.image === 'string') byName[String(c.name)] = c.image
    if (Object.keys(byName).length) images[objectName(o)] = byName
  }
  return images
}

/** Markdown for the job summary: one line per object, changed lines in a diff block. */
export function diffMarkdown(changes: ObjectChange[], maxLines = 400): string {
  if (changes.length === 0) return "No changes to the release's objects.\n"
  const icon = { added: '➕ added', removed: '➖ removed', changed: '✏️ changed' }
  const out: string[] = []
  let budget = maxLines
  for (const c of changes) {
    out.push(`- ${icon[c.change]}: \`${c.object}\``)
    if (c.lines.length && budget > 0) {
      const shown = c.lines.slice(0, budget)
      budget -= shown.length
      out.push(
        '',
        '```diff',
        ...shown.map(l => (l === '...' ? '@@ ... @@' : l)),
        ...(shown.length < c.lines.length ? ['@@ (truncated) @@'] : []),
        '```',
        ''
      )
    }
  }
  return `${out.join('\n')}\n`
}
