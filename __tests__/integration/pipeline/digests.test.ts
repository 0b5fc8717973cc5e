// actions/digests as the runner runs it, against the sandbox's authenticated registry: the
// digest it resolves is the registry's own, add-tag tags registry-side, a marker is written,
// a missing tag fails (or sets found=false when optional), and the password never shows.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { runAction, visibleLog } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'
import { registryDigest } from './act'

let env: Record<string, string> = {}
let image = ''
const creds = () => ({ username: env.REGISTRY_USERNAME, password: env.REGISTRY_PASSWORD })

beforeAll(async () => {
  env = await sandboxEnv()
  // A small image, pushed with the plain docker CLI.
  const tag = `${env.REGISTRY}/k8s-stack/digests-test:${Date.now()}`
  execFileSync('docker', ['tag', env.DEBIAN_IMAGE, tag])
  execFileSync('docker', ['login', '-u', env.REGISTRY_USERNAME, '--password-stdin', env.REGISTRY], {
    input: env.REGISTRY_PASSWORD,
    stdio: ['pipe', 'ignore', 'ignore']
  })
  execFileSync('docker', ['push', tag], { stdio: 'ignore' })
  image = tag
}, 10 * 60_000)

describe('actions/digests against the registry', () => {
  it('resolves name=image:tag to the registry digest and tags it registry-side', async () => {
    const runTag = `added-${Date.now()}`
    const run = await runAction('digests', {
      images: `app=${image}`,
      'add-tag': runTag,
      ...creds()
    })
    expect(run.exitCode).toBe(0)
    const [repository, tag] = [
      image.slice(env.REGISTRY.length + 1, image.lastIndexOf(':')),
      image.slice(image.lastIndexOf(':') + 1)
    ]
    const digest = await registryDigest(repository, tag)
    expect(run.outputs.images).toBe(`app=${env.REGISTRY}/${repository}@${digest}`)
    expect(run.outputs.found).toBe('true')
    expect(await registryDigest(repository, runTag)).toBe(digest)
    expect(visibleLog(run.log)).not.toContain(env.REGISTRY_PASSWORD)
    expect(run.summary).not.toContain(env.REGISTRY_PASSWORD)
  })

  it('fails on a missing tag, naming it; with optional, says found=false', async () => {
    const missing = `${image.slice(0, image.lastIndexOf(':'))}:no-such-tag`
    const failed = await runAction('digests', { images: missing, ...creds() })
    expect(failed.exitCode).toBe(1)
    expect(failed.log).toMatch(/::error::Could not resolve .*no-such-tag to a digest: 404/)
    const optional = await runAction('digests', { images: missing, optional: 'true', ...creds() })
    expect(optional.exitCode).toBe(0)
    expect(optional.outputs.found).toBe('false')
  })

  it('writes a marker that a later run finds', async () => {
    const marker = `${env.REGISTRY}/k8s-stack/k8s-stack-verified:test-${Date.now()}`
    expect(
      (await runAction('digests', { images: marker, optional: 'true', ...creds() })).outputs.found
    ).toBe('false')
    expect((await runAction('digests', { mark: marker, ...creds() })).exitCode).toBe(0)
    expect(
      (await runAction('digests', { images: marker, optional: 'true', ...creds() })).outputs.found
    ).toBe('true')
  })

  it('refuses wrong credentials and bad input with one clear line', async () => {
    const denied = await runAction('digests', {
      images: image,
      username: env.REGISTRY_USERNAME,
      password: 'wrong-password'
    })
    expect(denied.exitCode).toBe(1)
    expect(denied.log).toMatch(/::error::Could not resolve .*(refused|401)/)
    const bad = await runAction('digests', { images: 'Not A Ref' })
    expect(bad.exitCode).toBe(1)
    expect(bad.log).toMatch(/::error::Invalid input "images"/)
  })
})
