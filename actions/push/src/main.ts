import * as core from '../../../src/core/commands'
import { setOutput, markdownTable, writeSummary } from '../../../src/core/summary'
import { findDockerCli } from '../../../src/docker/cli'
import { digestReference, login, logout, pushTag, registryOf } from '../../../src/docker/registry'
import { readPushInputs } from './inputs'

const LOGGED_IN = 'logged-in-registry'

export async function main(): Promise<void> {
  const inputs = readPushInputs()
  const docker = (await findDockerCli()).path
  const registry = inputs.registry || registryOf(inputs.tags[0])
  if (inputs.username) {
    await login(docker, { registry, username: inputs.username, password: inputs.password })
    if (inputs.logout) core.saveState(LOGGED_IN, registry)
  }

  const results = []
  for (const tag of inputs.tags) {
    results.push(
      await core.group(`docker push ${tag}`, () =>
        pushTag(docker, tag, { attempts: inputs.retries, initialDelayMs: inputs.retryDelayMs })
      )
    )
  }
  const digests = new Set(results.map(r => r.digest))
  if (digests.size > 1)
    core.warning(`The pushed tags have different digests: ${[...digests].join(', ')}`)
  const digest = results[0].digest
  const ref = digestReference(results[0].tag, digest)

  setOutput('digest', digest)
  setOutput('ref', ref)
  setOutput('tags', inputs.tags.join('\n'))
  await writeSummary(
    [
      `### 📦 Pushed \`${ref}\``,
      markdownTable(
        ['Tag', 'Digest', 'Attempts'],
        results.map(r => [r.tag, r.digest, r.attempts])
      ),
      ''
    ].join('\n')
  )
}

/** The post step logs out of what main logged in to, as docker/login-action does. */
export async function post(): Promise<void> {
  const registry = core.getState(LOGGED_IN)
  if (!registry) return
  await logout((await findDockerCli()).path, registry)
}
