import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { parseYaml } from '../core/yaml'

/** Everything needed to reach and authenticate to one API server (one kubeconfig context). */
export interface KubeConnection {
  /** The context this came from. */
  context: string
  /** https://host:port (or http:// for a local proxy), without a trailing slash. */
  server: string
  /** The context's namespace, or 'default'. */
  namespace: string
  ca?: Buffer
  insecureSkipTlsVerify: boolean
  tlsServerName?: string
  cert?: Buffer
  key?: Buffer
  token?: string
  username?: string
  password?: string
}

interface Named<T> {
  name: string
  value: T
}

type Obj = Record<string, unknown>

/** A kubeconfig that cannot be used; the message never holds credential material. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KubeconfigError'
  }
}

function entries(doc: Obj, list: string, field: string): Array<Named<Obj>> {
  const raw = doc[list]
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw new KubeconfigError(`kubeconfig: "${list}" is not a list`)
  return raw.map((entry, i) => {
    const e = (entry ?? {}) as Obj
    if (typeof e.name !== 'string' || e.name === '') {
      throw new KubeconfigError(`kubeconfig: ${list}[${i}] has no name`)
    }
    return { name: e.name, value: (e[field] ?? {}) as Obj }
  })
}

/** One parsed kubeconfig document (or several merged, first wins, as kubectl merges KUBECONFIG). */
export interface KubeconfigDocument {
  currentContext: string
  clusters: Map<string, { value: Obj; dir: string }>
  users: Map<string, { value: Obj; dir: string }>
  contexts: Map<string, Obj>
}

/** Parses kubeconfig YAML; relative file paths resolve against `baseDir`. */
export function parseKubeconfigDocument(text: string, baseDir = process.cwd()): KubeconfigDocument {
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch (error) {
    // The YAML error quotes the offending text, which may be a key: keep only its kind.
    const kind = error instanceof Error ? error.name : 'error'
    throw new KubeconfigError(`kubeconfig is not valid YAML (${kind})`)
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new KubeconfigError(
      'kubeconfig is not a YAML mapping (expected apiVersion: v1, kind: Config)'
    )
  }
  const d = doc as Obj
  const result: KubeconfigDocument = {
    currentContext:
      typeof d['current-context'] === 'string' ? (d['current-context'] as string) : '',
    clusters: new Map(),
    users: new Map(),
    contexts: new Map()
  }
  for (const c of entries(d, 'clusters', 'cluster'))
    result.clusters.set(c.name, { value: c.value, dir: baseDir })
  for (const u of entries(d, 'users', 'user'))
    result.users.set(u.name, { value: u.value, dir: baseDir })
  for (const c of entries(d, 'contexts', 'context')) result.contexts.set(c.name, c.value)
  return result
}

function merge(into: KubeconfigDocument, from: KubeconfigDocument): void {
  into.currentContext ||= from.currentContext
  for (const [k, v] of from.clusters) if (!into.clusters.has(k)) into.clusters.set(k, v)
  for (const [k, v] of from.users) if (!into.users.has(k)) into.users.set(k, v)
  for (const [k, v] of from.contexts) if (!into.contexts.has(k)) into.contexts.set(k, v)
}

function str(o: Obj, key: string): string | undefined {
  const v = o[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

function fileOrData(
  o: Obj,
  fileKey: string,
  dataKey: string,
  dir: string,
  what: string
): Buffer | undefined {
  const data = str(o, dataKey)
  if (data) {
    const buf = Buffer.from(data.replace(/\s+/g, ''), 'base64')
    if (buf.length === 0) throw new KubeconfigError(`kubeconfig: ${what} ${dataKey} is not base64`)
    return buf
  }
  const file = str(o, fileKey)
  if (!file) return undefined
  const full = path.resolve(dir, file)
  try {
    return readFileSync(full)
  } catch {
    throw new KubeconfigError(`kubeconfig: ${what} ${fileKey} ${full} cannot be read`)
  }
}

/** Resolves one context (the named one, else current-context) into a connection. */
export function resolveContext(doc: KubeconfigDocument, contextName?: string): KubeConnection {
  const name = contextName || doc.currentContext
  if (!name) {
    throw new KubeconfigError(
      `kubeconfig has no current-context; name one of: ${[...doc.contexts.keys()].join(', ') || '(no contexts)'}`
    )
  }
  const context = doc.contexts.get(name)
  if (!context) {
    throw new KubeconfigError(
      `kubeconfig has no context "${name}"; it has: ${[...doc.contexts.keys()].join(', ') || '(no contexts)'}`
    )
  }
  const clusterName = str(context, 'cluster') ?? ''
  const cluster = doc.clusters.get(clusterName)
  if (!cluster)
    throw new KubeconfigError(
      `kubeconfig context "${name}" names cluster "${clusterName}", which is not defined`
    )
  const server = str(cluster.value, 'server')
  if (!server || !/^https?:\/\/[^/]/.test(server)) {
    throw new KubeconfigError(
      `kubeconfig cluster "${clusterName}" has no server URL (https://host:port)`
    )
  }
  const userName = str(context, 'user')
  const user = userName ? doc.users.get(userName) : undefined
  if (userName && !user)
    throw new KubeconfigError(
      `kubeconfig context "${name}" names user "${userName}", which is not defined`
    )
  const u = user?.value ?? {}
  if (u.exec || u['auth-provider']) {
    throw new KubeconfigError(
      `kubeconfig user "${userName}" uses an ${u.exec ? 'exec' : 'auth-provider'} credential plugin, which is not supported; use a token or client certificate`
    )
  }
  let token = str(u, 'token')
  const tokenFile = str(u, 'tokenFile')
  if (!token && tokenFile) {
    try {
      token = readFileSync(path.resolve(user!.dir, tokenFile), 'utf8').trim()
    } catch {
      throw new KubeconfigError(`kubeconfig user "${userName}" tokenFile cannot be read`)
    }
  }
  const connection: KubeConnection = {
    context: name,
    server: server.replace(/\/+$/, ''),
    namespace: str(context, 'namespace') ?? 'default',
    ca: fileOrData(
      cluster.value,
      'certificate-authority',
      'certificate-authority-data',
      cluster.dir,
      `cluster "${clusterName}"`
    ),
    insecureSkipTlsVerify: cluster.value['insecure-skip-tls-verify'] === true,
    tlsServerName: str(cluster.value, 'tls-server-name'),
    cert: user
      ? fileOrData(
          u,
          'client-certificate',
          'client-certificate-data',
          user.dir,
          `user "${userName}"`
        )
      : undefined,
    key: user
      ? fileOrData(u, 'client-key', 'client-key-data', user.dir, `user "${userName}"`)
      : undefined,
    token,
    username: str(u, 'username'),
    password: str(u, 'password')
  }
  if (Boolean(connection.cert) !== Boolean(connection.key)) {
    throw new KubeconfigError(
      `kubeconfig user "${userName}" has a client certificate without its key (or a key without its certificate)`
    )
  }
  return connection
}

/** Parses kubeconfig text and resolves a context in one step. */
export function parseKubeconfig(
  text: string,
  options: { context?: string; baseDir?: string } = {}
): KubeConnection {
  return resolveContext(parseKubeconfigDocument(text, options.baseDir), options.context)
}

/** The kubeconfig files kubectl would read: `file`, else $KUBECONFIG (a path list), else ~/.kube/config. */
export function kubeconfigFiles(file?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (file) return [file]
  const list = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean)
  return list.length ? list : [path.join(homedir(), '.kube', 'config')]
}

/** Loads and merges kubeconfig files (first wins) and resolves a context. */
export function loadKubeconfig(options: { file?: string; context?: string } = {}): KubeConnection {
  const files = kubeconfigFiles(options.file)
  const merged: KubeconfigDocument = {
    currentContext: '',
    clusters: new Map(),
    users: new Map(),
    contexts: new Map()
  }
  let read = 0
  for (const file of files) {
    if (!existsSync(file)) {
      if (options.file) throw new KubeconfigError(`kubeconfig file ${file} does not exist`)
      continue
    }
    merge(
      merged,
      parseKubeconfigDocument(readFileSync(file, 'utf8'), path.dirname(path.resolve(file)))
    )
    read++
  }
  if (read === 0) throw new KubeconfigError(`no kubeconfig found (looked at ${files.join(', ')})`)
  return resolveContext(merged, options.context)
}
