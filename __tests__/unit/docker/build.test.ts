import { describe, expect, it } from '@jest/globals'
import { buildArgv, type BuildRequest } from '../../../src/docker/build'

const request: BuildRequest = {
  context: 'apps/backend',
  file: 'apps/backend/Dockerfile',
  tags: ['r/app:1', 'r/app:latest'],
  labels: { 'org.opencontainers.image.version': '1' },
  buildArgs: [['NODE_IMAGE', 'k8s-stack/node:20']],
  secretFiles: [['npm', '/tmp/s0']],
  target: 'runtime',
  platforms: [],
  cacheFrom: [],
  cacheTo: [],
  pull: false,
  noCache: false,
  push: false,
  load: true,
  iidFile: '/tmp/iid',
  metadataFile: '/tmp/meta.json'
}

const common = [
  '--file',
  'apps/backend/Dockerfile',
  '--tag',
  'r/app:1',
  '--tag',
  'r/app:latest',
  '--label',
  'org.opencontainers.image.version=1',
  '--build-arg',
  'NODE_IMAGE=k8s-stack/node:20',
  '--secret',
  'id=npm,src=/tmp/s0',
  '--target',
  'runtime',
  '--iidfile',
  '/tmp/iid'
]

describe('buildArgv', () => {
  it('builds with buildx, loading and exporting metadata', () => {
    expect(
      buildArgv(
        {
          ...request,
          platforms: ['linux/amd64', 'linux/arm64'],
          cacheFrom: ['type=gha'],
          cacheTo: ['type=gha,mode=max']
        },
        { builder: 'buildx' }
      )
    ).toEqual([
      'buildx',
      'build',
      ...common,
      '--platform',
      'linux/amd64,linux/arm64',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=gha,mode=max',
      '--metadata-file',
      '/tmp/meta.json',
      '--load',
      'apps/backend'
    ])
  })

  it('builds with the plain CLI and BuildKit, mapping registry caches', () => {
    expect(
      buildArgv(
        {
          ...request,
          platforms: ['linux/amd64'],
          cacheFrom: ['type=registry,ref=r/app:cache'],
          cacheTo: ['type=inline']
        },
        { builder: 'buildkit' }
      )
    ).toEqual([
      'build',
      ...common,
      '--platform',
      'linux/amd64',
      '--cache-from',
      'r/app:cache',
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
      'apps/backend'
    ])
  })

  it('refuses what only buildx can do, naming the input', () => {
    expect(() =>
      buildArgv({ ...request, platforms: ['linux/amd64', 'linux/arm64'] }, { builder: 'buildkit' })
    ).toThrow('Invalid input "platforms"')
    expect(() => buildArgv({ ...request, cacheTo: ['type=gha'] }, { builder: 'buildkit' })).toThrow(
      'Invalid input "cache-to"'
    )
    expect(() =>
      buildArgv({ ...request, cacheFrom: ['type=local,src=/x'] }, { builder: 'buildkit' })
    ).toThrow('Invalid input "cache-from"')
  })
})
