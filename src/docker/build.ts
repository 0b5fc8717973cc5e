import type { DockerCli } from './cli'

export interface BuildRequest {
  context: string
  file: string
  tags: string[]
  labels: Record<string, string>
  buildArgs: Array<[string, string]>
  /** BuildKit secrets as id => file path (values are written to 0600 files first). */
  secretFiles: Array<[string, string]>
  target: string
  platforms: string[]
  cacheFrom: string[]
  cacheTo: string[]
  pull: boolean
  noCache: boolean
  push: boolean
  load: boolean
  iidFile: string
  metadataFile: string
}

/**
 * The argv of one build. Pure: tested by table. The plain-CLI path supports one platform
 * and registry caches as image refs (inline cache); buildx takes every option as given.
 */
export function buildArgv(request: BuildRequest, cli: Pick<DockerCli, 'builder'>): string[] {
  const buildx = cli.builder === 'buildx'
  const args = buildx ? ['buildx', 'build'] : ['build']
  if (request.file) args.push('--file', request.file)
  for (const tag of request.tags) args.push('--tag', tag)
  for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`)
  for (const [key, value] of request.buildArgs) args.push('--build-arg', `${key}=${value}`)
  for (const [id, file] of request.secretFiles) args.push('--secret', `id=${id},src=${file}`)
  if (request.target) args.push('--target', request.target)
  if (request.pull) args.push('--pull')
  if (request.noCache) args.push('--no-cache')
  args.push('--iidfile', request.iidFile)

  if (buildx) {
    if (request.platforms.length) args.push('--platform', request.platforms.join(','))
    for (const from of request.cacheFrom) args.push('--cache-from', from)
    for (const to of request.cacheTo) args.push('--cache-to', to)
    args.push('--metadata-file', request.metadataFile)
    if (request.push) args.push('--push')
    if (request.load) args.push('--load')
  } else {
    if (request.platforms.length > 1) {
      throw new Error(
        `Invalid input "platforms": ${JSON.stringify(request.platforms.join(','))}. Expected one platform: several need docker buildx, which this runner lacks.`
      )
    }
    if (request.platforms.length === 1) args.push('--platform', request.platforms[0])
    for (const from of request.cacheFrom)
      args.push('--cache-from', plainCacheRef('cache-from', from))
    // The plain CLI can only export an inline cache: metadata in the image itself.
    if (request.cacheTo.length) {
      for (const to of request.cacheTo) plainCacheRef('cache-to', to, true)
      args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1')
    }
  }
  args.push(request.context)
  return args
}

/** Maps a buildx cache spec to what the plain CLI accepts, or refuses it clearly. */
function plainCacheRef(input: string, spec: string, inlineOnly = false): string {
  const fields = Object.fromEntries(
    spec.split(',').map(part => {
      const at = part.indexOf('=')
      return at < 0 ? ['ref', part] : [part.slice(0, at), part.slice(at + 1)]
    })
  )
  const type = fields.type ?? (fields.ref ? 'registry' : '')
  if (inlineOnly ? type === 'inline' : type === 'registry' && fields.ref) return fields.ref ?? ''
  throw new Error(
    `Invalid input "${input}": ${JSON.stringify(spec)}. Without buildx only ${inlineOnly ? 'type=inline' : 'type=registry,ref=<image> (or an image ref)'} is supported; install the docker-buildx plugin for other cache backends.`
  )
}
