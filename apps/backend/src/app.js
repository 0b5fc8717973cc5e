// Routes and the request handler. Pure of process state: everything it needs is passed in,
// so unit tests drive it with their own config, logger, clock and dependency checker.
import { Socket } from 'node:net'
import { hostname } from 'node:os'
import { CONTENT_TYPE as METRICS_CONTENT_TYPE } from './metrics.js'

/** Opens and closes a TCP connection to host:port; resolves to { ok, error? }. */
export function checkTcp({ host, port }, timeoutMs) {
  return new Promise(resolve => {
    const socket = new Socket()
    const done = result => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () =>
      done({ ok: false, error: `timed out after ${timeoutMs} ms` })
    )
    socket.once('error', err => done({ ok: false, error: err.code || err.message }))
    socket.connect(port, host, () => done({ ok: true }))
  })
}

function sendJson(res, status, body, headers = {}) {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers
  })
  res.end(res.req.method === 'HEAD' ? undefined : payload)
}

/**
 * createApp({ config, logger, metrics, checkDependency, now }) returns
 * { handle(req, res), startShutdown(), isShuttingDown(), routes }.
 */
export function createApp({
  config,
  logger,
  metrics,
  checkDependency = checkTcp,
  now = () => Date.now()
}) {
  const startedAt = now()
  let shuttingDown = false

  async function readiness() {
    if (shuttingDown)
      return { ready: false, checks: [{ name: 'shutdown', ok: false, error: 'shutting down' }] }
    const checks = await Promise.all(
      config.dependencies.map(async dep => {
        const result = await checkDependency(dep, config.dependencyTimeoutMs)
        return { name: `${dep.host}:${dep.port}`, ...result }
      })
    )
    checks.unshift({ name: 'config', ok: true })
    return { ready: checks.every(c => c.ok), checks }
  }

  const routes = {
    '/health': () => ({ status: 200, body: { status: 'ok' } }),
    '/ready': async () => {
      const { ready, checks } = await readiness()
      return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', checks } }
    },
    '/api/status': () => ({
      status: 200,
      body: {
        name: config.name,
        version: config.version,
        status: shuttingDown ? 'shutting down' : 'ok',
        environment: config.environment,
        uptime: Math.round((now() - startedAt) / 1000),
        hostname: hostname(),
        // Names only: proves the Secret is wired without revealing a value.
        secretsConfigured: Object.keys(config.secrets).sort()
      }
    }),
    '/api/version': () => ({ status: 200, body: { name: config.name, version: config.version } }),
    '/metrics': () => ({ status: 200, text: metrics.render(), contentType: METRICS_CONTENT_TYPE })
  }

  async function handle(req, res) {
    const started = process.hrtime.bigint()
    const path = (req.url ?? '/').split('?')[0]
    const route = Object.hasOwn(routes, path)
      ? path
      : path.startsWith('/api/')
        ? '/api/*'
        : 'unmatched'
    metrics.requestStarted()
    res.once('close', () => {
      metrics.requestFinished()
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      metrics.observeRequest({ method: req.method, route, status: res.statusCode, seconds })
      // Probe and scrape traffic would drown the log; everything else is logged.
      if (!['/health', '/ready', '/metrics'].includes(route) || res.statusCode >= 400) {
        logger.info('request', {
          method: req.method,
          path,
          route,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000)
        })
      }
    })
    try {
      if (!Object.hasOwn(routes, path)) return sendJson(res, 404, { error: 'not found', path })
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(
          res,
          405,
          { error: 'method not allowed', allow: 'GET, HEAD' },
          { allow: 'GET, HEAD' }
        )
      }
      const result = await routes[path](req)
      // Checked after the handler ran: a request that began before SIGTERM closes its
      // connection too, so keep-alive clients reconnect to a pod that stays.
      if (shuttingDown) res.setHeader('connection', 'close')
      if (result.text !== undefined) {
        res.writeHead(result.status, {
          'content-type': result.contentType,
          'cache-control': 'no-store'
        })
        return res.end(req.method === 'HEAD' ? undefined : result.text)
      }
      return sendJson(res, result.status, result.body)
    } catch (err) {
      logger.error('request failed', { path, error: err })
      if (!res.headersSent) return sendJson(res, 500, { error: 'internal error' })
      res.destroy()
    }
  }

  return {
    handle,
    routes: Object.keys(routes),
    startShutdown: () => (shuttingDown = true),
    isShuttingDown: () => shuttingDown
  }
}
