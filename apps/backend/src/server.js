// The HTTP server and its graceful shutdown: on SIGTERM, /ready turns 503 at once, the
// server keeps serving for SHUTDOWN_DELAY_MS (endpoints leave Services and the Ingress),
// then stops accepting, closes idle keep-alive connections, lets in-flight requests
// finish until SHUTDOWN_TIMEOUT_MS, and only then cuts what is left.
import { createServer } from 'node:http'
import { createApp } from './app.js'
import { createMetrics } from './metrics.js'

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms).unref())

/** startServer({ config, logger }) resolves to { server, app, port, shutdown(signal) } once listening. */
export async function startServer({ config, logger, checkDependency }) {
  const metrics = createMetrics({ name: config.name, version: config.version })
  const app = createApp({ config, logger, metrics, checkDependency })
  const server = createServer((req, res) => void app.handle(req, res))
  server.keepAliveTimeout = config.keepAliveTimeoutMs
  server.headersTimeout = config.keepAliveTimeoutMs + 1000

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = server.address().port
  logger.info('listening', {
    host: config.host,
    port,
    version: config.version,
    environment: config.environment
  })

  let stopping
  /** Resolves to { forced } when the server has closed; calling it twice returns the same promise. */
  function shutdown(signal) {
    if (stopping) return stopping
    stopping = (async () => {
      const started = Date.now()
      app.startShutdown()
      logger.info('shutdown started', {
        signal,
        delayMs: config.shutdownDelayMs,
        timeoutMs: config.shutdownTimeoutMs
      })
      if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs)

      const closed = new Promise(resolve => server.close(() => resolve(false)))
      server.closeIdleConnections()
      const forced = await Promise.race([closed, sleep(config.shutdownTimeoutMs).then(() => true)])
      if (forced) {
        server.closeAllConnections()
        await closed
      }
      logger.info('shutdown complete', { signal, forced, durationMs: Date.now() - started })
      return { forced }
    })()
    return stopping
  }

  return { server, app, port, shutdown }
}
