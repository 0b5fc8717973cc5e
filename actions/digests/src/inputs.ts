import { Inputs } from '../../../src/core/inputs'
import { InputError } from '../../../src/core/errors'
import { maskSecret } from '../../../src/core/secrets'
import { parseReference } from '../../../src/docker/reference'

export interface DigestsInputs {
  /** [name, image:tag]; name is '' when the entry has none. */
  images: Array<[string, string]>
  username: string
  password: string
  timeoutMs: number
  attempts: number
}

const ACCEPTED = 'one image per line: registry/repository:tag, or name=registry/repository:tag'

export function readDigestsInputs(inputs = new Inputs()): DigestsInputs {
  const password = inputs.raw('password')
  maskSecret(password)
  const images = inputs.lines('images').map(entry => {
    const eq = entry.indexOf('=')
    const [name, ref] =
      eq > 0 ? [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()] : ['', entry]
    if (name !== '' && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name))
      throw new InputError('images', entry, ACCEPTED + ' (name: lowercase letters, digits and -)')
    try {
      const parsed = parseReference(ref)
      if (!parsed.tag && !parsed.digest) throw new Error('no tag')
    } catch {
      throw new InputError('images', entry, ACCEPTED)
    }
    return [name, ref] as [string, string]
  })
  if (images.length === 0) throw new InputError('images', '', ACCEPTED)
  const username = inputs.string('username')
  if (Boolean(username) !== Boolean(password)) {
    throw new InputError(
      'username',
      username ? username : '',
      'both username and password, or neither (anonymous pull)'
    )
  }
  return {
    images,
    username,
    password,
    timeoutMs: inputs.duration('timeout', '30s'),
    attempts: inputs.integer('retries', 3, 1, 10)
  }
}
