import type { GitContext } from '../core/github-context'
import { parseReferenceInput, repositoryOf, sanitizeTag } from './reference'

export interface ImageMetadata {
  /** Full references, image:tag, for every derived tag. */
  tags: string[]
  /** The tag that names this version (semver, branch or pr-N). */
  version: string
  labels: Record<string, string>
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

/**
 * Tag derivation like docker/metadata-action's defaults: the short sha always; the branch
 * name on a branch, `latest` only on the default branch; 1.2.3, 1.2 and 1 for a v1.2.3 tag
 * (only the full version for a pre-release); pr-N for a pull request.
 */
export function deriveTags(context: GitContext): { tags: string[]; version: string } {
  const tags: string[] = []
  let version = ''
  const ref = context.ref
  if (ref.startsWith('refs/tags/')) {
    const name = ref.slice('refs/tags/'.length)
    const semver = name.match(SEMVER)
    if (semver) {
      const [, major, minor, patch, pre] = semver
      version = `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`
      tags.push(version)
      if (!pre) tags.push(`${major}.${minor}`, major)
    } else {
      version = sanitizeTag(name)
      tags.push(version)
    }
  } else if (ref.startsWith('refs/pull/') || context.prNumber !== undefined) {
    const number = context.prNumber ?? Number(ref.split('/')[2])
    version = `pr-${number}`
    tags.push(version)
  } else if (ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length)
    version = sanitizeTag(branch)
    tags.push(version)
    if (branch === context.defaultBranch) tags.push('latest')
  }
  const sha = context.prHeadSha ?? context.sha
  if (sha) {
    const shaTag = `sha-${sha.slice(0, 7)}`
    tags.push(shaTag)
    if (!version) version = shaTag
  }
  return { tags: [...new Set(tags)], version }
}

/** OCI annotation labels from the git context, as docker/metadata-action sets them. */
export function ociLabels(
  context: GitContext,
  version: string,
  created: Date,
  title = ''
): Record<string, string> {
  const url = context.repository ? `${context.serverUrl}/${context.repository}` : ''
  const labels: Record<string, string> = {
    'org.opencontainers.image.created': created.toISOString(),
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.revision': context.prHeadSha ?? context.sha
  }
  if (url) {
    labels['org.opencontainers.image.source'] = url
    labels['org.opencontainers.image.url'] = url
  }
  const name = title || context.repository.split('/').pop() || ''
  if (name) labels['org.opencontainers.image.title'] = name
  if (context.repoDescription)
    labels['org.opencontainers.image.description'] = context.repoDescription
  if (context.repoLicense && context.repoLicense !== 'NOASSERTION') {
    labels['org.opencontainers.image.licenses'] = context.repoLicense
  }
  for (const key of Object.keys(labels)) if (labels[key] === '') delete labels[key]
  return labels
}

/**
 * Everything that names the image: explicit `tags` are taken as given (validated), and
 * an `image` adds the derived tags. User labels override derived ones.
 */
export function imageMetadata(options: {
  image: string
  tags: string[]
  labels: Record<string, string>
  context: GitContext
  created: Date
}): ImageMetadata {
  const derived = deriveTags(options.context)
  const refs: string[] = []
  for (const tag of options.tags) {
    const ref = parseReferenceInput('tags', tag)
    if (ref.digest)
      throw new Error(
        `Invalid input "tags": ${JSON.stringify(tag)}. Expected image:tag without a digest.`
      )
    refs.push(tag)
  }
  let title = ''
  if (options.image) {
    const image = parseReferenceInput('image', options.image)
    if (image.tag || image.digest) {
      throw new Error(
        `Invalid input "image": ${JSON.stringify(options.image)}. Expected registry/repository without a tag or digest; tags are derived from the git context.`
      )
    }
    const repo = repositoryOf(image)
    title = image.path.split('/').pop() ?? ''
    for (const tag of derived.tags) refs.push(`${repo}:${tag}`)
  }
  const tags = [...new Set(refs)]
  const version = derived.version || tags[0]?.split(':').pop() || ''
  return {
    tags,
    version,
    labels: { ...ociLabels(options.context, version, options.created, title), ...options.labels }
  }
}
