import * as core from './commands'

const registered = new Set<string>()

/**
 * Registers a credential with the runner's masker and with our own redaction, so that
 * tool output we echo is clean even where no runner masks it (act, local runs, tests).
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return
  const forms = new Set([value, ...value.split(/\r?\n/).map(l => l.trim())])
  forms.add(Buffer.from(value).toString('base64'))
  for (const form of forms) {
    if (form.length < 4 || registered.has(form)) continue
    registered.add(form)
    core.setSecret(form)
  }
}

/** Replaces every registered credential in text with ***. */
export function redact(text: string): string {
  let out = text
  // Longest first, so a secret containing another is replaced whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join('***')
  }
  return out
}
