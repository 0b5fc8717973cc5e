import { describe, expect, it } from '@jest/globals'
import {
  apiRepository,
  parseChallenge,
  registryBaseUrl,
  resolveDigest
} from '../../../actions/digests/src/registry-api'

const DIGEST = 'sha256:' + 'a'.repeat(64)

describe('parseChallenge', () => {
  it.each([
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/r:pull"',
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/r:pull' }
      }
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['basic', { scheme: 'basic', params: {} }]
  ])('%s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected)
  })
  it('rejects other schemes', () => expect(parseChallenge('Negotiate abc')).toBeUndefined())
})

describe('registry URLs', () => {
  it.each([
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost:5000', 'http://localhost:5000'],
    ['ghcr.io', 'https://ghcr.io'],
    ['docker.io', 'https://registry-1.docker.io'],
    ['', 'https://registry-1.docker.io']
  ])('%s -> %s', (registry, url) => expect(registryBaseUrl(registry)).toBe(url))
  it('adds library/ for Docker Hub official images only', () => {
    expect(apiRepository('', 'nginx')).toBe('library/nginx')
    expect(apiRepository('docker.io', 'org/app')).toBe('org/app')
    expect(apiRepository('ghcr.io', 'nginx')).toBe('nginx')
  })
})

/** A scripted fetch: each call gets the next response; the requests are recorded. */
function scripted(responses: Array<() => Response>) {
  const calls: Array<{ url: string; method: string; auth?: string }> = []
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ url: String(url), method: init?.method ?? 'GET', auth: headers.Authorization })
    const next = responses.shift()
    if (!next) throw new Error('unexpected request ' + String(url))
    return next()
  }) as typeof fetch
  return { impl, calls }
}

describe('resolveDigest (request flow)', () => {
  it('follows a Bearer challenge with the credentials, then reads Docker-Content-Digest', async () => {
    const { impl, calls } = scripted([
      () =>
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token",service="reg"' }
        }),
      () => Response.json({ token: 'T0KEN' }),
      () => new Response(null, { status: 200, headers: { 'docker-content-digest': DIGEST } })
    ])
    const r = await resolveDigest('reg.example/team/app:v1', {
      fetchImpl: impl,
      credentials: { username: 'u', password: 'p' }
    })
    expect(r).toEqual({
      source: 'reg.example/team/app:v1',
      ref: `reg.example/team/app@${DIGEST}`,
      digest: DIGEST
    })
    expect(calls[1].url).toBe(
      'https://auth.example/token?service=reg&scope=repository%3Ateam%2Fapp%3Apull'
    )
    expect(calls[1].auth).toBe('Basic ' + Buffer.from('u:p').toString('base64'))
    expect(calls[2].auth).toBe('Bearer T0KEN')
  })

  it('hashes the manifest when HEAD carries no digest', async () => {
    const body = '{"schemaVersion":2}'
    const { impl } = scripted([
      () => new Response(null, { status: 200 }),
      () => new Response(body, { status: 200 })
    ])
    const r = await resolveDigest('127.0.0.1:5000/a:b', { fetchImpl: impl })
    const { createHash } = await import('node:crypto')
    expect(r.digest).toBe('sha256:' + createHash('sha256').update(body).digest('hex'))
  })

  it('does not retry a missing tag and says so', async () => {
    const { impl, calls } = scripted([() => new Response(null, { status: 404 })])
    await expect(resolveDigest('127.0.0.1:5000/a:missing', { fetchImpl: impl })).rejects.toThrow(
      /Could not resolve 127.0.0.1:5000\/a:missing to a digest: .*404, no such tag/
    )
    expect(calls).toHaveLength(1)
  })

  it('retries transient errors with backoff, then fails', async () => {
    const { impl, calls } = scripted([
      () => new Response(null, { status: 503, statusText: 'Service Unavailable' }),
      () => new Response(null, { status: 503, statusText: 'Service Unavailable' })
    ])
    const slept: number[] = []
    await expect(
      resolveDigest('127.0.0.1:5000/a:b', {
        fetchImpl: impl,
        attempts: 2,
        sleep: async ms => void slept.push(ms)
      })
    ).rejects.toThrow(/HTTP 503/)
    expect(calls).toHaveLength(2)
    expect(slept).toEqual([1000])
  })

  it('passes a digest reference through without a request', async () => {
    const { impl, calls } = scripted([])
    expect((await resolveDigest(`127.0.0.1:5000/a@${DIGEST}`, { fetchImpl: impl })).ref).toBe(
      `127.0.0.1:5000/a@${DIGEST}`
    )
    expect(calls).toHaveLength(0)
  })
})
