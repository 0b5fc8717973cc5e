import type { BuildRequest } from '../../../src/docker/build'
import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'

/** The build request as the user asked for it; where files go is decided at run time. */
export interface BuildInputs extends Omit<BuildRequest, 'iidFile' | 'metadataFile'> {
  /** registry/repository to derive tags for. */
  image: string
  /** BuildKit secrets as id => value (masked; written to 0600 files for the build). */
  secrets: Array<[string, string]>
  retries: number
}

export function readBuildInputs(inputs = new Inputs()): BuildInputs {
  const secrets = inputs.keyValues('secrets')
  for (const [, value] of secrets) maskSecret(value)
  const result: BuildInputs = {
    context: inputs.string('context', '.'),
    file: inputs.string('file'),
    image: inputs.string('image'),
    tags: inputs.list('tags'),
    labels: Object.fromEntries(inputs.keyValues('labels')),
    buildArgs: inputs.keyValues('build-args'),
    secrets,
    secretFiles: inputs.keyValues('secret-files'),
    target: inputs.string('target'),
    platforms: inputs.list('platforms'),
    cacheFrom: inputs.lines('cache-from'),
    cacheTo: inputs.lines('cache-to'),
    pull: inputs.boolean('pull', false),
    noCache: inputs.boolean('no-cache', false),
    push: inputs.boolean('push', false),
    load: inputs.boolean('load', true),
    retries: inputs.integer('retries', 3, 1, 10)
  }
  if (!result.image && result.tags.length === 0) {
    throw new Error(
      'Invalid input "image" and "tags": both are empty. Expected image (registry/repository) or tags (image:tag, comma- or newline-separated).'
    )
  }
  if (result.push && result.load === false && result.tags.length === 0 && !result.image) {
    throw new Error('Invalid input "push": nothing to push without tags or image.')
  }
  return result
}
