import { validateNamespace, validateReleaseName } from '../../../src/kube/names'
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Inputs } from '../../../src/core/inputs'
import { redact } from '../../../src/core/secrets'
import {
  imageSetStrings,
  parseImages,
  parseSecrets,
  readDeployInputs,
  validateSetEntries
} from '../../../actions/deploy/src/inputs'

const DIGEST = `sha256:${'a'.repeat(64)}`
const workspace = mkdtempSync(path.join(tmpdir(), 'deploy-inputs-'))
mkdirSync(path.join(workspace, 'chart'))
writeFileSync(path.join(workspace, 'values.yaml'), 'a: 1\n')
const read = (values: Record<string, string>) =>
  readDeployInputs(
    new Inputs(name => ({ chart: 'chart', release: 'web', ...values })[name] ?? ''),
    workspace
  )

describe('release and namespace names', () => {
  it.each(['web', 'k8s-stack', 'a.b-c', 'a'.repeat(53)])('accepts release %j', name => {
    expect(validateReleaseName(name)).toBe(name)
  })
  it.each(['Web', '-web', 'web-', 'web_1', '', 'a'.repeat(54), 'we b'])(
    'refuses release %j with the accepted form',
    name => {
      expect(() => validateReleaseName(name)).toThrow(
        /^Invalid input "release": .*Expected a Helm release name/
      )
    }
  )
  it.each(['default', 'team-1', 'a'.repeat(63)])('accepts namespace %j', name => {
    expect(validateNamespace(name)).toBe(name)
  })
  it.each(['Apps', 'a.b', 'a'.repeat(64), 'x_y', 'apps-'])('refuses namespace %j', name => {
    expect(() => validateNamespace(name)).toThrow(/^Invalid input "namespace": .*DNS-1123 label/)
  })
})

describe('set entries', () => {
  it.each([
    'a=1',
    'backend.replicas=3',
    'env[0].name=X',
    'a\\.b/c=1'.replace('/c', ''),
    'a=1,b=2',
    'a=x\\,y',
    'list={a,b}'.replace('{a,b}', 'v')
  ])('accepts %j', entry => {
    expect(validateSetEntries('set', [entry])).toEqual([entry])
  })
  it.each(['=1', 'a b=1', 'noequals', 'a=1,oops', 'a..b=1', 'a[x]=1'])('refuses %j', entry => {
    expect(() => validateSetEntries('set', [entry])).toThrow(/^Invalid input "set": .*value path/)
  })
})

describe('images', () => {
  it('reads lines app=ref pinned by digest and maps them to the chart values', () => {
    const images = parseImages(
      `backend=127.0.0.1:5000/k8s-stack/backend@${DIGEST}\n# comment\nfrontend = 127.0.0.1:5000/k8s-stack/frontend:1.0@${DIGEST}`,
      false
    )
    expect(images.map(i => [i.app, i.repository, i.digest])).toEqual([
      ['backend', '127.0.0.1:5000/k8s-stack/backend', DIGEST],
      ['frontend', '127.0.0.1:5000/k8s-stack/frontend', DIGEST]
    ])
    expect(imageSetStrings(images, '{app}.image')).toEqual([
      'backend.image.repository=127.0.0.1:5000/k8s-stack/backend',
      `backend.image.digest=${DIGEST}`,
      'frontend.image.repository=127.0.0.1:5000/k8s-stack/frontend',
      `frontend.image.digest=${DIGEST}`
    ])
  })
  it('reads a YAML or JSON mapping', () => {
    expect(parseImages(`backend: r/backend@${DIGEST}`, false)[0].app).toBe('backend')
    expect(parseImages(JSON.stringify({ api: `r/api@${DIGEST}` }), false)[0].repository).toBe(
      'r/api'
    )
    expect(imageSetStrings(parseImages(`api=r/api@${DIGEST}`, false), 'images.{app}')).toEqual([
      'images.api.repository=r/api',
      `images.api.digest=${DIGEST}`
    ])
  })
  it('refuses a tag unless tags are allowed', () => {
    expect(() => parseImages('backend=r/backend:1.0', false)).toThrow(
      'Invalid input "images": "backend=r/backend:1.0". Expected an image pinned by digest (registry/repo@sha256:<64 hex>); a tag can move under a running release (set allow-tags: true to deploy by tag).'
    )
    const [image] = parseImages('backend=r/backend:1.0', true)
    expect(imageSetStrings([image], '{app}.image')).toEqual([
      'backend.image.repository=r/backend',
      'backend.image.tag=1.0',
      'backend.image.digest='
    ])
    expect(() => parseImages('backend=r/backend', true)).toThrow('pinned by digest')
  })
  it.each([
    ['backend=R/Backend@' + DIGEST, /must be lowercase/],
    ['backend=r/backend@sha256:123', /digest "sha256:123"/],
    ['no-equals-sign', /app=registry\/repo@sha256/],
    [`a b=r/x@${DIGEST}`, /app name/],
    [`a=r/x@${DIGEST}\na=r/y@${DIGEST}`, /each app at most once/]
  ])('refuses %j', (text, message) => {
    expect(() => parseImages(text, false)).toThrow(message)
  })
})

describe('create-secrets', () => {
  it('reads a mapping with and without namespaces, and masks every value', () => {
    const secrets = parseSecrets(
      'backend/backend-secrets:\n  DB_PASSWORD: sentinel-mapping-pw\napi-keys: {TOKEN: sentinel-token-1}\n',
      'apps'
    )
    expect(secrets).toEqual([
      {
        namespace: 'backend',
        name: 'backend-secrets',
        data: { DB_PASSWORD: 'sentinel-mapping-pw' }
      },
      { namespace: 'apps', name: 'api-keys', data: { TOKEN: 'sentinel-token-1' } }
    ])
    expect(redact('x sentinel-mapping-pw y sentinel-token-1')).toBe('x *** y ***')
  })
  it('reads lines namespace/name:KEY=value, values may hold = and :', () => {
    expect(parseSecrets('backend/db:PASSWORD=sentinel=line:pw\nbackend/db:USER=app', 'x')).toEqual([
      { namespace: 'backend', name: 'db', data: { PASSWORD: 'sentinel=line:pw', USER: 'app' } }
    ])
    expect(redact('sentinel=line:pw')).toBe('***')
  })
  it('never quotes a value in an error', () => {
    const attempts = [
      'backend/db:PASSWORD sentinel-err-pw',
      'Bad_NS/db:K=sentinel-err-pw',
      'db: [sentinel-err-pw]',
      'db:\n  bad key: sentinel-err-pw'
    ]
    for (const text of attempts) {
      let message = ''
      try {
        parseSecrets(text, 'apps')
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/^Invalid input "create-secrets"/)
      expect(redact(message)).not.toContain('sentinel-err-pw')
    }
  })
})

describe('readDeployInputs', () => {
  it('has the documented defaults', () => {
    const inputs = read({})
    expect(inputs).toMatchObject({
      mode: 'helm',
      chart: path.join(workspace, 'chart'),
      release: 'web',
      namespace: 'default',
      timeoutMs: 300_000,
      atomic: true,
      wait: true,
      waitForJobs: false,
      historyMax: 10,
      dryRun: false,
      helmVersion: 'auto',
      images: [],
      createSecrets: []
    })
  })
  it('resolves values files against the workspace and refuses missing ones', () => {
    expect(read({ 'values-files': 'values.yaml' }).valuesFiles).toEqual([
      path.join(workspace, 'values.yaml')
    ])
    expect(() => read({ 'values-files': 'nope.yaml' })).toThrow(
      'Invalid input "values-files": "nope.yaml"'
    )
  })
  it.each([
    [{ chart: 'missing-dir' }, 'Invalid input "chart"'],
    [{ release: 'Bad_Name' }, 'Invalid input "release"'],
    [{ namespace: 'Bad' }, 'Invalid input "namespace"'],
    [{ timeout: '5 minutes' }, 'Invalid input "timeout"'],
    [{ timeout: '0s' }, 'Invalid input "timeout"'],
    [{ 'history-max': '-1' }, 'Invalid input "history-max"'],
    [{ 'helm-version': '2' }, 'Invalid input "helm-version"'],
    [{ mode: 'kustomize' }, 'Invalid input "mode"'],
    [{ atomic: 'maybe' }, 'Invalid input "atomic"'],
    [{ 'image-value-path': 'image' }, 'Invalid input "image-value-path"'],
    [{ images: 'web=r/web:latest' }, 'Invalid input "images"']
  ])('refuses %j', (values, message) => {
    expect(() => read(values as Record<string, string>)).toThrow(message)
  })
  it('accepts an OCI chart without looking for it on disk', () => {
    expect(read({ chart: 'oci://127.0.0.1:5000/charts/web' }).chart).toBe(
      'oci://127.0.0.1:5000/charts/web'
    )
  })
})
