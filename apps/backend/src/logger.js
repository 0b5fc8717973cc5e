// JSON lines on stdout (one object per line, for Loki/promtail), with every secret value
// and every secret-named field redacted before the line is written.
import { SECRET_NAME_PATTERN } from './config.js'

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 }
export const REDACTED = '[REDACTED]'

function redactFields(value, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 8) return value
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack }
  if (Array.isArray(value)) return value.map(v => redactFields(v, depth + 1))
  const out = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_NAME_PATTERN.test(k) ? REDACTED : redactFields(v, depth + 1)
  }
  return out
}

/**
 * createLogger({ level, secrets, write, base }): secrets is a map of name -> value;
 * any of those values found anywhere in a line is replaced by [REDACTED].
 */
export function createLogger({
  level = 'info',
  secrets = {},
  write = line => process.stdout.write(line),
  base = {},
  now = () => new Date()
} = {}) {
  const threshold = LEVELS[level] ?? LEVELS.info
  // Longest first, so a secret that contains another is replaced whole.
  const values = Object.values(secrets)
    .filter(v => typeof v === 'string' && v.length > 0)
    .sort((a, b) => b.length - a.length)
  const jsonValues = values.map(v => JSON.stringify(v).slice(1, -1))

  function scrub(line) {
    let out = line
    for (const v of jsonValues) out = out.split(v).join(REDACTED)
    return out
  }

  function log(lvl, msg, fields) {
    if (LEVELS[lvl] < threshold) return
    const record = {
      time: now().toISOString(),
      level: lvl,
      msg,
      ...base,
      ...redactFields(fields ?? {})
    }
    write(scrub(JSON.stringify(record)) + '\n')
  }

  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: extra => createLogger({ level, secrets, write, now, base: { ...base, ...extra } })
  }
}
