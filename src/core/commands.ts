/**
 * The runner's side of an action: inputs from INPUT_* variables, workflow commands on stdout
 * (`::add-mask::`, `::group::`, annotations) and file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY), as documented in "Workflow commands for GitHub Actions".
 *
 * Why not @actions/core: it loads its OIDC client (@actions/http-client and undici) at import,
 * about 1 MB of bundle and 50 ms of every step's start, for a feature no action here uses.
 * The protocol below is the whole of what the actions need, written to the same format.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** Escapes a command's message: the runner reads one command per line. */
export const escapeData = (value: string): string =>
  value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Escapes a command property, where `:` ends the properties and `,` separates them. */
export const escapeProperty = (value: string): string =>
  escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** One workflow command line, e.g. `::warning file=a.ts,line=3::message`. */
export function formatCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

function issue(
  command: string,
  message: string,
  properties: Record<string, string | number | undefined> = {}
): void {
  process.stdout.write(formatCommand(command, properties, message) + EOL)
}

/** A multi-line `name<<delimiter` entry for GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
export function fileCommandEntry(
  name: string,
  value: string,
  delimiter: string = randomUUID()
): string {
  const marker = `ghadelimiter_${delimiter}`
  if (name.includes(marker) || value.includes(marker))
    throw new Error(`${name}: the value contains the file command delimiter`)
  return `${name}<<${marker}${EOL}${value}${EOL}${marker}${EOL}`
}

/** Appends to the file the runner names in `variable`; false when there is none. */
function fileCommand(variable: string, name: string, value: string): boolean {
  const file = process.env[variable]
  if (!file) return false
  appendFileSync(file, fileCommandEntry(name, value), 'utf8')
  return true
}

/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), untrimmed. */
export function getInput(name: string): string {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

const annotation = (properties: AnnotationProperties = {}) => ({
  title: properties.title,
  file: properties.file,
  line: properties.startLine,
  endLine: properties.endLine,
  col: properties.startColumn,
  endColumn: properties.endColumn
})

export function warning(message: string, properties?: AnnotationProperties): void {
  issue('warning', message, annotation(properties))
}

export function error(message: string, properties?: AnnotationProperties): void {
  issue('error', message, annotation(properties))
}

/** Tells the runner to mask a value in every later log line. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

/** Ends the step red with `message` as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Runs `fn` inside a collapsible log group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await fn()
  } finally {
    issue('endgroup', '')
  }
}

export function setOutput(name: string, value: string): void {
  if (fileCommand('GITHUB_OUTPUT', name, value)) return
  // Outside a runner (no GITHUB_OUTPUT) the value is printed on a line of its own, as old
  // runners read it.
  process.stdout.write(EOL)
  issue('set-output', value, { name })
}

/** Saves a value the post step reads back with getState. */
export function saveState(name: string, value: string): void {
  if (!fileCommand('GITHUB_STATE', name, value)) issue('save-state', value, { name })
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** Appends Markdown to the job summary; nothing when the runner gives no summary file. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  await appendFile(file, markdown + EOL, 'utf8')
}
