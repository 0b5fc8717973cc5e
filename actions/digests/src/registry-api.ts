import { createHash } from 'node:crypto'
import { parseReference, repositoryOf } from '../../../src/docker/reference'

/** Manifest media types we accept, index types first (multi-platform images). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

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

class HttpError extends Error {
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
 * Resolves image:tag to the digest the registry holds, with the distribution API (HEAD on
 * the manifest; GET and hash when the registry sends no Docker-Content-Digest), Basic or
 * Bearer token auth, and retries on transient errors (network, 429, 5xx).
 */
export async function resolveDigest(
  reference: string,
  options: ResolveOptions = {}
): Promise<Resolved> {
  const parsed = parseReference(reference)
  if (parsed.digest)
    return {
      source: reference,
      ref: `${repositoryOf(parsed)}@${parsed.digest}`,
      digest: parsed.digest
    }
  const tag = parsed.tag ?? 'latest'
  const url = `${registryBaseUrl(parsed.registry)}/v2/${apiRepository(parsed.registry, parsed.path)}/manifests/${tag}`
  const attempts = options.attempts ?? 3
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
  let last: unknown
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const digest = await fetchDigest(url, parsed.path, options)
      return { source: reference, ref: `${repositoryOf(parsed)}@${digest}`, digest }
    } catch (error) {
      last = error
      const transient = !(error instanceof HttpError) || error.status === 429 || error.status >= 500
      if (!transient || attempt === attempts) break
      await sleep(1000 * 2 ** (attempt - 1))
    }
  }
  const why = last instanceof Error ? last.message : String(last)
  throw new Error(`Could not resolve ${reference} to a digest: ${why}`)
}

async function fetchDigest(
  url: string,
  repository: string,
  options: ResolveOptions
): Promise<string> {
  const doFetch = options.fetchImpl ?? fetch
  const timeoutMs = options.timeoutMs ?? 30_000
  const request = async (
    method: 'HEAD' | 'GET',
    target: string,
    authorization?: string,
    accept = MANIFEST_ACCEPT
  ) =>
    doFetch(target, {
      method,
      headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow'
    })

  let authorization: string | undefined
  let response = await request('HEAD', url)
  if (response.status === 401) {
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '')
    if (challenge?.scheme === 'bearer') {
      authorization = `Bearer ${await bearerToken(challenge, repository, options, request)}`
    } else if (options.credentials) {
      authorization = basic(options.credentials)
    } else {
      throw new HttpError(401, `${url}: 401 Unauthorized and no credentials were given`)
    }
    response = await request('HEAD', url, authorization)
  }
  if (response.status === 404) throw new HttpError(404, `${url}: 404, no such tag in the registry`)
  if (!response.ok)
    throw new HttpError(response.status, `${url}: HTTP ${response.status} ${response.statusText}`)
  const digest = response.headers.get('docker-content-digest')
  if (digest && /^sha256:[a-f0-9]{64}$/.test(digest)) return digest
  // Some registries omit the header on HEAD: the digest is the sha256 of the manifest bytes.
  const body = await request('GET', url, authorization)
  if (!body.ok) throw new HttpError(body.status, `${url}: HTTP ${body.status} ${body.statusText}`)
  return `sha256:${createHash('sha256')
    .update(Buffer.from(await body.arrayBuffer()))
    .digest('hex')}`
}

async function bearerToken(
  challenge: Challenge,
  repository: string,
  options: ResolveOptions,
  request: (
    method: 'GET',
    target: string,
    authorization?: string,
    accept?: string
  ) => Promise<Response>
): Promise<string> {
  const realm = challenge.params.realm
  if (!realm || !/^https?:\/\//.test(realm))
    throw new HttpError(
      401,
      `the registry's token realm ${JSON.stringify(realm)} is not an http(s) URL`
    )
  const tokenUrl = new URL(realm)
  if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service)
  tokenUrl.searchParams.set('scope', challenge.params.scope || `repository:${repository}:pull`)
  const response = await request(
    'GET',
    tokenUrl.toString(),
    options.credentials ? basic(options.credentials) : undefined,
    'application/json'
  )
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
