// Runs helm and kubectl for the chart tests: argv arrays, captured output, never a shell.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const chart = join(repo, 'k8s')
export const KUBE_VERSION = '1.36.3'
export const VALUES_FILES = ['values.yaml', 'values-staging.yaml', 'values-production.yaml']

export interface Result {
  code: number | null
  stdout: string
  stderr: string
}

export function run(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300000)
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

/** helm template of the chart with a values file (relative to k8s/) and extra args. */
export async function template(
  helm: string,
  valuesFile: string,
  extra: string[] = []
): Promise<string> {
  const args = [
    'template',
    'app',
    chart,
    '--namespace',
    'default',
    '--kube-version',
    KUBE_VERSION,
    '-f',
    join(chart, valuesFile),
    ...extra
  ]
  const r = await run(helm, args)
  if (r.code !== 0)
    throw new Error(
      `helm template ${valuesFile} ${extra.join(' ')} failed (${r.code}): ${r.stderr}`
    )
  return r.stdout
}

/** helm template expected to fail; returns stderr. */
export async function templateError(helm: string, extra: string[]): Promise<string> {
  const r = await run(helm, ['template', 'app', chart, '--kube-version', KUBE_VERSION, ...extra])
  if (r.code === 0)
    throw new Error(`helm template ${extra.join(' ')} succeeded, expected a failure`)
  return r.stderr
}
