import { describe, expect, it } from '@jest/globals'
import http from 'node:http'
import { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  KubeClient,
  KubeconfigError,
  loadKubeconfig,
  parseKubeconfig,
  parseManifests,
  resourceFor,
  resourcePath,
  resourceType
} from '../../../src/kube/api'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

const config = `
apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster:
    server: https://127.0.0.1:6443/
    certificate-authority-data: ${b64('CA PEM')}
- name: prod-cluster
  cluster:
    server: https://127.0.0.1:7443
    insecure-skip-tls-verify: true
    tls-server-name: kubernetes
users:
- name: cert-user
  user:
    client-certificate-data: ${b64('CERT PEM')}
    client-key-data: ${b64('KEY PEM')}
- name: token-user
  user:
    token: abc.def
- name: basic-user
  user:
    username: admin
    password: s3cret
- name: exec-user
  user:
    exec:
      command: aws
contexts:
- name: dev
  context: { cluster: dev-cluster, user: cert-user }
- name: prod
  context: { cluster: prod-cluster, user: token-user, namespace: backend }
- name: basic
  context: { cluster: prod-cluster, user: basic-user }
- name: exec
  context: { cluster: dev-cluster, user: exec-user }
- name: broken
  context: { cluster: nowhere, user: token-user }
`

describe('parseKubeconfig', () => {
  it('resolves current-context with inline certificate data', () => {
    const c = parseKubeconfig(config)
    expect(c.context).toBe('dev')
    expect(c.server).toBe('https://127.0.0.1:6443')
    expect(c.namespace).toBe('default')
    expect(c.ca?.toString()).toBe('CA PEM')
    expect(c.cert?.toString()).toBe('CERT PEM')
    expect(c.key?.toString()).toBe('KEY PEM')
    expect(c.insecureSkipTlsVerify).toBe(false)
    expect(c.token).toBeUndefined()
  })

  it('resolves a named context with a token, namespace and insecure TLS', () => {
    const c = parseKubeconfig(config, { context: 'prod' })
    expect(c).toMatchObject({
      server: 'https://127.0.0.1:7443',
      namespace: 'backend',
      token: 'abc.def',
      insecureSkipTlsVerify: true,
      tlsServerName: 'kubernetes'
    })
  })

  it('reads basic auth', () => {
    expect(parseKubeconfig(config, { context: 'basic' })).toMatchObject({
      username: 'admin',
      password: 's3cret'
    })
  })

  it.each([
    ['missing', /has no context "missing"; it has: dev, prod, basic, exec, broken/],
    ['broken', /names cluster "nowhere", which is not defined/],
    ['exec', /exec credential plugin, which is not supported/]
  ])('rejects context %s clearly', (context, message) => {
    expect(() => parseKubeconfig(config, { context })).toThrow(message)
  })

  it('rejects text that is not a kubeconfig, without echoing it', () => {
    expect(() => parseKubeconfig('token: [unclosed')).toThrow(KubeconfigError)
    try {
      parseKubeconfig('secret-token: [unclosed')
    } catch (error) {
      expect(String(error)).not.toContain('secret-token')
    }
    expect(() => parseKubeconfig('- a\n- b')).toThrow(/not a YAML mapping/)
    expect(() => parseKubeconfig('apiVersion: v1\nkind: Config\n')).toThrow(/no current-context/)
  })

  it('reads certificate files relative to the kubeconfig, and merges KUBECONFIG lists first-wins', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeconfig-'))
    writeFileSync(path.join(dir, 'ca.crt'), 'FILE CA')
    writeFileSync(path.join(dir, 'client.crt'), 'FILE CERT')
    writeFileSync(path.join(dir, 'client.key'), 'FILE KEY')
    writeFileSync(
      path.join(dir, 'a.yaml'),
      `current-context: a
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', certificate-authority: ca.crt}}]
users: [{name: u, user: {client-certificate: client.crt, client-key: client.key}}]
contexts: [{name: a, context: {cluster: c, user: u}}]
`
    )
    writeFileSync(
      path.join(dir, 'b.yaml'),
      `current-context: b
clusters: [{name: c, cluster: {server: 'https://127.0.0.1:2'}}]
contexts: [{name: b, context: {cluster: c}}]
`
    )
    const c = loadKubeconfig({ file: path.join(dir, 'a.yaml') })
    expect([c.ca?.toString(), c.cert?.toString(), c.key?.toString()]).toEqual([
      'FILE CA',
      'FILE CERT',
      'FILE KEY'
    ])
    const previous = process.env.KUBECONFIG
    process.env.KUBECONFIG = [path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml')].join(
      path.delimiter
    )
    try {
      const merged = loadKubeconfig()
      expect(merged.context).toBe('b')
      expect(merged.server).toBe('https://127.0.0.1:2')
      expect(loadKubeconfig({ context: 'a' }).server).toBe('https://127.0.0.1:2')
    } finally {
      process.env.KUBECONFIG = previous
    }
    expect(() => loadKubeconfig({ file: path.join(dir, 'nope.yaml') })).toThrow(/does not exist/)
  })
})

describe('resource paths', () => {
  it.each([
    [resourceType('Deployment'), 'web', 'app', '/apis/apps/v1/namespaces/web/deployments/app'],
    [resourceType('deployment'), undefined, undefined, '/apis/apps/v1/deployments'],
    [resourceType('Pod'), 'a', undefined, '/api/v1/namespaces/a/pods'],
    [resourceType('Namespace'), 'ignored', 'backend', '/api/v1/namespaces/backend'],
    [
      resourceType('HorizontalPodAutoscaler'),
      'b',
      'api',
      '/apis/autoscaling/v2/namespaces/b/horizontalpodautoscalers/api'
    ],
    [
      resourceFor('networking.k8s.io/v1', 'Ingress'),
      'f',
      'i',
      '/apis/networking.k8s.io/v1/namespaces/f/ingresses/i'
    ],
    [
      resourceFor('example.com/v1alpha1', 'Policy'),
      'x',
      'p',
      '/apis/example.com/v1alpha1/namespaces/x/policies/p'
    ],
    [resourceFor('v1', 'Secret'), 'x', 'db', '/api/v1/namespaces/x/secrets/db']
  ])('path %#', (type, ns, name, expected) => {
    expect(resourcePath(type, ns, name)).toBe(expected)
  })

  it('names the unknown kind', () => {
    expect(() => resourceType('Gizmo')).toThrow(/Unknown kind "Gizmo"/)
  })

  it('parses multi-document manifests', () => {
    const objects = parseManifests(
      '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# empty\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n'
    )
    expect(objects.map(o => o.kind)).toEqual(['Namespace', 'Secret'])
    expect(() => parseManifests('a: [')).toThrow(/Invalid YAML manifest/)
  })
})

// The watch protocol's edge cases (expiry mid-stream, a cut connection) cannot be forced on
// a real API server on demand, so a local HTTP server speaks that protocol here; the normal
// cases run against the real API server in __tests__/integration/verify.
describe('watch stream handling', () => {
  async function server(
    handler: http.RequestListener
  ): Promise<{ client: KubeClient; requests: string[]; close: () => void }> {
    const requests: string[] = []
    const srv = http.createServer((req, res) => {
      requests.push(req.url ?? '')
      handler(req, res)
    })
    await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
    const port = (srv.address() as AddressInfo).port
    const client = new KubeClient({
      context: 't',
      server: `http://127.0.0.1:${port}`,
      namespace: 'default',
      insecureSkipTlsVerify: false,
      token: 'tok'
    })
    return {
      client,
      requests,
      close: () => {
        client.close()
        srv.closeAllConnections()
        srv.close()
      }
    }
  }

  const pod = (name: string, rv: string): object => ({
    metadata: { name, namespace: 'n', resourceVersion: rv }
  })

  it('lists, watches, relists after 410 Gone, and stops on abort', async () => {
    let lists = 0
    let watches = 0
    const controller = new AbortController()
    const s = await server((req, res) => {
      expect(req.headers.authorization).toBe('Bearer tok')
      if (!req.url?.includes('watch=1')) {
        lists++
        res.end(
          JSON.stringify({
            items: lists === 1 ? [pod('a', '1')] : [pod('a', '5'), pod('b', '6')],
            metadata: { resourceVersion: lists === 1 ? '1' : '6' }
          })
        )
        return
      }
      watches++
      res.writeHead(200, { 'content-type': 'application/json' })
      if (watches === 1) {
        // An event split over two chunks, a bookmark, then the server's expiry error.
        const ev = JSON.stringify({ type: 'MODIFIED', object: pod('a', '2') })
        res.write(ev.slice(0, 10))
        setTimeout(() => {
          res.write(ev.slice(10) + '\n')
          res.write(JSON.stringify({ type: 'BOOKMARK', object: pod('', '3') }) + '\n')
          res.end(
            JSON.stringify({
              type: 'ERROR',
              object: {
                kind: 'Status',
                code: 410,
                reason: 'Expired',
                message: 'too old resource version'
              }
            }) + '\n'
          )
        }, 20)
      } else {
        res.write(JSON.stringify({ type: 'DELETED', object: pod('a', '7') }) + '\n')
        // stays open until aborted
      }
    })
    const seen: string[][] = []
    try {
      await s.client.listWatch(
        'Pod',
        { namespace: 'n', labelSelector: 'app=x', signal: controller.signal },
        objects => {
          seen.push(
            [...objects.values()].map(o => `${o.metadata.name}@${o.metadata.resourceVersion}`)
          )
          if (objects.size === 1 && objects.has('n/b')) controller.abort()
        }
      )
    } finally {
      s.close()
    }
    expect(seen).toEqual([['a@1'], ['a@2'], ['a@5', 'b@6'], ['b@6']])
    expect(s.requests.filter(r => r.includes('watch=1'))[0]).toMatch(
      /resourceVersion=1.*labelSelector=app%3Dx/
    )
    expect(s.requests.filter(r => r.includes('watch=1'))[1]).toMatch(/resourceVersion=6/)
  })

  it('reconnects from the last resourceVersion when the server closes the stream', async () => {
    let watches = 0
    const controller = new AbortController()
    const s = await server((req, res) => {
      if (!req.url?.includes('watch=1'))
        return res.end(JSON.stringify({ items: [], metadata: { resourceVersion: '10' } }))
      watches++
      res.writeHead(200)
      res.end(
        JSON.stringify({ type: 'ADDED', object: pod(`p${watches}`, String(10 + watches)) }) + '\n'
      )
    })
    try {
      await s.client.listWatch('Pod', { namespace: 'n', signal: controller.signal }, objects => {
        if (objects.size === 3) controller.abort()
      })
    } finally {
      s.close()
    }
    const watchUrls = s.requests.filter(r => r.includes('watch=1'))
    expect(watchUrls.map(u => new URL(u, 'http://x').searchParams.get('resourceVersion'))).toEqual([
      '10',
      '11',
      '12'
    ])
  })

  it('turns an error status into the server message', async () => {
    const s = await server((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          kind: 'Status',
          reason: 'Forbidden',
          message: 'pods is forbidden: User "x" cannot list'
        })
      )
    })
    try {
      await expect(s.client.list('Pod', { namespace: 'n' })).rejects.toThrow(
        'pods is forbidden: User "x" cannot list'
      )
    } finally {
      s.close()
    }
  })

  it('reports an unreachable server with its address', async () => {
    const client = new KubeClient({
      context: 't',
      server: 'https://127.0.0.1:1',
      namespace: 'default',
      insecureSkipTlsVerify: false
    })
    await expect(client.get('Namespace', 'default')).rejects.toThrow(
      /Cannot reach the Kubernetes API server https:\/\/127.0.0.1:1 .*ECONNREFUSED/
    )
    client.close()
  })
})
