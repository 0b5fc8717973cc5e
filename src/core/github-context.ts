import { readFileSync } from 'node:fs'

/** The part of the GitHub context that tags, labels and summaries need. */
export interface GitContext {
  eventName: string
  /** Full ref, e.g. refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge. */
  ref: string
  sha: string
  repository: string
  serverUrl: string
  defaultBranch: string
  runId: string
  actor: string
  prNumber?: number
  /** The head commit of a pull request (what was built), when the event has one. */
  prHeadSha?: string
  repoDescription?: string
  repoLicense?: string
}

/** Reads the context from the runner's environment and event payload. */
export function readGitContext(env: NodeJS.ProcessEnv = process.env): GitContext {
  // The event payload is untyped JSON; only the fields read below are relied upon.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let event: Record<string, any> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    } catch {
      event = {}
    }
  }
  const repo = event.repository ?? {}
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    defaultBranch: repo.default_branch ?? env.K8S_STACK_DEFAULT_BRANCH ?? 'main',
    runId: env.GITHUB_RUN_ID ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    prNumber: event.pull_request?.number ?? event.number,
    prHeadSha: event.pull_request?.head?.sha,
    repoDescription: repo.description ?? undefined,
    repoLicense: repo.license?.spdx_id ?? undefined
  }
}
