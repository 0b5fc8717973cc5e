import { createHash } from 'node:crypto'
import { parseReference, repositoryOf } from '../../../src/docker/reference'

/** Manifest media types we accept, index types first (multi-platform images). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** The OCI empty descriptor's content ({}), config and only layer of a marker artifact. */
const EMPTY_JSON = '{}'
const EMPTY_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
export const MARKER_ARTIFACT_TYPE = 'application/vnd.k8s-stack.verified.v1'

export interface RegistryCredentials {
  username: string
  password: string
}

export interface Challenge {
  scheme: 'basic' | 'bearer'
  params: Record<string, string>
}

/** Parses a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."` or `Basic realm="..."`. */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(basic|bearer)\b\s*(.*)$/i.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  for (const p of m[2].matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]
  }
  return { scheme: m[1].toLowerCase() as Challenge['scheme'], params }
}

/** The registry's API base URL: plain HTTP only on loopback, Docker Hub's API host for docker.io. */
export function registryBaseUrl(registry: string): string {
  const host =
    registry === '' || registry === 'docker.io' || registry === 'index.docker.io'
      ? 'registry-1.docker.io'
      : registry
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host)
  return `${loopback ? 'http' : 'https'}://${host}`
}

/** The repository path as the API wants it (library/ for Docker Hub's official images). */
export function apiRepository(registry: string, path: string): string {
  const hub = registry === '' || registry === 'docker.io' || registry === 'index.docker.io'
  return hub && !path.includes('/') ? `library/${path}` : path
}

export interface ResolveOptions {
  credentials?: RegistryCredentials
  timeoutMs?: number
  attempts?: number
  fetchImpl?: typeof fetch
  sleep?: (ms: number) => Promise<void>
}

export interface Resolved {
  /** The reference that was resolved (image:tag). */
  source: string
  /** repository@sha256:... */
  ref: string
  digest: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

const basic = (c: RegistryCredentials) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`

/**
 * A minimal OCI distribution client: every request answers a 401 challenge (Basic, or a
 * Bearer token for the scope the registry asks) and retries transient errors.
 */
export class RegistryClient {
  private readonly doFetch: typeof fetch
  private readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly options: ResolveOptions = {}) {
    this.doFetch = options.fetchImpl ?? fetch
    this.sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
  }

  /** A request with auth and retries; 404 and other 4xx are returned, not thrown. */
  async request(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: string | Buffer; scopeRepository: string }
  ): Promise<Response> {
    const attempts = this.options.attempts ?? 3
    let last: unknown
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await this.once(method, url, init)
        if (response.status === 429 || response.status >= 500)
          throw new HttpError(
            response.status,
            `${method} ${url}: HTTP ${response.status} ${response.statusText}`
          )
        return response
      } catch (error) {
        last = error
        const transient =
          !(error instanceof HttpError) || error.status === 429 || error.status >= 500
        if (!transient || attempt === attempts) break
        await this.sleep(1000 * 2 ** (attempt - 1))
      }
    }
    throw last instanceof Error ? last : new Error(String(last))
  }

  private async once(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: string | Buffer; scopeRepository: string }
  ): Promise<Response> {
    const send = (authorization?: string) =>
      this.doFetch(url, {
        method,
        headers: {
          ...(init.headers ?? {}),
          ...(authorization ? { Authorization: authorization } : {})
        },
        body: init.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        redirect: 'follow'
      })
    const response = await send()
    if (response.status !== 401) return response
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '')
    let authorization: string
    if (challenge?.scheme === 'bearer') {
      authorization = `Bearer ${await this.bearerToken(challenge, init.scopeRepository, method)}`
    } else if (this.options.credentials) {
      authorization = basic(this.options.credentials)
    } else {
      throw new HttpError(401, `${url}: 401 Unauthorized and no credentials were given`)
    }
    const retried = await send(authorization)
    if (retried.status === 401 || retried.status === 403)
      throw new HttpError(
        retried.status,
        `${method} ${url}: HTTP ${retried.status}, the credentials were refused`
      )
    return retried
  }

  private async bearerToken(
    challenge: Challenge,
    repository: string,
    method: string
  ): Promise<string> {
    const realm = challenge.params.realm
    if (!realm || !/^https?:\/\//.test(realm))
      throw new HttpError(
        401,
        `the registry's token realm ${JSON.stringify(realm)} is not an http(s) URL`
      )
    const tokenUrl = new URL(realm)
    if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service)
    const write = method !== 'GET' && method !== 'HEAD'
    tokenUrl.searchParams.set(
      'scope',
      challenge.params.scope || `repository:${repository}:${write ? 'pull,push' : 'pull'}`
    )
    const response = await this.doFetch(tokenUrl.toString(), {
      headers: {
        Accept: 'application/json',
        ...(this.options.credentials ? { Authorization: basic(this.options.credentials) } : {})
      },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
    })
    if (!response.ok)
      throw new HttpError(
        response.status,
        `token request to ${tokenUrl.origin}${tokenUrl.pathname}: HTTP ${response.status}`
      )
    const json = (await response.json()) as { token?: string; access_token?: string }
    const token = json.token ?? json.access_token
    if (!token)
      throw new HttpError(
        401,
        `token response from ${tokenUrl.origin}${tokenUrl.pathname} holds no token`
      )
    return token
  }

  /** The digest the registry holds for a tag, or undefined when the tag does not exist. */
  async digestOf(reference: string): Promise<Resolved | undefined> {
    const parsed = parseReference(reference)
    if (parsed.digest)
      return {
        source: reference,
        ref: `${repositoryOf(parsed)}@${parsed.digest}`,
        digest: parsed.digest
      }
    const repo = apiRepository(parsed.registry, parsed.path)
    const url = `${registryBaseUrl(parsed.registry)}/v2/${repo}/manifests/${parsed.tag ?? 'latest'}`
    const head = await this.request('HEAD', url, {
      headers: { Accept: MANIFEST_ACCEPT },
      scopeRepository: repo
    })
    if (head.status === 404) return undefined
    if (!head.ok) throw new HttpError(head.status, `${url}: HTTP ${head.status} ${head.statusText}`)
    let digest = head.headers.get('docker-content-digest') ?? ''
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      // Some registries omit the header on HEAD: the digest is the sha256 of the manifest bytes.
      const body = await this.request('GET', url, {
        headers: { Accept: MANIFEST_ACCEPT },
        scopeRepository: repo
      })
      if (!body.ok)
        throw new HttpError(body.status, `${url}: HTTP ${body.status} ${body.statusText}`)
      digest = `sha256:${createHash('sha256')
        .update(Buffer.from(await body.arrayBuffer()))
        .digest('hex')}`
    }
    return { source: reference, ref: `${repositoryOf(parsed)}@${digest}`, digest }
  }

  /** Tags an existing manifest (repository@digest) as `tag`, registry-side: no pull, no push of layers. */
  async addTag(ref: string, tag: string): Promise<void> {
    const parsed = parseReference(ref)
    if (!parsed.digest) throw new Error(`addTag needs repository@digest, got ${ref}`)
    const repo = apiRepository(parsed.registry, parsed.path)
    const base = `${registryBaseUrl(parsed.registry)}/v2/${repo}/manifests`
    const manifest = await this.request('GET', `${base}/${parsed.digest}`, {
      headers: { Accept: MANIFEST_ACCEPT },
      scopeRepository: repo
    })
    if (!manifest.ok)
      throw new HttpError(manifest.status, `GET ${base}/${parsed.digest}: HTTP ${manifest.status}`)
    const body = Buffer.from(await manifest.arrayBuffer())
    const put = await this.request('PUT', `${base}/${tag}`, {
      headers: {
        'Content-Type':
          manifest.headers.get('content-type') ?? 'application/vnd.oci.image.manifest.v1+json'
      },
      body,
      scopeRepository: repo
    })
    if (!put.ok)
      throw new HttpError(put.status, `PUT ${base}/${tag}: HTTP ${put.status} ${await put.text()}`)
  }

  /**
   * Writes a marker: an empty OCI artifact tagged `reference`, annotated with what it
   * vouches for. Its existence is what a later run checks (digestOf).
   */
  async putMarker(reference: string, annotations: Record<string, string>): Promise<Resolved> {
    const parsed = parseReference(reference)
    if (!parsed.tag || parsed.digest)
      throw new Error(`a marker needs repository:tag, got ${reference}`)
    const repo = apiRepository(parsed.registry, parsed.path)
    const api = `${registryBaseUrl(parsed.registry)}/v2/${repo}`
    const exists = await this.request('HEAD', `${api}/blobs/${EMPTY_DIGEST}`, {
      scopeRepository: repo
    })
    if (!exists.ok) {
      const start = await this.request('POST', `${api}/blobs/uploads/`, { scopeRepository: repo })
      if (start.status !== 202)
        throw new HttpError(start.status, `POST ${api}/blobs/uploads/: HTTP ${start.status}`)
      const location = new URL(start.headers.get('location') ?? '', api + '/')
      location.searchParams.set('digest', EMPTY_DIGEST)
      const put = await this.request('PUT', location.toString(), {
        headers: { 'Content-Type': 'application/octet-stream' },
        body: EMPTY_JSON,
        scopeRepository: repo
      })
      if (put.status !== 201)
        throw new HttpError(put.status, `PUT blob ${EMPTY_DIGEST}: HTTP ${put.status}`)
    }
    const empty = { mediaType: 'application/vnd.oci.empty.v1+json', digest: EMPTY_DIGEST, size: 2 }
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: MARKER_ARTIFACT_TYPE,
      config: empty,
      layers: [empty],
      annotations
    })
    const put = await this.request('PUT', `${api}/manifests/${parsed.tag}`, {
      headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      body: manifest,
      scopeRepository: repo
    })
    if (put.status !== 201)
      throw new HttpError(
        put.status,
        `PUT ${api}/manifests/${parsed.tag}: HTTP ${put.status} ${await put.text()}`
      )
    const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`
    return { source: reference, ref: `${repositoryOf(parsed)}@${digest}`, digest }
  }
}

/** Resolves image:tag to the digest the registry holds; a missing tag is an error. */
export async function resolveDigest(
  reference: string,
  options: ResolveOptions = {}
): Promise<Resolved> {
  let resolved: Resolved | undefined
  try {
    resolved = await new RegistryClient(options).digestOf(reference)
  } catch (error) {
    throw new Error(
      `Could not resolve ${reference} to a digest: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  if (!resolved)
    throw new Error(`Could not resolve ${reference} to a digest: 404, no such tag in the registry`)
  return resolved
}
