import { describe, expect, it } from '@jest/globals'
import { parseChecks, serviceProxyPath } from '../../../src/verify/smoke'

describe('parseChecks', () => {
  it('reads YAML checks with defaults', () => {
    const checks = parseChecks(`
- name: api
  url: https://app.example.com/api/health
  method: post
  headers: {Accept: application/json}
  body: {ping: 1}
  status: [200, 204]
  body-pattern: '"status":\\s*"ok"'
  timeout: 2s
- url: http://127.0.0.1:8080/
- service: backend/api:http
  path: /ready
`)
    expect(checks[0]).toMatchObject({
      name: 'api',
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: '{"ping":1}',
      expectStatus: [200, 204],
      timeoutMs: 2000
    })
    expect(checks[0].bodyPattern?.test('{"status": "ok"}')).toBe(true)
    expect(checks[1]).toMatchObject({
      name: 'http://127.0.0.1:8080/',
      method: 'GET',
      expectStatus: [200],
      timeoutMs: 10000
    })
    expect(checks[2].service).toEqual({
      namespace: 'backend',
      name: 'api',
      port: 'http',
      path: '/ready'
    })
    expect(serviceProxyPath(checks[2].service!)).toBe(
      '/api/v1/namespaces/backend/services/api:http/proxy/ready'
    )
  })

  it('reads JSON', () => {
    expect(parseChecks('[{"url": "http://localhost/x", "status": 404}]')[0].expectStatus).toEqual([
      404
    ])
  })

  it.each([
    ['- url: [unclosed', /Invalid input "checks": is not valid YAML or JSON/],
    ['url: http://x', /is not a list/],
    [
      '- url: ftp://example.com/file',
      /check 1: url "ftp:\/\/example.com\/file" is not an HTTP URL. Expected http:\/\/ or https:\/\//
    ],
    ['- url: not a url', /is not a URL/],
    ['- {name: a}', /check 1 \(a\): give exactly one of url or service/],
    ['- {url: "http://x", status: 999}', /status 999/],
    ['- {url: "http://x", timeout: -5s}', /timeout "-5s". Expected a positive duration/],
    ['- {url: "http://x", body-pattern: "("}', /not a valid regular expression/],
    ['- {url: "http://x", expect: 200}', /unknown field "expect"/],
    ['- {service: "api:80"}', /Expected namespace\/name:port/],
    ['- {url: "http://x", method: FETCH}', /method "FETCH"/]
  ])('rejects %s', (text, message) => {
    expect(() => parseChecks(text)).toThrow(message)
  })
})
