import { validateNamespace, validateReleaseName } from '../../../src/kube/names'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseYaml } from '../../../src/core/yaml'
import { InputError } from '../../../src/core/errors'
import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'
import { parseReference, repositoryOf, ReferenceError } from '../../../src/docker/reference'

export type DeployMode = 'helm' | 'manifests'

/** One image override: the chart's `<app>` values get the repository and the digest. */
export interface ImageOverride {
  app: string
  ref: string
  repository: string
  digest?: string
  tag?: string
}

export interface SecretSpec {
  namespace: string
  name: string
  /** KEY -> value; every value is masked when parsed. */
  data: Record<string, string>
}

export interface DeployInputs {
  mode: DeployMode
  chart: string
  chartVersion: string
  /** Plain manifests (mode: manifests): a file or folder of YAML. */
  manifests: string
  release: string
  namespace: string
  valuesFiles: string[]
  set: string[]
  setString: string[]
  images: ImageOverride[]
  /** Value path of each app's image block; {app} is replaced by the app name. */
  imageValuePath: string
  allowTags: boolean
  /** Raw input (YAML or base64); '' to use $KUBECONFIG / ~/.kube/config. */
  kubeconfig: string
  context: string
  timeoutMs: number
  atomic: boolean
  wait: boolean
  waitForJobs: boolean
  historyMax: number
  dryRun: boolean
  createSecrets: SecretSpec[]
  helmVersion: 'auto' | '3' | '4'
  helm: string
}

/** A Helm value path: dot-separated names (escaped dots allowed) with optional [n] indexes. */
const VALUE_PATH = /^(?:[A-Za-z0-9_-]|\\\.)+(?:\[\d+\])*(?:\.(?:[A-Za-z0-9_-]|\\\.)+(?:\[\d+\])*)*$/
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/

/**
 * Validates `--set` style entries. Helm splits one entry on unescaped commas, so every
 * comma-separated part must itself be key=value with a valid value path.
 */
export function validateSetEntries(input: string, entries: string[]): string[] {
  for (const entry of entries) {
    for (const part of entry.split(/(?<!\\),/)) {
      const at = part.indexOf('=')
      const key = at > 0 ? part.slice(0, at) : ''
      if (!VALUE_PATH.test(key)) {
        throw new InputError(
          input,
          entry,
          'key=value entries, one per line, the key a value path such as backend.replicas or env[0].name (escape "," in values as "\\,")'
        )
      }
    }
  }
  return entries
}

/**
 * Parses `images`: lines `app=registry/repo@sha256:...`, or a YAML/JSON mapping
 * `{ app: ref }`. A tag is refused unless `allowTags`: a tag can move, a digest cannot.
 */
export function parseImages(text: string, allowTags: boolean): ImageOverride[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  let pairs: Array<[string, string]>
  if (trimmed.startsWith('{') || /^[A-Za-z0-9_-]+:\s/m.test(trimmed)) {
    let doc: unknown
    try {
      doc = parseYaml(trimmed)
    } catch {
      throw new InputError(
        'images',
        trimmed,
        'lines app=registry/repo@sha256:<digest>, or a YAML/JSON mapping of app to such a reference'
      )
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new InputError(
        'images',
        trimmed,
        'a mapping of app name to registry/repo@sha256:<digest>'
      )
    }
    pairs = Object.entries(doc as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')])
  } else {
    pairs = trimmed
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'))
      .map(line => {
        const at = line.indexOf('=')
        if (at <= 0)
          throw new InputError('images', line, 'app=registry/repo@sha256:<digest>, one per line')
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
      })
  }
  const seen = new Set<string>()
  return pairs.map(([app, ref]) => {
    if (!/^[A-Za-z0-9_-]+$/.test(app))
      throw new InputError(
        'images',
        `${app}=${ref}`,
        'an app name of letters, digits, "_" and "-" before "="'
      )
    if (seen.has(app)) throw new InputError('images', app, 'each app at most once')
    seen.add(app)
    let parsed
    try {
      parsed = parseReference(ref)
    } catch (error) {
      throw new InputError(
        'images',
        `${app}=${ref}`,
        `a valid image reference (${error instanceof ReferenceError ? error.message.replace(/^Invalid image reference "[^"]*": /, '').replace(/\. Expected.*$/, '') : 'unparseable'})`
      )
    }
    if (!parsed.digest) {
      if (!allowTags || !parsed.tag) {
        throw new InputError(
          'images',
          `${app}=${ref}`,
          `an image pinned by digest (registry/repo@sha256:<64 hex>); a tag can move under a running release${allowTags ? '' : ' (set allow-tags: true to deploy by tag)'}`
        )
      }
    }
    return {
      app,
      ref,
      repository: repositoryOf(parsed),
      digest: parsed.digest,
      tag: parsed.digest ? undefined : parsed.tag
    }
  })
}

/** The --set-string entries that pin each app's image (`<path>.repository`, `.digest`, `.tag`). */
export function imageSetStrings(images: ImageOverride[], valuePath: string): string[] {
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,')
  return images.flatMap(image => {
    const base = valuePath.split('{app}').join(image.app)
    const entries = [`${base}.repository=${esc(image.repository)}`]
    if (image.digest) entries.push(`${base}.digest=${image.digest}`)
    else entries.push(`${base}.tag=${esc(image.tag ?? '')}`, `${base}.digest=`)
    return entries
  })
}

/**
 * Parses `create-secrets`: a YAML/JSON mapping `[namespace/]name: { KEY: value }`, or lines
 * `[namespace/]name:KEY=value`. Every value is masked before anything else happens.
 */
export function parseSecrets(text: string, defaultNamespace: string): SecretSpec[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  const secrets = new Map<string, SecretSpec>()
  const add = (target: string, key: string, value: string, shown: string): void => {
    maskSecret(value)
    const slash = target.indexOf('/')
    const namespace = slash >= 0 ? target.slice(0, slash) : defaultNamespace
    const name = slash >= 0 ? target.slice(slash + 1) : target
    validateNamespace(namespace, 'create-secrets')
    if (
      name.length > 253 ||
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)
    ) {
      throw new InputError(
        'create-secrets',
        shown,
        'a Secret name (lowercase letters, digits, "-" and ".") before the keys'
      )
    }
    if (!SECRET_KEY.test(key) || key.length > 253) {
      throw new InputError('create-secrets', shown, 'keys of letters, digits, "-", "_" and "."')
    }
    const id = `${namespace}/${name}`
    const spec = secrets.get(id) ?? { namespace, name, data: {} }
    spec.data[key] = value
    secrets.set(id, spec)
  }
  const lineForm = /^[^\s:{]+:[-._a-zA-Z0-9]+=/.test(trimmed.split('\n')[0].trim())
  if (!lineForm) {
    let doc: unknown
    try {
      doc = parseYaml(trimmed)
    } catch {
      // Never quote the text: it holds the secret values.
      throw new InputError(
        'create-secrets',
        '(hidden)',
        'a YAML/JSON mapping of [namespace/]secret-name to { KEY: value }, or lines [namespace/]secret-name:KEY=value'
      )
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new InputError(
        'create-secrets',
        '(hidden)',
        'a YAML/JSON mapping of [namespace/]secret-name to { KEY: value }, or lines [namespace/]secret-name:KEY=value'
      )
    }
    // Mask every value first, so a later validation error cannot print one.
    for (const keys of Object.values(doc as Record<string, unknown>)) {
      if (keys && typeof keys === 'object')
        for (const v of Object.values(keys)) maskSecret(String(v ?? ''))
    }
    for (const [target, keys] of Object.entries(doc as Record<string, unknown>)) {
      if (!keys || typeof keys !== 'object' || Array.isArray(keys)) {
        throw new InputError('create-secrets', target, 'each secret name mapped to { KEY: value }')
      }
      for (const [key, value] of Object.entries(keys as Record<string, unknown>)) {
        add(
          target,
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
          `${target}: ${key}`
        )
      }
    }
  } else {
    const lines = trimmed
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'))
    for (const line of lines) {
      const eq = line.indexOf('=')
      if (eq > 0) maskSecret(line.slice(eq + 1))
    }
    for (const line of lines) {
      const m = /^([^\s:]+):([^=\s]+)=(.*)$/.exec(line)
      if (!m)
        throw new InputError(
          'create-secrets',
          line.replace(/=.*$/, '=***'),
          'lines [namespace/]secret-name:KEY=value'
        )
      add(m[1], m[2], m[3], `${m[1]}:${m[2]}`)
    }
  }
  return [...secrets.values()]
}

/** Reads and validates every input before anything touches the cluster. */
export function readDeployInputs(
  inputs = new Inputs(),
  workspace = process.env.GITHUB_WORKSPACE || process.cwd()
): DeployInputs {
  const mode = inputs.enumOf<DeployMode>('mode', ['helm', 'manifests'], 'helm')
  const release = validateReleaseName(
    inputs.required('release', 'a Helm release name, e.g. k8s-stack')
  )
  const namespace = validateNamespace(inputs.string('namespace', 'default'))
  // Secrets first: their values are masked before any other input can echo them in an error.
  const createSecrets = parseSecrets(inputs.raw('create-secrets'), namespace)
  const kubeconfig = inputs.raw('kubeconfig')
  const chart =
    mode === 'helm'
      ? inputs.required('chart', 'a chart folder, a packaged .tgz, or oci://registry/repo/chart')
      : inputs.string('chart')
  if (
    mode === 'helm' &&
    !/^oci:\/\//.test(chart) &&
    !/^[\w.-]+\/[\w.-]+$/.test(chart) &&
    !existsSync(path.resolve(workspace, chart))
  ) {
    throw new InputError(
      'chart',
      chart,
      'an existing chart folder or .tgz (relative to the workspace), or oci://registry/repo/chart'
    )
  }
  const manifests = inputs.string('manifests', 'k8s/manifests/k8s-stack.yaml')
  if (mode === 'manifests' && !existsSync(path.resolve(workspace, manifests))) {
    throw new InputError(
      'manifests',
      manifests,
      'an existing file or folder of Kubernetes YAML manifests'
    )
  }
  const valuesFiles = inputs.list('values-files')
  for (const file of valuesFiles) {
    if (!existsSync(path.resolve(workspace, file)))
      throw new InputError(
        'values-files',
        file,
        'existing values files (relative to the workspace)'
      )
  }
  const allowTags = inputs.boolean('allow-tags', false)
  const imageValuePath = inputs.string('image-value-path', '{app}.image')
  if (
    !imageValuePath.includes('{app}') ||
    !VALUE_PATH.test(imageValuePath.split('{app}').join('app'))
  ) {
    throw new InputError(
      'image-value-path',
      imageValuePath,
      'a value path containing {app}, e.g. {app}.image'
    )
  }
  const timeoutMs = inputs.duration('timeout', '5m')
  if (timeoutMs < 1000)
    throw new InputError(
      'timeout',
      inputs.raw('timeout'),
      'a duration of at least 1s, such as 90s or 5m'
    )
  return {
    mode,
    chart:
      chart && !/^oci:\/\//.test(chart) && existsSync(path.resolve(workspace, chart))
        ? path.resolve(workspace, chart)
        : chart,
    chartVersion: inputs.string('chart-version'),
    manifests: path.resolve(workspace, manifests),
    release,
    namespace,
    valuesFiles: valuesFiles.map(f => path.resolve(workspace, f)),
    set: validateSetEntries('set', inputs.lines('set')),
    setString: validateSetEntries('set-string', inputs.lines('set-string')),
    images: parseImages(inputs.raw('images'), allowTags),
    imageValuePath,
    allowTags,
    kubeconfig,
    context: inputs.string('context'),
    timeoutMs,
    atomic: inputs.boolean('atomic', true),
    wait: inputs.boolean('wait', true),
    waitForJobs: inputs.boolean('wait-for-jobs', false),
    historyMax: inputs.integer('history-max', 10, 0, 1000),
    dryRun: inputs.boolean('dry-run', false),
    createSecrets,
    helmVersion: inputs.enumOf('helm-version', ['auto', '3', '4'] as const, 'auto'),
    helm: inputs.string('helm')
  }
}
