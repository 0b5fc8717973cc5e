import { beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot, runAction, visibleLog } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

const fixture = (name: string) => path.join(repoRoot, '__tests__', 'fixtures', 'build', name)
const SECRET = `sentinel-${randomBytes(12).toString('hex')}`

let env: Record<string, string>

/** The registry's own digest for a tag: the Docker-Content-Digest header of its manifest. */
async function registryDigest(tagRef: string): Promise<string> {
  const [, name, tag] = tagRef.match(/^[^/]+\/(.+):([^:]+)$/) ?? []
  const response = await fetch(`http://${env.REGISTRY}/v2/${name}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Authorization: `Basic ${Buffer.from(`${env.REGISTRY_USERNAME}:${env.REGISTRY_PASSWORD}`).toString('base64')}`,
      Accept: [
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ].join(', ')
    }
  })
  expect(response.status).toBe(200)
  return response.headers.get('docker-content-digest') ?? ''
}

beforeAll(async () => {
  env = await sandboxEnv()
})

// Both build paths: buildx (the plugin, built from Go modules, in the docker config's
// cli-plugins), and BuildKit through a docker CLI without buildx (Debian's 20.10).
describe.each(['buildx', 'buildkit'])(
  'build and push with %s against the real engine and registry',
  builder => {
    let built: Awaited<ReturnType<typeof runAction>>
    let actionEnv: Record<string, string>
    let repo: string
    const docker = (args: string[]): string =>
      execFileSync('docker', args, { env: actionEnv, encoding: 'utf8' })

    beforeAll(async () => {
      // Each suite logs in with its own docker config, so no test leaks a login into another.
      const config = mkdtempSync(path.join(tmpdir(), 'docker-config-'))
      if (builder === 'buildx') {
        mkdirSync(path.join(config, 'cli-plugins'))
        symlinkSync(env.K8S_STACK_BUILDX, path.join(config, 'cli-plugins', 'docker-buildx'))
      }
      actionEnv = {
        PATH: env.PATH,
        DOCKER_CONFIG: config,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: randomBytes(20).toString('hex'),
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_EVENT_NAME: 'push'
      }
      repo = `${env.REGISTRY}/k8s-stack-test/build-${builder}-${randomBytes(4).toString('hex')}`
      built = await runAction(
        'build',
        {
          context: fixture('app'),
          image: repo,
          'build-args': `BASE_IMAGE=${env.DEBIAN_IMAGE}\nGREETING=hello, world\nNONCE=${randomBytes(4).toString('hex')}`,
          secrets: `token=${SECRET}`
        },
        { env: actionEnv }
      )
    })

    it('builds with BuildKit, tagged from the git context', () => {
      expect(built.exitCode).toBe(0)
      expect(JSON.parse(built.outputs.metadata).builder).toBe(builder)
      const sha = actionEnv.GITHUB_SHA.slice(0, 7)
      expect(built.outputs.tags.split('\n')).toEqual([
        `${repo}:main`,
        `${repo}:latest`,
        `${repo}:sha-${sha}`
      ])
      expect(built.outputs.imageid).toMatch(/^sha256:[a-f0-9]{64}$/)
      expect(built.outputs.digest).toBe('')
      const labels = JSON.parse(
        docker(['image', 'inspect', '--format', '{{json .Config.Labels}}', `${repo}:main`])
      )
      expect(labels['org.opencontainers.image.revision']).toBe(actionEnv.GITHUB_SHA)
      expect(labels['org.opencontainers.image.source']).toBe('https://github.com/acme/shop')
    })

    it('passes build args into the build', () => {
      expect(docker(['run', '--rm', `${repo}:main`]).trim()).toBe('greeting=hello, world')
    })

    it('makes the secret usable in RUN and keeps it out of the image and its history', () => {
      const seen = docker(['run', '--rm', `${repo}:main`, 'cat', '/secret-sha256']).trim()
      expect(seen).toBe(createHash('sha256').update(SECRET).digest('hex'))
      expect(docker(['history', '--no-trunc', `${repo}:main`])).not.toContain(SECRET)
      expect(docker(['image', 'inspect', `${repo}:main`])).not.toContain(SECRET)
    })

    it('pushes with a login, outputs the registry digest, and logs out in the post step', async () => {
      const pushed = await runAction(
        'push',
        {
          tags: built.outputs.tags,
          username: env.REGISTRY_USERNAME,
          password: env.REGISTRY_PASSWORD
        },
        { env: actionEnv }
      )
      expect(pushed.exitCode).toBe(0)
      expect(pushed.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      for (const tag of built.outputs.tags.split('\n')) {
        expect(await registryDigest(tag)).toBe(pushed.outputs.digest)
      }
      expect(pushed.outputs.ref).toBe(`${repo}@${pushed.outputs.digest}`)
      expect(pushed.state['logged-in-registry']).toBe(env.REGISTRY)

      const post = await runAction(
        'push',
        {},
        { env: actionEnv, state: { isPost: 'true', ...pushed.state } }
      )
      expect(post.exitCode).toBe(0)
      expect(post.log).toContain(`Logged out of ${env.REGISTRY}`)

      for (const run of [built, pushed, post]) {
        expect(visibleLog(run.log)).not.toContain(env.REGISTRY_PASSWORD)
        expect(visibleLog(run.log)).not.toContain(SECRET)
        expect(run.summary).not.toContain(SECRET)
        expect(JSON.stringify(run.outputs)).not.toContain(SECRET)
        expect(JSON.stringify(run.outputs)).not.toContain(env.REGISTRY_PASSWORD)
      }
    })

    it('fails a broken Dockerfile with one clear error and exit 1', async () => {
      const run = await runAction(
        'build',
        {
          context: fixture('broken'),
          image: `${repo}-broken`,
          'build-args': `BASE_IMAGE=${env.DEBIAN_IMAGE}`
        },
        { env: actionEnv }
      )
      expect(run.exitCode).toBe(1)
      const errors = run.log.split('\n').filter(l => l.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /docker (buildx|build) failed \(exit 1\): .*(exit code: 7|returned a non-zero code: 7)/
      )
      expect(run.outputs.imageid).toBeUndefined()
    })

    it('retries a registry that is down, then fails clearly and reports nothing pushed', async () => {
      const deadTag = `127.0.0.1:5999/k8s-stack-test/down:1`
      docker(['tag', `${repo}:main`, deadTag])
      const run = await runAction(
        'push',
        { tags: deadTag, retries: '3', 'retry-delay': '100ms' },
        { env: actionEnv }
      )
      expect(run.exitCode).toBe(1)
      expect(run.log.match(/Push of .* failed \(attempt \d\/3\)/g)).toHaveLength(2)
      expect(run.log).toMatch(
        /::error::Pushing 127\.0\.0\.1:5999\/k8s-stack-test\/down:1 failed after retries: .*connection refused/
      )
      expect(run.outputs.digest).toBeUndefined()
      expect(run.outputs.ref).toBeUndefined()
    })

    it('refuses bad input before doing anything', async () => {
      const run = await runAction('push', { tags: 'Upper/Case:1' }, { env: actionEnv })
      expect(run.exitCode).toBe(1)
      expect(run.log).toContain(
        '::error::Invalid input "tags": "Upper/Case:1": repository component "Upper" must be lowercase'
      )
    })
  }
)
