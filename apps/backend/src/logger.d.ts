export const REDACTED: string
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
  child(extra: Record<string, unknown>): Logger
}
export function createLogger(options?: {
  level?: string
  secrets?: Record<string, string>
  write?: (line: string) => void
  base?: Record<string, unknown>
  now?: () => Date
}): Logger
