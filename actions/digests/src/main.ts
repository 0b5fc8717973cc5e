import * as core from '@actions/core'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { readDigestsInputs } from './inputs'
import { resolveDigest } from './registry-api'

export async function main(): Promise<void> {
  const inputs = readDigestsInputs()
  const credentials = inputs.username
    ? { username: inputs.username, password: inputs.password }
    : undefined
  const results = await core.group('Resolve image tags to registry digests', async () => {
    const out = []
    for (const [name, ref] of inputs.images) {
      const resolved = await resolveDigest(ref, {
        credentials,
        timeoutMs: inputs.timeoutMs,
        attempts: inputs.attempts
      })
      core.info(`${ref} -> ${resolved.ref}`)
      out.push({ name, ...resolved })
    }
    return out
  })
  setOutput('refs', results.map(r => r.ref).join('\n'))
  // app=repository@digest for the entries that have a name: actions/deploy's images input.
  setOutput(
    'images',
    results
      .filter(r => r.name)
      .map(r => `${r.name}=${r.ref}`)
      .join('\n')
  )
  setOutput(
    'json',
    JSON.stringify(
      results.map(r => ({ name: r.name, source: r.source, ref: r.ref, digest: r.digest }))
    )
  )
  await writeSummary(
    [
      '### 🔖 Image digests',
      markdownTable(
        ['App', 'Pushed tag', 'Deployed by digest'],
        results.map(r => [r.name || '-', r.source, `\`${r.ref}\``])
      ),
      ''
    ].join('\n')
  )
}
