import * as core from '../core/commands'
import { exec, lastErrorLine } from '../core/exec'
import { maskSecret } from '../core/secrets'
import { parseReference, repositoryOf } from './reference'

export interface Credentials {
  registry: string
  username: string
  password: string
}

/** Logs in with the password on stdin, never on the command line. */
export async function login(docker: string, credentials: Credentials): Promise<void> {
  maskSecret(credentials.password)
  const result = await exec(
    docker,
    ['login', '--username', credentials.username, '--password-stdin', credentials.registry],
    { input: credentials.password, stream: false, timeoutMs: 60_000 }
  )
  if (result.exitCode !== 0) {
    throw new Error(
      `docker login to ${credentials.registry} as ${credentials.username} failed: ${lastErrorLine(result)}`
    )
  }
  core.info(`Logged in to ${credentials.registry} as ${credentials.username}`)
}

export async function logout(docker: string, registry: string): Promise<void> {
  const result = await exec(docker, ['logout', registry], { stream: false, timeoutMs: 30_000 })
  if (result.exitCode !== 0)
    core.warning(`docker logout ${registry} failed: ${lastErrorLine(result)}`)
  else core.info(`Logged out of ${registry}`)
}

/** Errors worth another try: the registry or the network, not the request. */
export function isTransient(message: string): boolean {
  return (
    /connection refused|connection reset|i\/o timeout|timeout|EOF|50[0-4]|too many requests|429|temporarily unavailable|no such host|broken pipe|TLS handshake/i.test(
      message
    ) &&
    !/denied|unauthorized|authentication required|manifest invalid|name invalid|tag invalid/i.test(
      message
    )
  )
}

/** `docker push` prints `<tag>: digest: sha256:... size: N` for what the registry stored. */
export function parsePushDigest(output: string): string | undefined {
  return output.match(/digest:\s*(sha256:[a-f0-9]{64})/)?.[1]
}

export interface PushResult {
  tag: string
  digest: string
  attempts: number
}

export interface RetryPolicy {
  attempts: number
  initialDelayMs: number
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** Pushes one tag, retrying transient registry errors with exponential backoff. */
export async function pushTag(
  docker: string,
  tag: string,
  policy: RetryPolicy
): Promise<PushResult> {
  const sleep = policy.sleep ?? defaultSleep
  let last = ''
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const result = await exec(docker, ['push', tag], { timeoutMs: 30 * 60_000 })
    const digest = parsePushDigest(result.stdout)
    if (result.exitCode === 0 && digest) return { tag, digest, attempts: attempt }
    last = result.exitCode === 0 ? 'docker push printed no digest' : lastErrorLine(result)
    if (!isTransient(last) || attempt === policy.attempts) break
    const delay = policy.initialDelayMs * 2 ** (attempt - 1)
    core.warning(
      `Push of ${tag} failed (attempt ${attempt}/${policy.attempts}): ${last}. Retrying in ${delay / 1000}s.`
    )
    await sleep(delay)
  }
  throw new Error(`Pushing ${tag} failed after retries: ${last}`)
}

/** repo@digest, the reference a deploy pins. */
export function digestReference(tag: string, digest: string): string {
  return `${repositoryOf(parseReference(tag))}@${digest}`
}

/** The registry host of a reference, as docker login wants it. */
export function registryOf(tag: string): string {
  return parseReference(tag).registry || 'docker.io'
}
