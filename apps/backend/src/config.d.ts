export const SECRET_NAME_PATTERN: RegExp
export class ConfigError extends Error {}
export interface Dependency {
  host: string
  port: number
}
export interface Config {
  name: string
  version: string
  environment: string
  host: string
  port: number
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  shutdownDelayMs: number
  shutdownTimeoutMs: number
  keepAliveTimeoutMs: number
  dependencyTimeoutMs: number
  dependencies: readonly Dependency[]
  secrets: Readonly<Record<string, string>>
}
export function loadConfig(env?: Record<string, string | undefined>): Config
