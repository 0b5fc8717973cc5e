// Process entry: config, server, signals. Exit 0 after a clean drain, 1 otherwise.
import process from 'node:process'
import { ConfigError, loadConfig } from './config.js'
import { createLogger } from './logger.js'
import { startServer } from './server.js'

let config
try {
  config = loadConfig(process.env)
} catch (err) {
  const message = err instanceof ConfigError ? err.message : String(err)
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'invalid configuration',
      error: message
    }) + '\n'
  )
  process.exit(1)
}

const logger = createLogger({
  level: config.logLevel,
  secrets: config.secrets,
  base: { app: config.name }
})

process.on('uncaughtException', err => {
  logger.error('uncaught exception', { error: err })
  process.exit(1)
})
process.on('unhandledRejection', reason => {
  logger.error('unhandled rejection', { error: reason instanceof Error ? reason : String(reason) })
  process.exit(1)
})

try {
  const { shutdown } = await startServer({ config, logger })
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      shutdown(signal).then(({ forced }) => process.exit(forced ? 1 : 0))
    })
  }
} catch (err) {
  logger.error('cannot start', { error: err, port: config.port })
  process.exit(1)
}
