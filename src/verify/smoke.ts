import http from 'node:http'
import https from 'node:https'
import { parseYaml } from '../core/yaml'
import { parseDuration } from '../core/inputs'
import { KubeClient, sleep } from '../kube/api'

/** One HTTP check, validated. Either `url` or `service` (through the API server's service proxy). */
export interface SmokeCheck {
  name: string
  url?: string
  service?: { namespace: string; name: string; port: string; path: string }
  method: string
  headers: Record<string, string>
  body?: string
  expectStatus: number[]
  bodyPattern?: RegExp
  /** Per attempt. */
  timeoutMs: number
}

export interface SmokeOptions {
  /** Retries with backoff stop when the next attempt would start after this (ms from start). */
  deadlineMs: number
  ca?: string | Buffer
  insecureSkipTlsVerify?: boolean
  /** Needed for service checks. */
  client?: KubeClient
  initialBackoffMs?: number
  maxBackoffMs?: number
}

export interface SmokeResult {
  name: string
  /** What was requested: the URL, or the API server's proxy URL for a service. */
  target: string
  method: string
  ok: boolean
  expected: string
  got: string
  attempts: number
  durationMs: number
}

const CHECK_KEYS = new Set([
  'name',
  'url',
  'service',
  'path',
  'method',
  'headers',
  'body',
  'status',
  'body-pattern',
  'timeout'
])
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

function invalid(where: string, problem: string): Error {
  return new Error(`Invalid input "checks": ${where}${problem}`)
}

/**
 * Parses the `checks` input: a YAML or JSON list of
 * `{name, url | service: ns/name:port + path, method, headers, body, status, body-pattern, timeout}`.
 * Every problem is one line naming the check, the field and the accepted form.
 */
export function parseChecks(text: string, defaultTimeoutMs = 10_000): SmokeCheck[] {
  if (!text.trim()) return []
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw invalid(
      '',
      `is not valid YAML or JSON (${detail}). Expected a list of checks, e.g. "- url: https://app.example.com/health"`
    )
  }
  if (
    doc &&
    typeof doc === 'object' &&
    !Array.isArray(doc) &&
    Array.isArray((doc as { checks?: unknown }).checks)
  ) {
    doc = (doc as { checks: unknown[] }).checks
  }
  if (!Array.isArray(doc))
    throw invalid(
      '',
      'is not a list. Expected a YAML or JSON list of checks, e.g. "- url: https://app.example.com/health"'
    )
  return doc.map((entry, i) => {
    const where = `check ${i + 1}: `
    if (typeof entry === 'string') entry = { url: entry }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw invalid(where, 'is not a mapping. Expected url, method, status, ...')
    const e = entry as Record<string, unknown>
    for (const k of Object.keys(e))
      if (!CHECK_KEYS.has(k))
        throw invalid(where, `unknown field "${k}". Expected ${[...CHECK_KEYS].join(', ')}`)
    const name = typeof e.name === 'string' && e.name ? e.name : undefined
    const at = `check ${i + 1}${name ? ` (${name})` : ''}: `
    const check: SmokeCheck = {
      name: name ?? '',
      method: 'GET',
      headers: {},
      expectStatus: [200],
      timeoutMs: defaultTimeoutMs
    }

    if ((e.url === undefined) === (e.service === undefined))
      throw invalid(at, 'give exactly one of url or service')
    if (e.url !== undefined) {
      let url: URL
      try {
        url = new URL(String(e.url))
      } catch {
        throw invalid(at, `url ${JSON.stringify(e.url)} is not a URL. Expected http:// or https://`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw invalid(
          at,
          `url ${JSON.stringify(e.url)} is not an HTTP URL. Expected http:// or https://`
        )
      }
      if (e.path !== undefined) throw invalid(at, 'path goes with service; put it in the url')
      check.url = url.toString()
    } else {
      const m =
        /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/((https?:)?[a-z0-9]([-a-z0-9]*[a-z0-9])?):([a-z0-9-]+)$/.exec(
          String(e.service)
        )
      if (!m)
        throw invalid(
          at,
          `service ${JSON.stringify(e.service)}. Expected namespace/name:port (port number or name)`
        )
      const path = e.path === undefined ? '/' : String(e.path)
      if (!path.startsWith('/')) throw invalid(at, `path ${JSON.stringify(path)} must start with /`)
      check.service = { namespace: m[1], name: m[3], port: m[6], path }
    }
    if (e.method !== undefined) {
      const method = String(e.method).toUpperCase()
      if (!METHODS.includes(method))
        throw invalid(
          at,
          `method ${JSON.stringify(e.method)}. Expected one of ${METHODS.join(', ')}`
        )
      check.method = method
    }
    if (e.headers !== undefined) {
      if (!e.headers || typeof e.headers !== 'object' || Array.isArray(e.headers))
        throw invalid(at, 'headers must be a mapping of name: value')
      for (const [k, v] of Object.entries(e.headers as Record<string, unknown>)) {
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k))
          throw invalid(at, `header name ${JSON.stringify(k)} is not a valid HTTP header name`)
        check.headers[k] = String(v)
      }
    }
    if (e.body !== undefined)
      check.body = typeof e.body === 'string' ? e.body : JSON.stringify(e.body)
    if (e.status !== undefined) {
      const list = Array.isArray(e.status) ? e.status : [e.status]
      check.expectStatus = list.map(s => {
        const n = Number(s)
        if (!Number.isInteger(n) || n < 100 || n > 599)
          throw invalid(
            at,
            `status ${JSON.stringify(s)}. Expected an HTTP status from 100 to 599 (or a list)`
          )
        return n
      })
    }
    if (e['body-pattern'] !== undefined) {
      try {
        check.bodyPattern = new RegExp(String(e['body-pattern']))
      } catch {
        throw invalid(
          at,
          `body-pattern ${JSON.stringify(e['body-pattern'])} is not a valid regular expression`
        )
      }
    }
    if (e.timeout !== undefined) {
      const ms = parseDuration(String(e.timeout))
      if (ms === undefined || ms <= 0)
        throw invalid(
          at,
          `timeout ${JSON.stringify(e.timeout)}. Expected a positive duration such as 5s or 500ms`
        )
      check.timeoutMs = ms
    }
    check.name ||=
      check.url ??
      `${check.service!.namespace}/${check.service!.name}:${check.service!.port}${check.service!.path}`
    return check
  })
}

/** The API server path that proxies to a Service. */
export function serviceProxyPath(s: NonNullable<SmokeCheck['service']>): string {
  return `/api/v1/namespaces/${encodeURIComponent(s.namespace)}/services/${encodeURIComponent(s.name)}:${s.port}/proxy${s.path}`
}

interface Attempt {
  status?: number
  body?: string
  error?: string
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as NodeJS.ErrnoException
  if (e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT')
    return `no response within ${timeoutMs} ms (timeout)`
  if (e?.code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)'
  if (e?.code === 'ECONNRESET') return 'connection reset (ECONNRESET)'
  if (e?.code === 'ENOTFOUND') return 'host not found (ENOTFOUND)'
  return `${e?.code ? `${e.code}: ` : ''}${e?.message ?? String(error)}`
}

function requestUrl(check: SmokeCheck, options: SmokeOptions): Promise<Attempt> {
  const url = new URL(check.url!)
  const transport = url.protocol === 'https:' ? https : http
  return new Promise(resolve => {
    let settled = false
    const done = (a: Attempt): void => {
      if (!settled) {
        settled = true
        clearTimeout(timer)
        resolve(a)
      }
    }
    const req = transport.request(
      url,
      {
        method: check.method,
        headers: { 'user-agent': 'k8s-stack-verify', ...check.headers },
        ...(url.protocol === 'https:'
          ? { ca: options.ca, rejectUnauthorized: !options.insecureSkipTlsVerify }
          : {}),
        agent: false
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          done({ status: res.statusCode, body: Buffer.concat(chunks).toString() })
        )
        res.on('error', error => done({ error: describeError(error, check.timeoutMs) }))
      }
    )
    const timer = setTimeout(() => {
      const error = new Error('timeout')
      error.name = 'TimeoutError'
      req.destroy(error)
    }, check.timeoutMs)
    req.on('error', error => done({ error: describeError(error, check.timeoutMs) }))
    req.end(check.body)
  })
}

async function requestService(check: SmokeCheck, options: SmokeOptions): Promise<Attempt> {
  if (!options.client) return { error: 'a service check needs a kubeconfig' }
  try {
    const res = await options.client.raw(check.method, serviceProxyPath(check.service!), {
      headers: { ...check.headers, accept: check.headers.accept ?? check.headers.Accept ?? '*/*' },
      body: check.body,
      timeoutMs: check.timeoutMs
    })
    return { status: res.status, body: res.body.toString() }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      error: /timed out/.test(message)
        ? `no response within ${check.timeoutMs} ms (timeout)`
        : message
    }
  }
}

function judge(check: SmokeCheck, a: Attempt): { ok: boolean; got: string } {
  if (a.error) return { ok: false, got: a.error }
  const body = a.body ?? ''
  const excerpt = JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}…` : body)
  if (!check.expectStatus.includes(a.status ?? 0))
    return { ok: false, got: `status ${a.status}, body ${excerpt}` }
  if (check.bodyPattern && !check.bodyPattern.test(body))
    return { ok: false, got: `status ${a.status}, body without a match: ${excerpt}` }
  return { ok: true, got: `status ${a.status}${check.bodyPattern ? ', body matched' : ''}` }
}

export function expectedText(check: SmokeCheck): string {
  return `status ${check.expectStatus.join(' or ')}${check.bodyPattern ? ` and a body matching /${check.bodyPattern.source}/` : ''}`
}

/** Runs one check, retrying with exponential backoff while the deadline allows. */
export async function runCheck(
  check: SmokeCheck,
  options: SmokeOptions,
  started = Date.now()
): Promise<SmokeResult> {
  const target =
    check.url ?? `${options.client?.connection.server ?? ''}${serviceProxyPath(check.service!)}`
  let backoff = options.initialBackoffMs ?? 250
  let attempts = 0
  for (;;) {
    attempts++
    const attempt = check.url
      ? await requestUrl(check, options)
      : await requestService(check, options)
    const verdict = judge(check, attempt)
    const elapsed = Date.now() - started
    if (verdict.ok || elapsed + backoff >= options.deadlineMs) {
      return {
        name: check.name,
        target,
        method: check.method,
        ok: verdict.ok,
        expected: expectedText(check),
        got: verdict.got,
        attempts,
        durationMs: elapsed
      }
    }
    await sleep(backoff)
    backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5000)
  }
}

/** Runs every check concurrently under one deadline. */
export function runChecks(checks: SmokeCheck[], options: SmokeOptions): Promise<SmokeResult[]> {
  const started = Date.now()
  return Promise.all(checks.map(c => runCheck(c, options, started)))
}

/** "GET http://...: expected status 200, got status 500 (3 attempts)". */
export function describeResult(r: SmokeResult): string {
  return `${r.method} ${r.target}: expected ${r.expected}, got ${r.got} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'} in ${(r.durationMs / 1000).toFixed(1)}s)`
}
