// Configuration comes from the environment only (a ConfigMap and a Secret in Kubernetes).
// Every bad value is rejected with one line naming the variable and the accepted form.

const LOG_LEVELS = ['debug', 'info', 'warn', 'error']

// Names treated as secrets: their values are never logged nor returned by any route.
export const SECRET_NAME_PATTERN =
  /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|CREDENTIALS?)($|_)/i

export class ConfigError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ConfigError'
  }
}

function integer(env, name, fallback, min, max) {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is invalid: expected an integer from ${min} to ${max}`
    )
  }
  return Number(raw)
}

function oneOf(env, name, fallback, accepted) {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!accepted.includes(raw)) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is invalid: expected one of ${accepted.join(', ')}`
    )
  }
  return raw
}

function text(env, name, fallback, pattern, form) {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!pattern.test(raw))
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected ${form}`)
  return raw
}

/** DEPENDENCIES="db:5432,cache:6379": TCP endpoints that /ready checks. */
function dependencies(env) {
  const raw = (env.DEPENDENCIES ?? '').trim()
  if (raw === '') return []
  return raw.split(',').map(part => {
    const entry = part.trim()
    const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry)
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
      throw new ConfigError(
        `DEPENDENCIES entry ${JSON.stringify(entry)} is invalid: expected host:port[,host:port...]`
      )
    }
    return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) }
  })
}

/** Reads and validates the whole configuration once, at start. */
export function loadConfig(env = process.env) {
  const secrets = {}
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_NAME_PATTERN.test(name) && typeof value === 'string' && value !== '')
      secrets[name] = value
  }
  return Object.freeze({
    name: text(
      env,
      'APP_NAME',
      'backend',
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'a lowercase name of letters, digits and dashes'
    ),
    version: text(
      env,
      'APP_VERSION',
      '0.0.0-dev',
      /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/,
      'a version such as 1.2.3 or a git sha'
    ),
    environment: text(
      env,
      'APP_ENV',
      env.NODE_ENV || 'development',
      /^[a-z0-9-]{1,32}$/,
      'a lowercase environment name such as staging'
    ),
    host: env.HOST || '0.0.0.0',
    port: integer(env, 'PORT', 3000, 1, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    // Time to keep serving after SIGTERM while endpoints are removed from Services and the Ingress.
    shutdownDelayMs: integer(env, 'SHUTDOWN_DELAY_MS', 0, 0, 300000),
    // Deadline for in-flight requests to finish; keep it below terminationGracePeriodSeconds.
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 300000),
    // Above ingress-nginx's upstream keepalive timeout (60 s), so the proxy closes idle
    // connections first and never reuses one the app has just closed (sporadic 502s).
    keepAliveTimeoutMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', 65000, 0, 600000),
    dependencyTimeoutMs: integer(env, 'DEPENDENCY_TIMEOUT_MS', 1000, 1, 60000),
    dependencies: Object.freeze(dependencies(env)),
    secrets: Object.freeze(secrets)
  })
}
