import * as core from './commands'
import { redact } from './secrets'

export type Cell = string | number

/** Escapes text for a Markdown table cell. */
export function cell(value: Cell | undefined): string {
  return String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
}

export function markdownTable(header: string[], rows: Cell[][]): string {
  const lines = [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(cell).join(' | ')} |`)
  ]
  return lines.join('\n')
}

/**
 * Appends Markdown to the job summary. Best-effort: a summary that cannot be written only
 * warns, since it must never fail a deploy that worked. Credentials are redacted.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.appendSummary(redact(markdown))
  } catch (error) {
    core.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/** Sets an output with credentials redacted. */
export function setOutput(name: string, value: string | number | boolean): void {
  core.setOutput(name, redact(String(value)))
}
