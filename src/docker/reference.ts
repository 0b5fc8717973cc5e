/**
 * Image references by the OCI distribution grammar:
 *   [registry[:port]/]path[:tag][@algorithm:hex]
 * Each violation gets its own message so a user sees which part is wrong.
 */
export interface ImageReference {
  /** Registry host (with port), or '' for the default registry. */
  registry: string
  /** Repository path without the registry. */
  path: string
  tag?: string
  digest?: string
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^sha256:[a-f0-9]{64}$/
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::\d+)?$/

const ACCEPTED = '[registry[:port]/]repository[:tag][@sha256:<64 hex>], repository in lowercase'

export class ReferenceError extends Error {
  constructor(
    readonly ref: string,
    readonly problem: string
  ) {
    super(`Invalid image reference ${JSON.stringify(ref)}: ${problem}. Expected ${ACCEPTED}.`)
    this.name = 'ReferenceError'
  }
}

/** parseReference for an input: the error names the input, the problem and the accepted form. */
export function parseReferenceInput(input: string, value: string): ImageReference {
  try {
    return parseReference(value)
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error
    throw new Error(
      `Invalid input "${input}": ${JSON.stringify(value)}: ${error.problem}. Expected ${ACCEPTED}.`
    )
  }
}

export function parseReference(ref: string): ImageReference {
  const text = ref.trim()
  if (text === '') throw new ReferenceError(ref, 'it is empty')
  if (/\s/.test(text)) throw new ReferenceError(ref, 'it contains white space')

  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest))
      throw new ReferenceError(
        ref,
        `digest "${digest}" is not sha256: followed by 64 lowercase hex characters`
      )
  }

  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    validateTag(ref, tag)
  }

  const parts = rest.split('/')
  let registry = ''
  if (
    parts.length > 1 &&
    (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /^\[/.test(parts[0]))
  ) {
    registry = parts.shift() as string
    if (!HOST.test(registry))
      throw new ReferenceError(ref, `registry "${registry}" is not a host[:port]`)
  }
  if (parts.some(p => p === ''))
    throw new ReferenceError(ref, 'the repository has an empty path component')
  for (const part of parts) {
    if (part !== part.toLowerCase())
      throw new ReferenceError(ref, `repository component "${part}" must be lowercase`)
    if (!PATH_COMPONENT.test(part)) {
      throw new ReferenceError(
        ref,
        `repository component "${part}" may only hold a-z, 0-9 and single separators (., _, __, -) between them`
      )
    }
  }
  const path = parts.join('/')
  if (path.length + registry.length + 1 > 255)
    throw new ReferenceError(ref, 'the name is longer than 255 characters')
  return { registry, path, tag, digest }
}

function validateTag(ref: string, tag: string): void {
  if (tag === '') throw new ReferenceError(ref, 'the tag after ":" is empty')
  if (tag.length > 128)
    throw new ReferenceError(ref, `tag is ${tag.length} characters; at most 128 are allowed`)
  if (!TAG.test(tag))
    throw new ReferenceError(
      ref,
      `tag "${tag}" may only hold A-Z, a-z, 0-9, _, . and - and must not start with . or -`
    )
}

/** The repository with its registry, without tag or digest. */
export function repositoryOf(ref: ImageReference): string {
  return ref.registry ? `${ref.registry}/${ref.path}` : ref.path
}

export function formatReference(ref: ImageReference): string {
  return `${repositoryOf(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`
}

/** Validates a bare tag (as derived for an image) with the same rules. */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag)
}

/** Turns a branch or ref name into a valid tag: docker/metadata-action's sanitising. */
export function sanitizeTag(value: string): string {
  const cleaned = value.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '')
  return cleaned.slice(0, 128)
}
