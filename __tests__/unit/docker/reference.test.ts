import { describe, expect, it } from '@jest/globals'
import {
  formatReference,
  parseReference,
  parseReferenceInput,
  sanitizeTag
} from '../../../src/docker/reference'

const digest = `sha256:${'a'.repeat(64)}`

describe('parseReference', () => {
  it.each([
    ['nginx', { registry: '', path: 'nginx' }],
    [
      '127.0.0.1:5000/k8s-stack/backend:1.2.3',
      { registry: '127.0.0.1:5000', path: 'k8s-stack/backend', tag: '1.2.3' }
    ],
    ['localhost/app', { registry: 'localhost', path: 'app' }],
    [`ghcr.io/org/app@${digest}`, { registry: 'ghcr.io', path: 'org/app', digest }],
    [`ghcr.io/org/app:v1@${digest}`, { registry: 'ghcr.io', path: 'org/app', tag: 'v1', digest }],
    ['a/b__c/d-e.f', { registry: '', path: 'a/b__c/d-e.f' }]
  ])('accepts %s', (ref, expected) => {
    expect(parseReference(ref)).toEqual(expect.objectContaining(expected))
    expect(formatReference(parseReference(ref))).toBe(ref)
  })

  it.each([
    ['', 'it is empty'],
    ['ghcr.io/Org/app', 'repository component "Org" must be lowercase'],
    ['app:bad/tag!', 'registry "app:bad" is not a host[:port]'],
    ['app:bad!tag', 'tag "bad!tag" may only hold'],
    [`app:${'x'.repeat(129)}`, 'tag is 129 characters; at most 128 are allowed'],
    ['app:', 'the tag after ":" is empty'],
    ['ghcr.io//app', 'empty path component'],
    ['app@sha256:abc', 'digest "sha256:abc" is not sha256:'],
    ['app:.hidden', 'must not start with . or -'],
    ['my app', 'white space'],
    ['a/-b', 'single separators']
  ])('rejects %j: %s', (ref, problem) => {
    expect(() => parseReference(ref)).toThrow(problem)
  })

  it('names the accepted form in every error', () => {
    expect(() => parseReference('UPPER')).toThrow(
      'Expected [registry[:port]/]repository[:tag][@sha256:<64 hex>]'
    )
  })
})

describe('sanitizeTag', () => {
  it.each([
    ['feature/login', 'feature-login'],
    ['-lead', 'lead'],
    ['x'.repeat(200), 'x'.repeat(128)]
  ])('%s -> %s', (input, tag) => {
    expect(sanitizeTag(input)).toBe(tag)
  })
})

describe('parseReferenceInput', () => {
  it('names the input, the value, the problem and the accepted form in one line', () => {
    expect(() => parseReferenceInput('image-ref', '--help')).toThrow(
      /^Invalid input "image-ref": "--help": repository component "--help" may only hold .*\. Expected \[registry\[:port\]\/\]repository/
    )
  })
})
