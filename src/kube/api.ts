import http from 'node:http'
import https from 'node:https'
import { parseYamlDocuments } from '../core/yaml'
import { KubeConnection, loadKubeconfig, parseKubeconfig } from './kubeconfig-parse'
import {
  KubeObject,
  ObjectList,
  ResourceType,
  resourceFor,
  resourcePath,
  resourceType
} from './resources'

export { KubeconfigError, loadKubeconfig, parseKubeconfig } from './kubeconfig-parse'
export type { KubeConnection } from './kubeconfig-parse'
export * from './resources'

/** An API call answered with an error status; `message` is the server's own message. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly method: string,
    readonly path: string
  ) {
    super(message)
    this.name = 'KubeApiError'
  }
}

/** The API server could not be reached (connection refused, TLS, DNS, timeout). */
export class KubeConnectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KubeConnectionError'
  }
}

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>
  body?: string | Buffer
  headers?: Record<string, string>
  /** Whole-request timeout; default 30 s. */
  timeoutMs?: number
  signal?: AbortSignal
}

export interface ListOptions {
  /** Omit for all namespaces (namespaced kinds). */
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
  limit?: number
}

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: T
}

export interface WatchOptions extends ListOptions {
  /** Start after this version (from a list); required for an exact stream. */
  resourceVersion?: string
  /** Server-side end of this one stream; default 300 s. */
  timeoutSeconds?: number
  signal?: AbortSignal
}

/** How one watch stream ended. */
export type WatchEnd =
  | { reason: 'closed'; resourceVersion?: string }
  | { reason: 'expired'; resourceVersion?: string }
  | { reason: 'aborted'; resourceVersion?: string }

type TypeRef = ResourceType | string

function typeOf(ref: TypeRef): ResourceType {
  return typeof ref === 'string' ? resourceType(ref) : ref
}

function queryString(query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== '') params.set(k, String(v))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * A small client of the Kubernetes REST API over node:https: the kubeconfig's TLS and
 * credentials, JSON get/list/apply/delete, raw requests (service proxy) and watch streams.
 */
export class KubeClient {
  private readonly agent: http.Agent
  private readonly url: URL

  constructor(readonly connection: KubeConnection) {
    this.url = new URL(connection.server)
    const options = {
      keepAlive: true,
      ca: connection.ca,
      cert: connection.cert,
      key: connection.key,
      rejectUnauthorized: !connection.insecureSkipTlsVerify,
      servername: connection.tlsServerName
    }
    this.agent =
      this.url.protocol === 'https:'
        ? new https.Agent(options)
        : new http.Agent({ keepAlive: true })
  }

  /** From kubeconfig text (raw YAML). */
  static fromText(text: string, context?: string): KubeClient {
    return new KubeClient(parseKubeconfig(text, { context }))
  }

  /** From a kubeconfig file, or $KUBECONFIG / ~/.kube/config. */
  static fromFile(file?: string, context?: string): KubeClient {
    return new KubeClient(loadKubeconfig({ file, context }))
  }

  get namespace(): string {
    return this.connection.namespace
  }

  /** Releases pooled connections (so a process can exit promptly). */
  close(): void {
    this.agent.destroy()
  }

  private authHeaders(): Record<string, string> {
    if (this.connection.token) return { authorization: `Bearer ${this.connection.token}` }
    if (this.connection.username !== undefined && this.connection.password !== undefined) {
      const basic = Buffer.from(`${this.connection.username}:${this.connection.password}`).toString(
        'base64'
      )
      return { authorization: `Basic ${basic}` }
    }
    return {}
  }

  /** Starts a request and resolves with the response head (body not yet read). */
  private open(
    method: string,
    path: string,
    options: RequestOptions
  ): Promise<{ req: http.ClientRequest; res: http.IncomingMessage }> {
    const basePath = this.url.pathname.replace(/\/+$/, '')
    const transport = this.url.protocol === 'https:' ? https : http
    return new Promise((resolve, reject) => {
      const req = transport.request({
        method,
        protocol: this.url.protocol,
        hostname: this.url.hostname.replace(/^\[|\]$/g, ''),
        port: this.url.port || (this.url.protocol === 'https:' ? 443 : 80),
        path: `${basePath}${path}${queryString(options.query)}`,
        agent: this.agent,
        headers: {
          accept: 'application/json',
          'user-agent': 'k8s-stack',
          ...this.authHeaders(),
          ...options.headers,
          ...(options.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(options.body)) }
            : {})
        }
      })
      // Not http.request's own `signal`: with a keep-alive agent it destroys the pooled
      // socket with an error nobody listens to once the response has been read.
      const signal = options.signal
      let response: http.IncomingMessage | undefined
      const onAbort = (): void => {
        if (response) {
          // Ends a body being read; a complete one (socket back in the pool) is left alone.
          if (!response.complete) response.destroy()
          return
        }
        const error = new Error('The operation was aborted')
        error.name = 'AbortError'
        req.destroy(error)
      }
      if (signal?.aborted) onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      req.on('response', res => {
        response = res
        res.on('close', () => signal?.removeEventListener('abort', onAbort))
        resolve({ req, res })
      })
      req.on('error', error => reject(this.connectionError(error, method, path)))
      if (options.body !== undefined) req.end(options.body)
      else req.end()
    })
  }

  private connectionError(error: Error, method: string, path: string): Error {
    if (error.name === 'AbortError') return error
    const code = (error as NodeJS.ErrnoException).code
    return new KubeConnectionError(
      `Cannot reach the Kubernetes API server ${this.connection.server} (${method} ${path.split('?')[0]}): ${code ? `${code} ` : ''}${error.message}`
    )
  }

  /** Any request; resolves with status, headers and body whatever the status. */
  async raw(method: string, path: string, options: RequestOptions = {}): Promise<RawResponse> {
    const timeoutMs = options.timeoutMs ?? 30_000
    const controller = new AbortController()
    const onAbort = (): void => controller.abort()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const { res } = await this.open(method, path, { ...options, signal: controller.signal })
      const chunks: Buffer[] = []
      for await (const chunk of res) chunks.push(chunk as Buffer)
      return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }
    } catch (error) {
      if (controller.signal.aborted && !options.signal?.aborted) {
        throw new KubeConnectionError(
          `Kubernetes API request ${method} ${path.split('?')[0]} timed out after ${timeoutMs} ms`
        )
      }
      throw error
    } finally {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
    }
  }

  /** A JSON request; an error status throws KubeApiError with the server's message. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {}
  ): Promise<T> {
    const res = await this.raw(method, path, options)
    const text = res.body.toString()
    if (res.status >= 400) throw apiError(res.status, text, method, path)
    return (text ? JSON.parse(text) : undefined) as T
  }

  /** The server's version (GET /version); minor as a number ("27+" on some providers is 27). */
  async serverVersion(): Promise<{ major: number; minor: number; gitVersion: string }> {
    const v = await this.request<{ major?: string; minor?: string; gitVersion?: string }>(
      'GET',
      '/version'
    )
    return {
      major: Number.parseInt(v?.major ?? '', 10) || 0,
      minor: Number.parseInt(v?.minor ?? '', 10) || 0,
      gitVersion: v?.gitVersion ?? ''
    }
  }

  async get<T extends KubeObject = KubeObject>(
    type: TypeRef,
    name: string,
    namespace?: string
  ): Promise<T> {
    const t = typeOf(type)
    return this.request<T>(
      'GET',
      resourcePath(t, t.namespaced ? (namespace ?? this.namespace) : undefined, name)
    )
  }

  /** Like get, but undefined when the object does not exist. */
  async find<T extends KubeObject = KubeObject>(
    type: TypeRef,
    name: string,
    namespace?: string
  ): Promise<T | undefined> {
    try {
      return await this.get<T>(type, name, namespace)
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined
      throw error
    }
  }

  /** Lists a kind (every page); no namespace means all namespaces. */
  async list<T extends KubeObject = KubeObject>(
    type: TypeRef,
    options: ListOptions = {}
  ): Promise<ObjectList<T>> {
    const t = typeOf(type)
    const items: T[] = []
    let cont: string | undefined
    let resourceVersion: string | undefined
    do {
      const page = await this.request<ObjectList<T>>('GET', resourcePath(t, options.namespace), {
        query: {
          labelSelector: options.labelSelector,
          fieldSelector: options.fieldSelector,
          limit: options.limit ?? 500,
          continue: cont
        }
      })
      items.push(...page.items)
      cont = page.metadata?.continue || undefined
      resourceVersion = page.metadata?.resourceVersion
    } while (cont)
    return { items, metadata: { resourceVersion } }
  }

  /**
   * Server-side apply (PATCH application/apply-patch+yaml) of one object: created when
   * missing, updated in the fields this field manager owns.
   */
  async apply<T extends KubeObject = KubeObject>(
    object: KubeObject,
    options: { fieldManager: string; force?: boolean; dryRun?: boolean; type?: ResourceType }
  ): Promise<T> {
    if (!object.apiVersion || !object.kind || !object.metadata?.name) {
      throw new Error('apply needs an object with apiVersion, kind and metadata.name')
    }
    const t = options.type ?? resourceFor(object.apiVersion, object.kind)
    const namespace = t.namespaced ? (object.metadata.namespace ?? this.namespace) : undefined
    const body = t.namespaced ? { ...object, metadata: { ...object.metadata, namespace } } : object
    return this.request<T>('PATCH', resourcePath(t, namespace, object.metadata.name), {
      query: {
        fieldManager: options.fieldManager,
        force: options.force || undefined,
        dryRun: options.dryRun ? 'All' : undefined
      },
      // JSON is YAML: the apply-patch+yaml body needs no YAML writer.
      headers: { 'content-type': 'application/apply-patch+yaml' },
      body: JSON.stringify(body)
    })
  }

  /** Deletes an object; false when it did not exist. */
  async delete(
    type: TypeRef,
    name: string,
    namespace?: string,
    options: {
      propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'
      gracePeriodSeconds?: number
    } = {}
  ): Promise<boolean> {
    const t = typeOf(type)
    try {
      await this.request(
        'DELETE',
        resourcePath(t, t.namespaced ? (namespace ?? this.namespace) : undefined, name),
        {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'DeleteOptions',
            apiVersion: 'v1',
            propagationPolicy: options.propagationPolicy ?? 'Background',
            gracePeriodSeconds: options.gracePeriodSeconds
          })
        }
      )
      return true
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return false
      throw error
    }
  }

  /**
   * One watch stream: calls `onEvent` for each event as it arrives, and resolves when the
   * server closes the stream ('closed'), the resourceVersion is too old ('expired': list
   * again) or `signal` aborts. BOOKMARK events only advance the resourceVersion.
   */
  async watch<T extends KubeObject = KubeObject>(
    type: TypeRef,
    options: WatchOptions,
    onEvent: (event: WatchEvent<T>) => void
  ): Promise<WatchEnd> {
    const t = typeOf(type)
    const path = resourcePath(t, options.namespace)
    let resourceVersion = options.resourceVersion
    if (options.signal?.aborted) return { reason: 'aborted', resourceVersion }
    let opened: { req: http.ClientRequest; res: http.IncomingMessage }
    try {
      opened = await this.open('GET', path, {
        query: {
          watch: 1,
          allowWatchBookmarks: true,
          resourceVersion,
          labelSelector: options.labelSelector,
          fieldSelector: options.fieldSelector,
          timeoutSeconds: options.timeoutSeconds ?? 300
        },
        signal: options.signal
      })
    } catch (error) {
      if (options.signal?.aborted) return { reason: 'aborted', resourceVersion }
      throw error
    }
    const { res } = opened
    if ((res.statusCode ?? 0) >= 400) {
      const chunks: Buffer[] = []
      for await (const chunk of res) chunks.push(chunk as Buffer)
      if (res.statusCode === 410) return { reason: 'expired', resourceVersion }
      throw apiError(res.statusCode ?? 0, Buffer.concat(chunks).toString(), 'GET', path)
    }
    let pending = ''
    try {
      for await (const chunk of res) {
        pending += (chunk as Buffer).toString()
        let newline: number
        while ((newline = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, newline).trim()
          pending = pending.slice(newline + 1)
          if (!line) continue
          const event = JSON.parse(line) as WatchEvent<T>
          if (event.type === 'ERROR') {
            const status = event.object as unknown as {
              code?: number
              reason?: string
              message?: string
            }
            if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone') {
              res.destroy()
              return { reason: 'expired', resourceVersion }
            }
            res.destroy()
            throw new KubeApiError(
              status.code ?? 500,
              status.reason ?? 'Error',
              status.message ?? 'watch error',
              'GET',
              path
            )
          }
          resourceVersion = event.object?.metadata?.resourceVersion ?? resourceVersion
          if (event.type !== 'BOOKMARK') onEvent(event)
        }
      }
    } catch (error) {
      if (options.signal?.aborted) return { reason: 'aborted', resourceVersion }
      // A stream cut mid-way (server restart, proxy) is reconnectable, like a close.
      if (
        (error as NodeJS.ErrnoException).code === 'ECONNRESET' ||
        (error as Error).name === 'AbortError'
      ) {
        return { reason: 'closed', resourceVersion }
      }
      throw error
    }
    return { reason: options.signal?.aborted ? 'aborted' : 'closed', resourceVersion }
  }

  /**
   * List then watch, reconnecting when a stream closes and listing again when its
   * resourceVersion expires, until `signal` aborts. `onChange` gets the current objects
   * (keyed namespace/name) after the initial list and after every event.
   */
  async listWatch<T extends KubeObject = KubeObject>(
    type: TypeRef,
    options: ListOptions & { signal: AbortSignal; timeoutSeconds?: number },
    onChange: (objects: ReadonlyMap<string, T>, event?: WatchEvent<T>) => void
  ): Promise<void> {
    const objects = new Map<string, T>()
    const key = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`
    let failures = 0
    while (!options.signal.aborted) {
      let list: ObjectList<T>
      try {
        list = await this.list<T>(type, options)
      } catch (error) {
        if (options.signal.aborted) return
        if (!(error instanceof KubeConnectionError) || ++failures > 5) throw error
        await sleep(Math.min(200 * 2 ** failures, 5000), options.signal)
        continue
      }
      objects.clear()
      for (const item of list.items) objects.set(key(item), item)
      onChange(objects)
      let resourceVersion = list.metadata.resourceVersion
      for (;;) {
        let end: WatchEnd
        try {
          end = await this.watch<T>(type, { ...options, resourceVersion }, event => {
            if (event.type === 'DELETED') objects.delete(key(event.object))
            else objects.set(key(event.object), event.object)
            onChange(objects, event)
          })
          failures = 0
        } catch (error) {
          if (options.signal.aborted) return
          if (!(error instanceof KubeConnectionError) || ++failures > 5) throw error
          await sleep(Math.min(200 * 2 ** failures, 5000), options.signal)
          continue
        }
        if (end.reason === 'aborted') return
        if (end.reason === 'expired') break
        resourceVersion = end.resourceVersion
      }
    }
  }
}

function apiError(status: number, text: string, method: string, path: string): KubeApiError {
  let reason = http.STATUS_CODES[status] ?? 'Error'
  let message = text.trim() || `${method} ${path} answered ${status}`
  try {
    const body = JSON.parse(text) as { reason?: string; message?: string }
    reason = body.reason || reason
    message = body.message || message
  } catch {
    // not a Status object: keep the text
  }
  return new KubeApiError(
    status,
    reason,
    message.split('\n')[0].slice(0, 1000),
    method,
    path.split('?')[0]
  )
}

/** Resolves after `ms`, or early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Parses a multi-document YAML manifest into objects (empty documents dropped). */
export function parseManifests(text: string): KubeObject[] {
  let docs: unknown[]
  try {
    docs = parseYamlDocuments(text)
  } catch (error) {
    throw new Error(`Invalid YAML manifest: ${(error as Error).message}`)
  }
  return docs.filter((o): o is KubeObject => Boolean(o && typeof o === 'object'))
}
