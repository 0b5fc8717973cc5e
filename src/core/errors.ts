/** An input that does not match its accepted form; the message names both. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    value: string,
    accepted: string
  ) {
    super(`Invalid input "${input}": ${JSON.stringify(value)}. Expected ${accepted}.`)
    this.name = 'InputError'
  }
}

/** A tool that ran and failed; the message carries the tool's own last words. */
export class ToolError extends Error {
  constructor(
    readonly tool: string,
    readonly exitCode: number | null,
    detail: string
  ) {
    super(`${tool} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${detail}`)
    this.name = 'ToolError'
  }
}

/** Flattens any thrown value into the one line the step fails with. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = text.replace(/\s*\n\s*/g, ' ').trim()
  return line === '' ? 'unknown error' : line
}
