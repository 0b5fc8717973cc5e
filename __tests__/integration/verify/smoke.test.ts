import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import http from 'node:http'
import { AddressInfo } from 'node:net'
import {
  runCheck,
  runChecks,
  parseChecks,
  describeResult,
  type SmokeOptions
} from '../../../src/verify/smoke'
import { buildAppImage, runContainer, type RunningContainer } from './app-containers'
import { fixtureRelease, kubeClient, type FixtureRelease } from './fixture-release'
import { runAction } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

// Smoke checks against real HTTP servers: the apps' images in the Docker engine.
jest.setTimeout(600_000)
let backend: RunningContainer
let frontend: RunningContainer
const fast: SmokeOptions = { deadlineMs: 3000, initialBackoffMs: 100 }

beforeAll(async () => {
  const [backendImage, frontendImage] = await Promise.all([
    buildAppImage('backend'),
    buildAppImage('frontend')
  ])
  ;[backend, frontend] = await Promise.all([
    runContainer(backendImage, 3000),
    runContainer(frontendImage, 8080)
  ])
}, 600_000)

afterAll(async () => {
  await Promise.all([backend?.stop(), frontend?.stop()])
})

async function check(yaml: string, options: SmokeOptions = fast) {
  const [c] = parseChecks(yaml)
  return runCheck(c, options)
}

describe('smoke checks against the apps', () => {
  it('pass on the backend and the frontend', async () => {
    const results = await runChecks(
      parseChecks(`
- {name: health, url: "${backend.url}/health", body-pattern: '"status":"ok"'}
- {name: version, url: "${backend.url}/api/version", headers: {Accept: application/json}, body-pattern: '9\\.9\\.9-verify'}
- {name: metrics, url: "${backend.url}/metrics", body-pattern: '# TYPE'}
- {name: spa, url: "${frontend.url}/", body-pattern: '<html'}
- {name: spa-fallback, url: "${frontend.url}/some/client/route", status: 200}
- {name: head, url: "${frontend.url}/", method: HEAD}
`),
      fast
    )
    for (const r of results)
      expect([r.name, r.ok, r.got]).toEqual([r.name, true, expect.any(String)])
    expect(results.every(r => r.attempts === 1)).toBe(true)
  })

  it('fails a wrong status with the URL, what was expected and what came', async () => {
    const r = await check(`- url: "${backend.url}/api/no-such-route"`)
    expect(r.ok).toBe(false)
    expect(r.target).toBe(`${backend.url}/api/no-such-route`)
    expect(r.expected).toBe('status 200')
    expect(r.got).toMatch(/^status 404, body /)
    expect(describeResult(r)).toMatch(
      new RegExp(`^GET ${backend.url}/api/no-such-route: expected status 200, got status 404`)
    )
    expect(r.attempts).toBeGreaterThan(1)
  })

  it('fails a missing body pattern', async () => {
    const r = await check(`- {url: "${backend.url}/health", body-pattern: 'no-such-text'}`)
    expect(r.ok).toBe(false)
    expect(r.expected).toBe('status 200 and a body matching /no-such-text/')
    expect(r.got).toMatch(/^status 200, body without a match: "\{.*status.*ok/)
  })

  it('fails a refused connection', async () => {
    const srv = http.createServer()
    await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
    const port = (srv.address() as AddressInfo).port
    await new Promise(r => srv.close(r))
    const r = await check(`- url: http://127.0.0.1:${port}/health`)
    expect(r.ok).toBe(false)
    expect(r.got).toBe('connection refused (ECONNREFUSED)')
    expect(describeResult(r)).toContain(
      `http://127.0.0.1:${port}/health: expected status 200, got connection refused`
    )
  })

  it('fails a server that never answers, per-check timeout', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const srv = http.createServer(() => undefined) // accepts, never responds
    srv.on('connection', s => sockets.add(s))
    await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
    const port = (srv.address() as AddressInfo).port
    try {
      const started = Date.now()
      const r = await check(`- {url: "http://127.0.0.1:${port}/slow", timeout: 300ms}`, {
        deadlineMs: 1000,
        initialBackoffMs: 100
      })
      expect(r.ok).toBe(false)
      expect(r.got).toBe('no response within 300 ms (timeout)')
      expect(Date.now() - started).toBeLessThan(3000)
    } finally {
      for (const s of sockets) s.destroy()
      srv.close()
    }
  })

  it('retries with backoff until a late server answers', async () => {
    const probe = http.createServer()
    await new Promise<void>(r => probe.listen(0, '127.0.0.1', r))
    const port = (probe.address() as AddressInfo).port
    await new Promise(r => probe.close(r))
    let late: http.Server | undefined
    const timer = setTimeout(() => {
      late = http.createServer((_req, res) => res.end('ready now')).listen(port, '127.0.0.1')
    }, 1500)
    try {
      const r = await check(`- {url: "http://127.0.0.1:${port}/", body-pattern: ready}`, {
        deadlineMs: 20_000,
        initialBackoffMs: 100
      })
      expect(r.ok).toBe(true)
      expect(r.attempts).toBeGreaterThan(2)
      expect(r.durationMs).toBeGreaterThanOrEqual(1400)
    } finally {
      clearTimeout(timer)
      late?.close()
    }
  })

  it('fails a service-proxy check through the real API server with its proxy URL', async () => {
    const client = await kubeClient()
    try {
      await client.apply(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'verify-no-endpoints', namespace: 'default' },
          spec: { selector: { app: 'verify-no-such-pod' }, ports: [{ port: 80 }] }
        },
        { fieldManager: 'verify-tests' }
      )
      const [c] = parseChecks('- {service: default/verify-no-endpoints:80, path: /health}')
      // Retries span the moment the endpoints controller writes the (empty) Endpoints.
      const r = await runCheck(c, { deadlineMs: 4000, initialBackoffMs: 200, client })
      expect(r.ok).toBe(false)
      expect(r.target).toBe(
        `${client.connection.server}/api/v1/namespaces/default/services/verify-no-endpoints:80/proxy/health`
      )
      expect(r.got).toMatch(/^status 503, body .*no endpoints available for service/)
    } finally {
      await client.delete('Service', 'verify-no-endpoints', 'default')
      client.close()
    }
  })
})

describe('smoke checks in the action, as GitHub runs it', () => {
  let r: FixtureRelease
  let env: Record<string, string>
  beforeAll(async () => {
    env = await sandboxEnv()
    r = await fixtureRelease('vsmoke')
    await r.upgrade({ statefulSet: false, daemonSet: false })
  })
  afterAll(async () => {
    await r?.cleanup()
  })

  it('passes when every check passes, with a smoke table in the summary', async () => {
    const checks = JSON.stringify([
      { name: 'backend health', url: `${backend.url}/health`, 'body-pattern': '"status":"ok"' },
      { name: 'frontend', url: `${frontend.url}/`, 'body-pattern': '<html' }
    ])
    const run = await runAction(
      'verify',
      { release: r.release, namespace: r.backend, checks },
      { env }
    )
    if (run.exitCode !== 0) throw new Error(run.log)
    expect(run.outputs.result).toBe('pass')
    expect(run.summary).toContain('#### Smoke checks')
    expect(run.summary).toMatch(
      /\| backend health \| GET http:\/\/127\.0\.0\.1:\d+\/health \| status 200 and a body matching .* \| status 200, body matched \| 1 \| ✅ \|/
    )
  })

  it('fails naming the URL, what was expected and what came', async () => {
    const checks = `- {name: missing, url: "${backend.url}/api/missing", status: 200}\n- {name: ok, url: "${backend.url}/health"}`
    const run = await runAction(
      'verify',
      { release: r.release, namespace: r.backend, checks, 'smoke-timeout': '2s' },
      { env }
    )
    expect(run.exitCode).toBe(1)
    const failed = JSON.parse(run.outputs['failed-checks'])
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({
      kind: 'smoke',
      name: 'missing',
      object: `${backend.url}/api/missing`
    })
    expect(failed[0].message).toMatch(
      new RegExp(`^GET ${backend.url}/api/missing: expected status 200, got status 404`)
    )
    expect(run.log).toMatch(
      /^::error::Verification failed: 1 check failed \(smoke http:\/\/127\.0\.0\.1:\d+\/api\/missing\)\.$/m
    )
  })
})
