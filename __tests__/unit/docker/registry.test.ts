import { describe, expect, it } from '@jest/globals'
import {
  digestReference,
  isTransient,
  parsePushDigest,
  registryOf
} from '../../../src/docker/registry'

const digest = `sha256:${'c'.repeat(64)}`

describe('registry helpers', () => {
  it('reads the digest docker push prints', () => {
    expect(parsePushDigest(`abc: Pushed\nv1: digest: ${digest} size: 1234\n`)).toBe(digest)
    expect(parsePushDigest('nothing')).toBeUndefined()
  })

  it.each([
    ['dial tcp 127.0.0.1:5000: connect: connection refused', true],
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['net/http: TLS handshake timeout', true],
    ['denied: requested access to the resource is denied', false],
    ['unauthorized: authentication required', false],
    ['manifest invalid', false]
  ])('%s is transient: %s', (message, transient) => {
    expect(isTransient(message)).toBe(transient)
  })

  it('pins a tag by digest and finds its registry', () => {
    expect(digestReference('127.0.0.1:5000/a/b:1', digest)).toBe(`127.0.0.1:5000/a/b@${digest}`)
    expect(registryOf('127.0.0.1:5000/a/b:1')).toBe('127.0.0.1:5000')
    expect(registryOf('library/nginx:1')).toBe('docker.io')
  })
})
