// Test helper: brings the local sandbox up (once per test process) and returns its
// environment (registry, credentials, kubeconfig, tool paths, base image names).
//   const env = await sandboxEnv()
//   env.REGISTRY, env.REGISTRY_USERNAME, env.REGISTRY_PASSWORD, env.KUBECONFIG,
//   env.K8S_STACK_HELM3, env.K8S_STACK_HELM4, env.K8S_STACK_TRIVY, env.K8S_STACK_KUBECTL,
//   env.K8S_STACK_ORAS, env.K8S_STACK_ACT, env.K8S_STACK_ACTIONLINT,
//   env.NODE_IMAGE, env.NGINX_IMAGE, env.DEBIAN_IMAGE, env.PATH
// `sandbox.sh up` is idempotent and takes about a second when everything already runs;
// it holds a lock, so parallel jest workers do not race each other.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'sandbox', 'sandbox.sh'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('sandboxEnv: cannot find sandbox/sandbox.sh above ' + dir)
    dir = parent
  }
}

function run(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(repoRoot(), 'sandbox', 'sandbox.sh'), ...args], {
      cwd: repoRoot(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve(out)
      const tail = (err + out).split('\n').slice(-40).join('\n')
      reject(new Error(`sandbox.sh ${args.join(' ')} failed (${signal ?? code}):\n${tail}`))
    })
  })
}

/** Parses `export KEY='value'` lines (shell single quotes; '\'' for a quote). */
export function parseEnvLines(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim())
    if (!m) continue
    const raw = m[2]
    let value = ''
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]
      if (c === "'") {
        const end = raw.indexOf("'", i + 1)
        if (end < 0) throw new Error(`sandboxEnv: unterminated quote in: ${line}`)
        value += raw.slice(i + 1, end)
        i = end
      } else if (c === '\\') {
        value += raw[i + 1] ?? ''
        i++
      } else {
        value += c
      }
    }
    env[m[1]] = value
  }
  return env
}

let cached: Promise<Record<string, string>> | undefined

/**
 * Brings the sandbox up if needed (first call in this process) and returns the
 * variables printed by `sandbox.sh env`. A cold machine can take many minutes
 * (tool builds, debootstrap); a warm one about a second.
 */
export function sandboxEnv(): Promise<Record<string, string>> {
  if (!cached) {
    cached = (async () => {
      await run(['up'], 60 * 60 * 1000)
      const env = parseEnvLines(await run(['env'], 60 * 1000))
      for (const key of ['REGISTRY', 'REGISTRY_USERNAME', 'REGISTRY_PASSWORD', 'KUBECONFIG']) {
        if (!env[key]) throw new Error(`sandboxEnv: sandbox.sh env did not print ${key}`)
      }
      return env
    })()
    cached.catch(() => (cached = undefined))
  }
  return cached
}
