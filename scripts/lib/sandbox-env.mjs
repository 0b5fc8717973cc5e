// The sandbox's environment for the benchmark scripts: `sandbox.sh env` parsed into an object,
// after `sandbox.sh up` unless told not to (a bench pointed at another cluster).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const sandbox = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'sandbox',
  'sandbox.sh'
)

export function sandboxEnv({ up = true } = {}) {
  if (up) execFileSync('bash', [sandbox, 'up'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const text = execFileSync('bash', [sandbox, 'env'], { encoding: 'utf8' })
  const env = {}
  for (const line of text.split('\n')) {
    const m = /^export ([A-Za-z_][A-Za-z0-9_]*)='(.*)'$/.exec(line.trim())
    if (m) env[m[1]] = m[2].replace(/'\\''/g, "'")
  }
  return env
}
