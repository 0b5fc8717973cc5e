import * as core from '../core/commands'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseYaml } from '../core/yaml'
import { maskSecret } from '../core/secrets'
import {
  KubeconfigError,
  parseKubeconfigDocument,
  resolveContext,
  type KubeConnection
} from './kubeconfig-parse'

/** The credential fields of a kubeconfig user, each masked on its own. */
const CREDENTIAL_FIELDS = [
  'token',
  'client-key-data',
  'client-certificate-data',
  'password',
  'username'
]

/**
 * A kubeconfig given as an input: raw YAML or its base64 (what `base64 -w0 ~/.kube/config`
 * gives, the usual form of a KUBECONFIG secret). Returns the YAML. Errors never quote it.
 */
export function decodeKubeconfig(input: string): string {
  const text = input.trim()
  if (text === '') throw new KubeconfigError('kubeconfig is empty')
  // YAML kubeconfigs hold a ':' (apiVersion: v1); base64 never does.
  if (!text.includes(':') && /^[A-Za-z0-9+/=\s_-]+$/.test(text)) {
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (!decoded.includes(':'))
      throw new KubeconfigError('kubeconfig is neither YAML nor base64-encoded YAML')
    return decoded
  }
  return text
}

/**
 * Registers every secret part of a kubeconfig with the masker: the input as given, the
 * decoded text, and each credential field (token, client-key-data, password, ...), with the
 * base64-decoded forms of the *-data fields. Call before anything can print it.
 */
export function maskKubeconfig(input: string, yamlText: string): void {
  const raw = input.trim()
  // One line (base64): mask it whole. YAML: its structure lines (apiVersion: v1) are not
  // secret and would garble every manifest in the log, so the runner gets the whole text
  // and our redaction gets the credential fields below.
  if (!raw.includes('\n')) maskSecret(raw)
  core.setSecret(yamlText)
  let doc: unknown
  try {
    doc = parseYaml(yamlText)
  } catch {
    return
  }
  const users = (doc as { users?: Array<{ user?: Record<string, unknown> }> } | null)?.users
  if (!Array.isArray(users)) return
  for (const entry of users) {
    const user = entry?.user ?? {}
    for (const field of CREDENTIAL_FIELDS) {
      const value = user[field]
      if (typeof value !== 'string' || value === '') continue
      maskSecret(value)
      if (field.endsWith('-data')) maskSecret(Buffer.from(value, 'base64').toString('utf8'))
    }
    const provider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined
    for (const value of Object.values(provider?.config ?? {}))
      if (typeof value === 'string') maskSecret(value)
  }
}

/**
 * Validates a kubeconfig (clusters, contexts and users present; the context resolves to a
 * server and credentials) and returns the connection. `context` '' means current-context.
 */
export function validateKubeconfig(yamlText: string, context = ''): KubeConnection {
  const doc = parseKubeconfigDocument(yamlText)
  const missing = (['clusters', 'contexts', 'users'] as const).filter(k => doc[k].size === 0)
  if (missing.length)
    throw new KubeconfigError(
      `kubeconfig has no ${missing.join(', ')} (expected apiVersion: v1, kind: Config with clusters, contexts and users)`
    )
  return resolveContext(doc, context || undefined)
}

/** Writes the kubeconfig to a new 0600 file under `dir` (RUNNER_TEMP) and returns its path. */
export async function writeKubeconfig(
  yamlText: string,
  dir = process.env.RUNNER_TEMP || tmpdir()
): Promise<string> {
  const folder = path.join(dir, `k8s-stack-kubeconfig-${randomBytes(6).toString('hex')}`)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  const file = path.join(folder, 'config')
  await writeFile(file, yamlText, { mode: 0o600, flag: 'wx' })
  return file
}

/** Removes a kubeconfig written by writeKubeconfig (and its folder); missing is fine. */
export function removeKubeconfig(file: string): void {
  if (!file || !path.basename(path.dirname(file)).startsWith('k8s-stack-kubeconfig-')) return
  rmSync(path.dirname(file), { recursive: true, force: true })
}
