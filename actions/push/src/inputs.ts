import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'
import { parseReferenceInput } from '../../../src/docker/reference'

export interface PushInputs {
  tags: string[]
  registry: string
  username: string
  password: string
  logout: boolean
  retries: number
  retryDelayMs: number
}

export function readPushInputs(inputs = new Inputs()): PushInputs {
  const password = inputs.raw('password')
  maskSecret(password)
  const tags = inputs.list('tags')
  if (tags.length === 0) {
    throw new Error(
      'Invalid input "tags": "". Expected the image tags to push (image:tag, comma- or newline-separated), e.g. the build action\'s tags output.'
    )
  }
  for (const tag of tags) {
    const ref = parseReferenceInput('tags', tag)
    if (ref.digest || !ref.tag) {
      throw new Error(
        `Invalid input "tags": ${JSON.stringify(tag)}. Expected image:tag (a tag, no digest).`
      )
    }
  }
  const username = inputs.string('username')
  if (Boolean(username) !== Boolean(password)) {
    throw new Error(
      'Invalid input "username"/"password": only one is set. Expected both (to log in) or neither (already logged in).'
    )
  }
  return {
    tags,
    registry: inputs.string('registry'),
    username,
    password,
    logout: inputs.boolean('logout', true),
    retries: inputs.integer('retries', 3, 1, 10),
    retryDelayMs: inputs.duration('retry-delay', '2s')
  }
}
