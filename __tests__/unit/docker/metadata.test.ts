import { describe, expect, it } from '@jest/globals'
import type { GitContext } from '../../../src/core/github-context'
import { deriveTags, imageMetadata, ociLabels } from '../../../src/docker/metadata'

const base: GitContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  repository: 'acme/shop',
  serverUrl: 'https://github.com',
  defaultBranch: 'main',
  runId: '1',
  actor: 'dev'
}

describe('deriveTags', () => {
  it.each([
    ['default branch', { ref: 'refs/heads/main' }, ['main', 'latest', 'sha-0123456'], 'main'],
    ['other branch', { ref: 'refs/heads/feature/x' }, ['feature-x', 'sha-0123456'], 'feature-x'],
    ['semver tag', { ref: 'refs/tags/v1.2.3' }, ['1.2.3', '1.2', '1', 'sha-0123456'], '1.2.3'],
    ['pre-release', { ref: 'refs/tags/v2.0.0-rc.1' }, ['2.0.0-rc.1', 'sha-0123456'], '2.0.0-rc.1'],
    ['other tag', { ref: 'refs/tags/nightly' }, ['nightly', 'sha-0123456'], 'nightly'],
    [
      'pull request',
      {
        ref: 'refs/pull/42/merge',
        eventName: 'pull_request',
        prNumber: 42,
        prHeadSha: 'fedcba9876543210'
      },
      ['pr-42', 'sha-fedcba9'],
      'pr-42'
    ]
  ])('%s', (_name, override, tags, version) => {
    expect(deriveTags({ ...base, ...override })).toEqual({ tags, version })
  })

  it('gives latest only on the default branch', () => {
    expect(deriveTags({ ...base, defaultBranch: 'trunk' }).tags).not.toContain('latest')
  })
})

describe('ociLabels', () => {
  it('derives the OCI annotations from the context', () => {
    const labels = ociLabels(
      { ...base, repoDescription: 'A shop', repoLicense: 'MIT' },
      '1.2.3',
      new Date('2026-01-02T03:04:05Z'),
      'backend'
    )
    expect(labels).toEqual({
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': base.sha,
      'org.opencontainers.image.source': 'https://github.com/acme/shop',
      'org.opencontainers.image.url': 'https://github.com/acme/shop',
      'org.opencontainers.image.title': 'backend',
      'org.opencontainers.image.description': 'A shop',
      'org.opencontainers.image.licenses': 'MIT'
    })
  })
})

describe('imageMetadata', () => {
  const created = new Date('2026-01-01T00:00:00Z')
  it('prefixes derived tags with the image and keeps explicit tags', () => {
    const meta = imageMetadata({
      image: '127.0.0.1:5000/acme/backend',
      tags: ['127.0.0.1:5000/acme/backend:custom'],
      labels: { 'org.opencontainers.image.title': 'override' },
      context: { ...base, ref: 'refs/tags/v1.2.3' },
      created
    })
    expect(meta.tags).toEqual([
      '127.0.0.1:5000/acme/backend:custom',
      '127.0.0.1:5000/acme/backend:1.2.3',
      '127.0.0.1:5000/acme/backend:1.2',
      '127.0.0.1:5000/acme/backend:1',
      '127.0.0.1:5000/acme/backend:sha-0123456'
    ])
    expect(meta.version).toBe('1.2.3')
    expect(meta.labels['org.opencontainers.image.title']).toBe('override')
  })

  it('refuses an image with a tag and explicit tags with a digest', () => {
    expect(() =>
      imageMetadata({ image: 'acme/app:1', tags: [], labels: {}, context: base, created })
    ).toThrow('Invalid input "image"')
    expect(() =>
      imageMetadata({
        image: '',
        tags: [`acme/app@sha256:${'b'.repeat(64)}`],
        labels: {},
        context: base,
        created
      })
    ).toThrow('Invalid input "tags"')
    expect(() =>
      imageMetadata({ image: 'Acme/App', tags: [], labels: {}, context: base, created })
    ).toThrow('must be lowercase')
  })
})
