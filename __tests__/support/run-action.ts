import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

export interface ActionRun {
  exitCode: number
  /** stdout and stderr interleaved, as the runner's log would hold them. */
  log: string
  outputs: Record<string, string>
  summary: string
  /** State saved by main, for a post step. */
  state: Record<string, string>
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (name=value and heredoc forms). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = line.match(/^([^=]+)<<(.+)$/)
    if (heredoc) {
      const [, name, marker] = heredoc
      const body: string[] = []
      while (++i < lines.length && lines[i] !== marker) body.push(lines[i])
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/**
 * Runs an action's bundled dist as the runner does: `node actions/<name>/dist/index.js`
 * with INPUT_* variables and command files. With `post`, runs the post step with the state
 * main saved.
 */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>
    state?: Record<string, string>
    cwd?: string
    timeoutMs?: number
  } = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), `action-${action.replace(/\W/g, '-')}-`))
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: options.cwd ?? repoRoot,
    ...files,
    ...options.env
  }
  for (const key of Object.keys(env))
    if (key.startsWith('INPUT_') || key.startsWith('STATE_')) delete env[key]
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  const entry = action.endsWith('.js')
    ? action
    : path.join(repoRoot, 'actions', action, 'dist', 'index.js')

  const { exitCode, log } = await new Promise<{ exitCode: number; log: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [entry], { env, cwd: options.cwd ?? repoRoot })
      const chunks: Buffer[] = []
      child.stdout.on('data', c => chunks.push(c))
      child.stderr.on('data', c => chunks.push(c))
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000)
      child.on('error', reject)
      child.on('close', code => {
        clearTimeout(timer)
        resolve({ exitCode: code ?? 1, log: Buffer.concat(chunks).toString() })
      })
    }
  )
  return {
    exitCode,
    log,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
  }
}

/** The log without the runner's ::add-mask:: commands, which the runner consumes. */
export function visibleLog(log: string): string {
  return log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}
