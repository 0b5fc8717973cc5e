import * as core from '../../../src/core/commands'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execOrThrow } from '../../../src/core/exec'
import { readGitContext } from '../../../src/core/github-context'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { buildArgv } from '../../../src/docker/build'
import { BUILDKIT_ENV, findDockerCli } from '../../../src/docker/cli'
import { imageMetadata } from '../../../src/docker/metadata'
import { digestReference, pushTag } from '../../../src/docker/registry'
import { readBuildInputs } from './inputs'

export async function main(): Promise<void> {
  const inputs = readBuildInputs()
  const meta = imageMetadata({
    image: inputs.image,
    tags: inputs.tags,
    labels: inputs.labels,
    context: readGitContext(),
    created: new Date()
  })
  const cli = await findDockerCli()
  core.info(`Building with ${cli.path} (${cli.version}, ${cli.builder})`)

  // Secret values go to 0600 files that only BuildKit reads; never into argv or history.
  const work = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'k8s-stack-build-'))
  try {
    const secretFiles = [...inputs.secretFiles]
    for (const [id, value] of inputs.secrets) {
      const file = path.join(work, `secret-${secretFiles.length}`)
      await writeFile(file, value, { mode: 0o600 })
      secretFiles.push([id, file])
    }
    const iidFile = path.join(work, 'iid')
    const metadataFile = path.join(work, 'metadata.json')
    const args = buildArgv(
      { ...inputs, tags: meta.tags, labels: meta.labels, secretFiles, iidFile, metadataFile },
      cli
    )
    await core.group(`docker ${cli.builder === 'buildx' ? 'buildx build' : 'build'}`, () =>
      execOrThrow(cli.path, args, { env: cli.builder === 'buildkit' ? BUILDKIT_ENV : {} })
    )
    const imageId = (await readFile(iidFile, 'utf8')).trim()

    let digest = ''
    if (inputs.push) {
      if (cli.builder === 'buildx') {
        const buildxMeta = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<
          string,
          string
        >
        digest = buildxMeta['containerimage.digest'] ?? ''
      } else {
        for (const tag of meta.tags) {
          const pushed = await core.group(`docker push ${tag}`, () =>
            pushTag(cli.path, tag, { attempts: inputs.retries, initialDelayMs: 2000 })
          )
          digest ||= pushed.digest
        }
      }
    }

    const image = meta.tags[0] ?? ''
    setOutput('image', image)
    setOutput('tags', meta.tags.join('\n'))
    setOutput('imageid', imageId)
    setOutput('digest', digest)
    setOutput('ref', digest ? digestReference(image, digest) : '')
    setOutput('version', meta.version)
    setOutput(
      'metadata',
      JSON.stringify({
        tags: meta.tags,
        labels: meta.labels,
        imageid: imageId,
        digest,
        builder: cli.builder
      })
    )

    await writeSummary(
      [
        `### 🐳 Built ${image}`,
        markdownTable(
          ['', ''],
          [
            ['Builder', `${cli.builder} (docker ${cli.version})`],
            ['Image ID', `\`${imageId}\``],
            ['Digest', digest ? `\`${digest}\`` : 'not pushed'],
            ['Tags', meta.tags.map(t => `\`${t}\``).join('<br>')]
          ]
        ),
        ''
      ].join('\n')
    )
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
