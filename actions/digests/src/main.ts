import * as core from '../../../src/core/commands'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { readDigestsInputs } from './inputs'
import { RegistryClient, type Resolved } from './registry-api'

export async function main(): Promise<void> {
  const inputs = readDigestsInputs()
  const credentials = inputs.username
    ? { username: inputs.username, password: inputs.password }
    : undefined
  const client = new RegistryClient({
    credentials,
    timeoutMs: inputs.timeoutMs,
    attempts: inputs.attempts
  })

  const results: Array<Resolved & { name: string }> = []
  const missing: string[] = []
  if (inputs.images.length > 0) {
    await core.group('Resolve image tags to registry digests', async () => {
      for (const [name, ref] of inputs.images) {
        const resolved = await client.digestOf(ref).catch((error: unknown) => {
          throw new Error(
            `Could not resolve ${ref} to a digest: ${error instanceof Error ? error.message : String(error)}`
          )
        })
        if (!resolved) {
          if (!inputs.optional)
            throw new Error(
              `Could not resolve ${ref} to a digest: 404, no such tag in the registry`
            )
          core.info(`${ref}: not in the registry`)
          missing.push(ref)
          continue
        }
        core.info(`${ref} -> ${resolved.ref}`)
        if (inputs.addTag && (!inputs.addTagTo || inputs.addTagTo === name)) {
          await client.addTag(resolved.ref, inputs.addTag)
          core.info(`  tagged ${inputs.addTag} (registry-side)`)
        }
        results.push({ name, ...resolved })
      }
    })
  }
  for (const ref of inputs.mark) {
    const marker = await client.putMarker(ref, {
      'org.opencontainers.image.created': new Date().toISOString(),
      'io.k8s-stack.run': `${process.env.GITHUB_REPOSITORY ?? ''}#${process.env.GITHUB_RUN_ID ?? ''}`
    })
    core.info(`Marker ${ref} written (${marker.digest})`)
  }

  setOutput('found', String(missing.length === 0 && results.length === inputs.images.length))
  setOutput('found-names', JSON.stringify(results.filter(r => r.name).map(r => r.name)))
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
  if (results.length > 0) {
    await writeSummary(
      [
        '### 🔖 Image digests',
        markdownTable(
          ['App', 'Tag', 'Digest'],
          results.map(r => [r.name || '-', r.source, `\`${r.ref}\``])
        ),
        ''
      ].join('\n')
    )
  }
}
