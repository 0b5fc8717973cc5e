// The backend's modules, imported directly and driven over real HTTP on loopback.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { createServer, type Server } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadConfig, type Config } from '../../../apps/backend/src/config.js'
import { REDACTED, createLogger } from '../../../apps/backend/src/logger.js'
import { createMetrics } from '../../../apps/backend/src/metrics.js'
import { startServer } from '../../../apps/backend/src/server.js'
import type { DependencyChecker } from '../../../apps/backend/src/app.js'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const SECRET = 'sentinel-Pa55word-9f3b'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function get(
  port: number,
  path: string,
  options: { method?: string; agent?: Agent } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', agent: options.agent },
      res => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end()
  })
}

function config(overrides: Record<string, string> = {}): Config {
  const base = loadConfig({
    APP_VERSION: '9.8.7',
    APP_ENV: 'test',
    DB_PASSWORD: SECRET,
    HOST: '127.0.0.1',
    ...overrides
  })
  return { ...base, port: 0 }
}

const running: Array<() => Promise<unknown>> = []
afterEach(async () => {
  while (running.length) await running.pop()!()
})

async function start(cfg: Config, checkDependency?: DependencyChecker) {
  const lines: string[] = []
  const logger = createLogger({
    level: 'debug',
    secrets: cfg.secrets,
    write: l => void lines.push(l)
  })
  const srv = await startServer({ config: cfg, logger, checkDependency })
  running.push(() => srv.shutdown('test'))
  return { ...srv, lines }
}

/** A port on loopback that refuses connections: bound, then closed. */
async function closedPort(): Promise<number> {
  const s: Server = createServer()
  await new Promise<void>(r => s.listen(0, '127.0.0.1', () => r()))
  const port = (s.address() as { port: number }).port
  await new Promise(r => s.close(r))
  return port
}

describe('config', () => {
  it('has defaults and reads secrets by name', () => {
    const c = loadConfig({ DB_PASSWORD: 'x', API_KEY: 'y', LOG_FORMAT: 'z' })
    expect(c.port).toBe(3000)
    expect(c.version).toBe('0.0.0-dev')
    expect(c.logLevel).toBe('info')
    expect(Object.keys(c.secrets).sort()).toEqual(['API_KEY', 'DB_PASSWORD'])
  })

  it.each([
    [{ PORT: 'abc' }, /^PORT="abc" is invalid: expected an integer from 1 to 65535$/],
    [{ PORT: '70000' }, /^PORT="70000" is invalid/],
    [
      { LOG_LEVEL: 'loud' },
      /^LOG_LEVEL="loud" is invalid: expected one of debug, info, warn, error$/
    ],
    [{ DEPENDENCIES: 'db:5432,nope' }, /^DEPENDENCIES entry "nope" is invalid: expected host:port/],
    [{ APP_VERSION: 'bad version' }, /^APP_VERSION="bad version" is invalid/]
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('parses dependencies', () => {
    expect(loadConfig({ DEPENDENCIES: 'db:5432, cache.local:6379' }).dependencies).toEqual([
      { host: 'db', port: 5432 },
      { host: 'cache.local', port: 6379 }
    ])
  })
})

describe('logger', () => {
  it('writes one JSON object per line and redacts secret values and secret-named fields', () => {
    const lines: string[] = []
    const log = createLogger({ secrets: { DB_PASSWORD: SECRET }, write: l => void lines.push(l) })
    log.info(`connecting with ${SECRET}`, {
      url: `postgres://u:${SECRET}@db`,
      token: 'abc',
      nested: { apiKey: 'k' }
    })
    log.debug('hidden at info level')
    expect(lines).toHaveLength(1)
    const record = JSON.parse(lines[0])
    expect(record.level).toBe('info')
    expect(record.msg).toBe(`connecting with ${REDACTED}`)
    expect(record.url).toBe(`postgres://u:${REDACTED}@db`)
    expect(record.token).toBe(REDACTED)
    expect(record.nested.apiKey).toBe(REDACTED)
    expect(lines[0]).not.toContain(SECRET)
  })
})

describe('metrics', () => {
  it('renders Prometheus text with counters and a cumulative histogram', () => {
    const m = createMetrics({ name: 'backend', version: '1.0.0' })
    m.observeRequest({ method: 'GET', route: '/api/status', status: 200, seconds: 0.02 })
    m.observeRequest({ method: 'GET', route: '/api/status', status: 200, seconds: 3 })
    const text = m.render()
    expect(text).toContain('http_requests_total{method="GET",route="/api/status",status="200"} 2')
    expect(text).toContain(
      'http_request_duration_seconds_bucket{method="GET",route="/api/status",le="0.025"} 1'
    )
    expect(text).toContain(
      'http_request_duration_seconds_bucket{method="GET",route="/api/status",le="5"} 2'
    )
    expect(text).toContain(
      'http_request_duration_seconds_bucket{method="GET",route="/api/status",le="+Inf"} 2'
    )
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/status"} 2'
    )
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m)
    expect(text).toContain('app_info{name="backend",version="1.0.0"} 1')
    // Every sample line is `name{labels} value`.
    for (const line of text
      .trim()
      .split('\n')
      .filter(l => !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_:][a-z0-9_:]*(\{[^}]*\})? -?[0-9.e+Inf-]+$/)
    }
  })
})

describe('routes', () => {
  it('answers /health, /ready, /api/status, /api/version and /metrics', async () => {
    const { port, lines } = await start(config())
    const health = await get(port, '/health')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' })

    const ready = await get(port, '/ready')
    expect(ready.status).toBe(200)
    expect(JSON.parse(ready.body).status).toBe('ready')

    const status = await get(port, '/api/status')
    expect(status.status).toBe(200)
    expect(status.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = JSON.parse(status.body)
    expect(body).toMatchObject({
      name: 'backend',
      version: '9.8.7',
      status: 'ok',
      environment: 'test',
      secretsConfigured: ['DB_PASSWORD']
    })
    expect(typeof body.uptime).toBe('number')

    expect(JSON.parse((await get(port, '/api/version')).body)).toEqual({
      name: 'backend',
      version: '9.8.7'
    })

    const metrics = await get(port, '/metrics')
    expect(metrics.status).toBe(200)
    expect(metrics.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(metrics.body).toContain(
      'http_requests_total{method="GET",route="/api/status",status="200"} 1'
    )

    // The secret's value is in no response and no log line.
    for (const text of [status.body, metrics.body, ...lines]) expect(text).not.toContain(SECRET)
    expect(lines.map(l => JSON.parse(l).msg)).toContain('request')
  })

  it('gives JSON 404s, 405 with Allow, HEAD without a body, and bounded metric labels', async () => {
    const { port } = await start(config())
    const missing = await get(port, '/api/does-not-exist')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body).error).toBe('not found')
    const post = await get(port, '/api/status', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    const head = await get(port, '/api/status', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    await get(port, '/random/path/1')
    const metrics = (await get(port, '/metrics')).body
    expect(metrics).toContain('route="/api/*",status="404"')
    expect(metrics).toContain('route="unmatched",status="404"')
    expect(metrics).not.toContain('/random/path/1')
  })

  it('is not ready while a dependency refuses connections, and ready once it listens', async () => {
    const down = await closedPort()
    const a = await start(config({ DEPENDENCIES: `127.0.0.1:${down}` }))
    const notReady = await get(a.port, '/ready')
    expect(notReady.status).toBe(503)
    expect(JSON.parse(notReady.body).checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: `127.0.0.1:${down}`, ok: false, error: 'ECONNREFUSED' })
      ])
    )
    // Liveness does not depend on dependencies: a restart would not fix them.
    expect((await get(a.port, '/health')).status).toBe(200)

    const b = await start(config({ DEPENDENCIES: `127.0.0.1:${a.port}` }))
    expect((await get(b.port, '/ready')).status).toBe(200)
  })
})

describe('graceful shutdown', () => {
  it('turns /ready to 503 during the shutdown delay while still serving', async () => {
    const srv = await start(config({ SHUTDOWN_DELAY_MS: '400' }))
    const stopping = srv.shutdown('SIGTERM')
    const ready = await get(srv.port, '/ready')
    expect(ready.status).toBe(503)
    expect(JSON.parse(ready.body).status).toBe('not ready')
    expect((await get(srv.port, '/health')).status).toBe(200)
    expect(await stopping).toEqual({ forced: false })
    await expect(get(srv.port, '/health')).rejects.toThrow(/ECONNREFUSED/)
  })

  it('lets an in-flight request finish, closes idle keep-alive connections, then refuses new ones', async () => {
    let release!: () => void
    const gate = new Promise<void>(r => (release = r))
    let calls = 0
    const slowCheck: DependencyChecker = async () => {
      calls++
      await gate
      return { ok: true }
    }
    const srv = await start(
      config({ DEPENDENCIES: 'db:5432', SHUTDOWN_TIMEOUT_MS: '5000' }),
      slowCheck
    )
    const agent = new Agent({ keepAlive: true })
    expect((await get(srv.port, '/health', { agent })).status).toBe(200) // an idle keep-alive socket now
    const inFlight = get(srv.port, '/ready')
    while (calls === 0) await new Promise(r => setTimeout(r, 5))

    const started = Date.now()
    const stopping = srv.shutdown('SIGTERM')
    await new Promise(r => setTimeout(r, 100))
    release()
    const reply = await inFlight
    expect(reply.status).toBe(200)
    expect(reply.headers.connection).toBe('close')
    expect(await stopping).toEqual({ forced: false })
    // Far below the 65 s keep-alive timeout: idle sockets were closed, not waited for.
    expect(Date.now() - started).toBeLessThan(2000)
    await expect(get(srv.port, '/health')).rejects.toThrow(/ECONNREFUSED/)
    agent.destroy()
    expect(srv.lines.map(l => JSON.parse(l).msg)).toEqual(
      expect.arrayContaining(['shutdown started', 'shutdown complete'])
    )
  })

  it('cuts requests still running at SHUTDOWN_TIMEOUT_MS and reports a forced stop', async () => {
    const hang: DependencyChecker = () => new Promise(() => undefined)
    const srv = await start(config({ DEPENDENCIES: 'db:5432', SHUTDOWN_TIMEOUT_MS: '300' }), hang)
    const inFlight = get(srv.port, '/ready').then(
      r => `answered ${r.status}`,
      (e: Error) => e.message
    )
    await new Promise(r => setTimeout(r, 50))
    const started = Date.now()
    expect(await srv.shutdown('SIGTERM')).toEqual({ forced: true })
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await inFlight).toMatch(/socket hang up|ECONNRESET/)
  })
})

describe('main.js as a process', () => {
  function runMain(env: Record<string, string>, signalAfterMs?: number) {
    return new Promise<{ code: number | null; out: string; ms: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(repo, 'apps/backend/src/main.js')], {
        env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      let signalled = 0
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (signalAfterMs !== undefined && !signalled && out.includes('"listening"')) {
          setTimeout(() => {
            signalled = Date.now()
            child.kill('SIGTERM')
          }, signalAfterMs)
        }
      })
      child.stderr.on('data', (d: Buffer) => (out += d.toString()))
      child.on('error', reject)
      child.on('close', code => resolve({ code, out, ms: signalled ? Date.now() - signalled : 0 }))
    })
  }

  it('exits 0 soon after SIGTERM, logging JSON without the secret', async () => {
    const port = await closedPort()
    const { code, out, ms } = await runMain({ PORT: String(port), DB_PASSWORD: SECRET }, 50)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(3000)
    const msgs = out
      .trim()
      .split('\n')
      .map(l => JSON.parse(l).msg)
    expect(msgs).toEqual(['listening', 'shutdown started', 'shutdown complete'])
    expect(out).not.toContain(SECRET)
  })

  it('exits 1 with one JSON line naming a bad variable', async () => {
    const { code, out } = await runMain({ PORT: 'eighty' })
    expect(code).toBe(1)
    const lines = out.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]).error).toBe(
      'PORT="eighty" is invalid: expected an integer from 1 to 65535'
    )
  })
})
