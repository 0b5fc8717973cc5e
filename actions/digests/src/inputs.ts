import { Inputs } from '../../../src/core/inputs'
import { InputError } from '../../../src/core/errors'
import { maskSecret } from '../../../src/core/secrets'
import { isValidTag, parseReference } from '../../../src/docker/reference'

export interface DigestsInputs {
  /** [name, image:tag]; name is '' when the entry has none. */
  images: Array<[string, string]>
  username: string
  password: string
  timeoutMs: number
  attempts: number
  /** A missing tag gives found=false instead of failing. */
  optional: boolean
  /** A tag to add, registry-side, to the images resolved (only to `addTagTo` when set). */
  addTag: string
  /** The entry name add-tag is limited to ('' for every image). */
  addTagTo: string
  /** repository:tag markers to write (empty "verified" artifacts). */
  mark: string[]
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
  const mark = inputs.lines('mark')
  for (const ref of mark) {
    let ok = false
    try {
      const parsed = parseReference(ref)
      ok = Boolean(parsed.tag) && !parsed.digest
    } catch {
      ok = false
    }
    if (!ok) throw new InputError('mark', ref, 'registry/repository:tag references, one per line')
  }
  if (images.length === 0 && mark.length === 0) throw new InputError('images', '', ACCEPTED)
  const addTagInput = inputs.string('add-tag')
  const eq = addTagInput.indexOf('=')
  const [addTagTo, addTag] =
    eq > 0 ? [addTagInput.slice(0, eq).trim(), addTagInput.slice(eq + 1).trim()] : ['', addTagInput]
  if (addTag && !isValidTag(addTag))
    throw new InputError(
      'add-tag',
      addTag,
      'a tag: A-Z, a-z, 0-9, _, . and -, at most 128, not starting with . or -'
    )
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
    attempts: inputs.integer('retries', 3, 1, 10),
    optional: inputs.boolean('optional', false),
    addTag,
    addTagTo,
    mark
  }
}
