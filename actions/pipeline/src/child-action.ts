import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Runs another k8s-stack action's bundled entry exactly as the runner does: a node process
 * with INPUT_* variables and its own GITHUB_OUTPUT / GITHUB_STATE files; its log (with the
 * runner's ::commands::, masks and annotations) goes straight to ours, and its job summary
 * is appended to ours. One code path per action, whatever calls it.
 */
export interface ChildRun {
  exitCode: number
  outputs: Record<string, string>
  state: Record<string, string>
}

/** actions/<name>/dist/index.js next to this bundle (actions/pipeline/dist/index.js). */
export function siblingEntry(name: string, from = fileURLToPath(import.meta.url)): string {
  const entry = path.resolve(path.dirname(from), '..', '..', name, 'dist', 'index.js')
  if (!existsSync(entry))
    throw new Error(
      `k8s-stack pipeline: the ${name} action is missing (${entry}); the action tree is incomplete`
    )
  return entry
}

/** Parses a runner file command (GITHUB_OUTPUT, GITHUB_STATE): name=value and name<<DELIM heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const body: string[] = []
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i])
      values[heredoc[1]] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/** The environment of a child action: ours without any INPUT_* or STATE_*, plus its own. */
export function childEnv(
  base: NodeJS.ProcessEnv,
  inputs: Record<string, string>,
  files: { output: string; state: string },
  state: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('INPUT_') && !key.startsWith('STATE_')) env[key] = value
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value
  env.GITHUB_OUTPUT = files.output
  env.GITHUB_STATE = files.state
  return env
}

export async function runChildAction(
  name: string,
  inputs: Record<string, string>,
  options: { state?: Record<string, string>; entry?: string } = {}
): Promise<ChildRun> {
  const entry = options.entry ?? siblingEntry(name)
  const dir = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), `k8s-stack-${name}-`))
  const files = { output: path.join(dir, 'output'), state: path.join(dir, 'state') }
  await writeFile(files.output, '')
  await writeFile(files.state, '')
  const env = childEnv(process.env, inputs, files, options.state)
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('close', code => resolve(code ?? 1))
  })
  return {
    exitCode,
    outputs: parseFileCommands(await readFile(files.output, 'utf8')),
    state: parseFileCommands(await readFile(files.state, 'utf8'))
  }
}
