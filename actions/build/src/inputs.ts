import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'

export interface BuildInputs {
  context: string
  file: string
  image: string
  tags: string[]
  labels: Record<string, string>
  buildArgs: Array<[string, string]>
  secrets: Array<[string, string]>
  secretFiles: Array<[string, string]>
  target: string
  platforms: string[]
  cacheFrom: string[]
  cacheTo: string[]
  pull: boolean
  noCache: boolean
  push: boolean
  load: boolean
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
