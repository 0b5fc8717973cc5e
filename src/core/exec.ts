import { spawn } from 'node:child_process'
import { ToolError } from './errors'
import { redact } from './secrets'

export interface ExecOptions {
  cwd?: string
  /** Added to (not replacing) the current environment. */
  env?: Record<string, string | undefined>
  /** Written to the tool's stdin, then closed: how passwords reach a tool. */
  input?: string
  timeoutMs?: number
  /** Echo the tool's output to the log as it runs (redacted). Default true. */
  stream?: boolean
  /** Called with each stdout line as it arrives (for progress and watch parsing). */
  onLine?: (line: string) => void
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  durationMs: number
}

/**
 * Runs a tool from an argv array (never a shell string), captures both streams and
 * resolves whatever the exit code; `execOrThrow` turns a failure into one error.
 */
export function exec(
  tool: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const started = Date.now()
  const stream = options.stream ?? true
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let pending = ''
    let timedOut = false
    const timer =
      options.timeoutMs && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            child.kill('SIGTERM')
            setTimeout(() => child.kill('SIGKILL'), 5000).unref()
          }, options.timeoutMs)
        : undefined

    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk)
      if (stream) process.stdout.write(redact(chunk.toString()))
      if (options.onLine) {
        pending += chunk.toString()
        const lines = pending.split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) options.onLine(line)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk)
      if (stream) process.stdout.write(redact(chunk.toString()))
    })
    child.on('error', error => {
      if (timer) clearTimeout(timer)
      const code = (error as NodeJS.ErrnoException).code
      reject(
        new ToolError(
          tool,
          null,
          code === 'ENOENT' ? `${tool} was not found on PATH` : error.message
        )
      )
    })
    child.on('close', code => {
      if (timer) clearTimeout(timer)
      if (options.onLine && pending !== '') options.onLine(pending)
      const result = {
        exitCode: code ?? 1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        durationMs: Date.now() - started
      }
      if (timedOut) {
        reject(
          new ToolError(
            tool,
            null,
            `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`
          )
        )
      } else {
        resolve(result)
      }
    })
    if (options.input !== undefined) child.stdin.end(options.input)
    else child.stdin.end()
  })
}

/** Like exec, but a non-zero exit throws a ToolError built from the tool's last error line. */
export async function execOrThrow(
  tool: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const result = await exec(tool, args, options)
  if (result.exitCode !== 0) {
    throw new ToolError(displayName(tool, args), result.exitCode, lastErrorLine(result))
  }
  return result
}

function displayName(tool: string, args: readonly string[]): string {
  const base = tool.split('/').pop() ?? tool
  const sub = args.find(a => !a.startsWith('-'))?.match(/^[a-z][a-z-]*$/)?.[0]
  return sub ? `${base} ${sub}` : base
}

/** The most telling line of a failed tool's output: its last error line, redacted. */
export function lastErrorLine(result: Pick<ExecResult, 'stdout' | 'stderr'>): string {
  const lines = (result.stderr.trim() ? result.stderr : result.stdout)
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const errorLine = [...lines]
    .reverse()
    .find(l => /error|failed|denied|invalid|cannot|unable/i.test(l))
  return redact(errorLine ?? lines[lines.length - 1] ?? 'no output')
}
