import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config, Dependency } from './config.js'
import type { Logger } from './logger.js'
import type { Metrics } from './metrics.js'

export interface CheckResult {
  ok: boolean
  error?: string
}
export type DependencyChecker = (dep: Dependency, timeoutMs: number) => Promise<CheckResult>
export function checkTcp(dep: Dependency, timeoutMs: number): Promise<CheckResult>
export function createApp(options: {
  config: Config
  logger: Logger
  metrics: Metrics
  checkDependency?: DependencyChecker
  now?: () => number
}): {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  routes: string[]
  startShutdown(): void
  isShuttingDown(): boolean
}
