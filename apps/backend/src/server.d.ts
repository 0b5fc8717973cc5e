import type { Server } from 'node:http'
import type { DependencyChecker, createApp } from './app.js'
import type { Config } from './config.js'
import type { Logger } from './logger.js'

export function startServer(options: {
  config: Config
  logger: Logger
  checkDependency?: DependencyChecker
}): Promise<{
  server: Server
  app: ReturnType<typeof createApp>
  port: number
  shutdown(signal: string): Promise<{ forced: boolean }>
}>
