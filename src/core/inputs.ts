import * as core from './commands'
import { InputError } from './errors'

/** Reads a raw input; replaceable so that pure parsing is testable without the runner. */
export type InputReader = (name: string) => string

export const runnerInputs: InputReader = name => core.getInput(name)

/** Typed input readers over one source. Every action's inputs module uses these and nothing else. */
export class Inputs {
  constructor(private readonly read: InputReader = runnerInputs) {}

  raw(name: string): string {
    return (this.read(name) ?? '').trim()
  }

  string(name: string, fallback = ''): string {
    const value = this.raw(name)
    return value === '' ? fallback : value
  }

  required(name: string, accepted = 'a non-empty value'): string {
    const value = this.raw(name)
    if (value === '') throw new InputError(name, value, accepted)
    return value
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)
    if (value === '') return fallback
    if (/^(true|yes|on|1)$/i.test(value)) return true
    if (/^(false|no|off|0)$/i.test(value)) return false
    throw new InputError(name, value, 'true or false')
  }

  /** Comma- or newline-separated, the way docker/build-push-action reads `tags`. */
  list(name: string): string[] {
    return splitList(this.raw(name), /[\n,]/)
  }

  /** One entry per line, for values that may hold commas (build-args, set). */
  lines(name: string): string[] {
    return splitList(this.raw(name), /\n/)
  }

  enumOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name)
    if (value === '') return fallback
    const match = allowed.find(a => a.toLowerCase() === value.toLowerCase())
    if (!match) throw new InputError(name, value, `one of ${allowed.join(', ')}`)
    return match
  }

  enumList<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
    const values = this.list(name)
    if (values.length === 0) return fallback
    return values.map(value => {
      const match = allowed.find(a => a.toLowerCase() === value.toLowerCase())
      if (!match)
        throw new InputError(name, value, `a comma-separated list of ${allowed.join(', ')}`)
      return match
    })
  }

  integer(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(name)
    if (value === '') return fallback
    if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InputError(name, value, `a whole number from ${min} to ${max}`)
    }
    return Number(value)
  }

  /** A duration in milliseconds. */
  duration(name: string, fallback: string): number {
    const value = this.raw(name) || fallback
    const ms = parseDuration(value)
    if (ms === undefined) {
      throw new InputError(name, value, 'a duration such as 90s, 5m or 1h30m (units h, m, s, ms)')
    }
    return ms
  }

  /** key=value entries, one per line; keys must match `keyPattern`. */
  keyValues(name: string, keyPattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/): Array<[string, string]> {
    return this.lines(name).map(entry => {
      const at = entry.indexOf('=')
      const key = at > 0 ? entry.slice(0, at).trim() : ''
      if (!keyPattern.test(key))
        throw new InputError(name, entry, 'KEY=value entries, one per line')
      return [key, entry.slice(at + 1)] as [string, string]
    })
  }
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map(s => s.trim())
    .filter(s => s !== '' && !s.startsWith('#'))
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }

/** Parses Go-style durations (1h30m, 90s, 250ms) or bare seconds; undefined when malformed. */
export function parseDuration(value: string): number | undefined {
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text)) return undefined
  let total = 0
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    total += Number(amount) * UNIT_MS[unit]
  }
  return Math.round(total)
}

/** Formats milliseconds the way Go tools accept them (helm --timeout, trivy --timeout). */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`
  return `${ms / 1000}s`
}
