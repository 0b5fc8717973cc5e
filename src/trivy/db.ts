// The vulnerability DB in a trivy cache dir: <cache>/db/trivy.db and db/metadata.json.
// The scan fails closed when the DB is missing while updates are skipped, or older than
// the allowed age (a mirror or a cache that silently stopped updating).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export interface DbMetadata {
  version: number
  updatedAt: Date
  nextUpdate?: Date
  downloadedAt?: Date
}

export function dbDir(cacheDir: string): string {
  return path.join(cacheDir, 'db')
}

/** Reads db/metadata.json; undefined when there is no DB. Throws when it is unreadable. */
export function readDbMetadata(cacheDir: string): DbMetadata | undefined {
  const file = path.join(dbDir(cacheDir), 'metadata.json')
  if (!existsSync(file) || !existsSync(path.join(dbDir(cacheDir), 'trivy.db'))) return undefined
  let data: Record<string, unknown>
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(
      `The vulnerability DB metadata ${file} is not valid JSON (${(error as Error).message}).`
    )
  }
  const updatedAt = date(data.UpdatedAt)
  if (!updatedAt)
    throw new Error(`The vulnerability DB metadata ${file} has no valid UpdatedAt time.`)
  return {
    version: typeof data.Version === 'number' ? data.Version : 0,
    updatedAt,
    nextUpdate: date(data.NextUpdate),
    downloadedAt: date(data.DownloadedAt)
  }
}

function date(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const d = new Date(value)
  return Number.isNaN(d.getTime()) || d.getTime() <= 0 ? undefined : d
}

/** Refuses a DB whose UpdatedAt is older than maxAgeMs (0 disables the check). */
export function checkDbAge(meta: DbMetadata, maxAgeMs: number, now = new Date()): void {
  if (maxAgeMs <= 0) return
  const age = now.getTime() - meta.updatedAt.getTime()
  if (age > maxAgeMs) {
    throw new Error(
      `The vulnerability DB is stale: updated ${meta.updatedAt.toISOString()} (${formatAge(age)} ago), older than max-db-age ${formatAge(maxAgeMs)}. Update it (unset skip-db-update, or refresh the db-repository mirror), or raise max-db-age.`
    )
  }
}

export function formatAge(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  if (hours >= 48) return `${Math.floor(hours / 24)}d`
  if (hours >= 1) return `${hours}h`
  return `${Math.max(0, Math.floor(ms / 60_000))}m`
}

/** Parses max-db-age: 7d, 36h, 90m, or 0/off to disable; undefined when malformed. */
export function parseMaxAge(value: string): number | undefined {
  const text = value.trim().toLowerCase()
  if (text === 'off' || text === '0') return 0
  const m = /^(\d+)(d|h|m)$/.exec(text)
  if (!m) return undefined
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm']
  return Number(m[1]) * unit
}
