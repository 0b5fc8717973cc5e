// Both app images built from their Dockerfiles with the real engine on the sandbox's base
// images, run as the chart runs them (read-only root, no capabilities), and probed.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { sandboxEnv } from '../../support/sandbox'
import {
  buildApp,
  dockerOk,
  docker,
  httpGet,
  removeContainer,
  removeImages,
  runHardened,
  waitFor200
} from './containers'

// Image builds, a cold sandbox and rollouts take minutes: jest's project-level testTimeout
// does not reach hooks here, so the file sets its own.
jest.setTimeout(900000)

const VERSION = `3.2.1-it${process.pid}`
const SENTINEL = `sentinel-db-password-${process.pid}`
let sandbox: Record<string, string>
const containers: string[] = []

beforeAll(async () => {
  sandbox = await sandboxEnv()
})
afterAll(async () => {
  for (const id of containers) await removeContainer(id)
  await removeImages([`k8s-stack-test/backend:${VERSION}`, `k8s-stack-test/frontend:${VERSION}`])
})

async function inspect(ref: string, format: string): Promise<string> {
  return dockerOk(['inspect', '--format', format, ref])
}

describe('backend image', () => {
  let image: string
  let id: string
  let port: number

  beforeAll(async () => {
    image = await buildApp('backend', sandbox, VERSION)
    ;({ id, port } = await runHardened(image, 3000, [
      '-e',
      `DB_PASSWORD=${SENTINEL}`,
      '-e',
      'APP_ENV=it'
    ]))
    containers.push(id)
    await waitFor200(port, '/health')
  })

  it('declares a numeric non-root user, its version label, and the app port', async () => {
    expect(await inspect(image, '{{.Config.User}}')).toBe('1000:1000')
    expect(
      await inspect(image, '{{index .Config.Labels "org.opencontainers.image.version"}}')
    ).toBe(VERSION)
    expect(await inspect(image, '{{json .Config.ExposedPorts}}')).toBe('{"3000/tcp":{}}')
    // npm ci --omit=dev from the lockfile; the build context excluded everything else.
    expect(await dockerOk(['run', '--rm', '--entrypoint', 'ls', image, '/app'])).toBe(
      ['node_modules', 'package-lock.json', 'package.json', 'src'].join('\n')
    )
  })

  it('answers /health, /ready, /api/status and /metrics', async () => {
    expect(JSON.parse((await httpGet(port, '/health')).body)).toEqual({ status: 'ok' })
    expect((await httpGet(port, '/ready')).status).toBe(200)
    const status = JSON.parse((await httpGet(port, '/api/status')).body)
    expect(status).toMatchObject({
      name: 'backend',
      version: VERSION,
      status: 'ok',
      environment: 'it',
      secretsConfigured: ['DB_PASSWORD']
    })
    const metrics = await httpGet(port, '/metrics')
    expect(metrics.body).toContain(`app_info{name="backend",version="${VERSION}"} 1`)
    expect(metrics.body).toContain(
      'http_requests_total{method="GET",route="/api/status",status="200"} 1'
    )
  })

  it('runs as uid 1000 under a read-only root', async () => {
    expect(await dockerOk(['exec', id, 'id', '-u'])).toBe('1000')
    const write = await docker(['exec', id, 'sh', '-c', 'echo x > /app/x'])
    expect(write.code).not.toBe(0)
    expect(write.stderr).toMatch(/Read-only file system/)
  })

  it('stops cleanly on SIGTERM within the grace period, logging JSON without the secret', async () => {
    const started = Date.now()
    await dockerOk(['stop', '--time', '10', id])
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(5000)
    expect(await inspect(id, '{{.State.ExitCode}}')).toBe('0')
    const logs = await docker(['logs', id])
    const records = logs.stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l))
    expect(records.map(r => r.msg)).toEqual(
      expect.arrayContaining(['listening', 'shutdown started', 'shutdown complete'])
    )
    expect(records.find(r => r.msg === 'shutdown complete').forced).toBe(false)
    expect(logs.stdout + logs.stderr).not.toContain(SENTINEL)
  })
})

describe('frontend image', () => {
  let image: string
  let id: string
  let port: number

  beforeAll(async () => {
    image = await buildApp('frontend', sandbox, VERSION)
    ;({ id, port } = await runHardened(image, 8080))
    containers.push(id)
    await waitFor200(port, '/healthz')
  })

  it('declares the numeric nginx user and port 8080', async () => {
    expect(await inspect(image, '{{.Config.User}}')).toBe('101:101')
    // The base image may EXPOSE 80 too (EXPOSE is inherited); nginx listens on 8080 only.
    expect(await inspect(image, '{{json .Config.ExposedPorts}}')).toContain('"8080/tcp"')
  })

  it('serves the page with security headers and no caching of index.html', async () => {
    const page = await httpGet(port, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>k8s-stack</title>')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(page.headers.server).toBe('nginx')
  })

  it('caches hashed assets for a year, 404s unknown assets, and falls back to the SPA for routes', async () => {
    const page = await httpGet(port, '/')
    const script = /src="(\/assets\/app\.[0-9a-f]{12}\.js)"/.exec(page.body)![1]
    const asset = await httpGet(port, script)
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers['content-type']).toBe('application/javascript')
    expect(asset.headers['x-content-type-options']).toBe('nosniff')
    expect((await httpGet(port, '/assets/app.000000000000.js')).status).toBe(404)
    const deep = await httpGet(port, '/dashboard/settings')
    expect(deep.status).toBe(200)
    expect(deep.body).toBe(page.body)
  })

  it('runs as uid 101 under a read-only root and logs JSON lines', async () => {
    expect(await dockerOk(['exec', id, 'id', '-u'])).toBe('101')
    const logs = await docker(['logs', id])
    const line = logs.stdout
      .trim()
      .split('\n')
      .find(l => l.includes('/dashboard/settings'))!
    expect(JSON.parse(line)).toMatchObject({
      app: 'frontend',
      method: 'GET',
      path: '/dashboard/settings',
      status: 200
    })
  })

  it('stops cleanly on its stop signal within the grace period', async () => {
    const started = Date.now()
    await dockerOk(['stop', '--time', '10', id])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(await inspect(id, '{{.State.ExitCode}}')).toBe('0')
  })
})
