import { describe, expect, it } from '@jest/globals'
import {
  diffManifests,
  diffManifestTexts,
  diffMarkdown,
  IMAGE_DOCUMENT,
  imagesOf,
  lineDiff,
  parseManifest,
  splitDocuments,
  WORKLOAD_DOCUMENT
} from '../../../src/helm/manifest'

const deployment = (image: string, replicas = 2) => `
---
# Source: web/templates/deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  template:
    spec:
      initContainers:
        - name: migrate
          image: ${image}
      containers:
        - name: web
          image: ${image}
`
const service = `
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: other }
spec: { ports: [{ port: 80 }] }
`
const namespace = `
---
apiVersion: v1
kind: Namespace
metadata: { name: apps }
`

describe('parseManifest', () => {
  it('splits documents, skips empty ones, and gives namespaced objects the release namespace', () => {
    const objects = parseManifest(
      `${deployment('r/web@sha256:1')}\n---\n# empty\n${service}${namespace}`,
      'apps'
    )
    expect(objects.map(o => [o.kind, o.namespace, o.name])).toEqual([
      ['Deployment', 'apps', 'web'],
      ['Service', 'other', 'web'],
      ['Namespace', '', 'apps']
    ])
  })
  it('names a YAML error', () => {
    expect(() => parseManifest('a: [1, 2\n')).toThrow('The rendered manifest is not valid YAML')
  })
})

describe('splitDocuments', () => {
  it('splits at --- lines, dropping empty and comment-only documents', () => {
    expect(
      splitDocuments(
        `${deployment('r/web@sha256:1')}\n---\n# empty\n--- # marker comment\n${service}`
      )
    ).toEqual([
      deployment('r/web@sha256:1')
        .replace(/^\s*---\s*/, '')
        .trim(),
      service.replace(/^\s*---\s*/, '').trim()
    ])
  })
  it('keeps a block scalar whole and leaves a marker line with content to the parser', () => {
    const text = 'kind: ConfigMap\ndata:\n  script: |\n    echo ---\n    --- indented\n'
    expect(splitDocuments(text)).toEqual([text.trim()])
    const inline = 'a: 1\n--- {kind: ConfigMap}\n'
    expect(splitDocuments(inline)).toEqual([inline])
  })
})

describe('parseManifest with a document filter', () => {
  it('parses only the documents the filter selects, JSON documents included', () => {
    const json = '{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"}}'
    const text = `${deployment('r/web@sha256:1')}${service}\n---\n${json}\n${namespace}`
    expect(parseManifest(text, 'apps', WORKLOAD_DOCUMENT).map(o => o.kind)).toEqual([
      'Deployment',
      'StatefulSet'
    ])
    expect(imagesOf(parseManifest(text, 'apps', IMAGE_DOCUMENT))).toEqual(
      imagesOf(parseManifest(text, 'apps'))
    )
    // A broken document the filter selects is still an error.
    expect(() => parseManifest('kind: Deployment\na: [1\n', '', WORKLOAD_DOCUMENT)).toThrow(
      'not valid YAML'
    )
  })
})

describe('diffManifestTexts', () => {
  it('gives what diffManifests gives on the parsed manifests', () => {
    const live = deployment('r/web@sha256:1') + service + namespace
    const cases = [
      deployment('r/web@sha256:2') + service + namespace,
      deployment('r/web@sha256:1') + namespace,
      service + deployment('r/web@sha256:1', 3),
      live,
      live.replace('# Source: web/templates/deploy.yaml', '# Source: web/templates/moved.yaml')
    ]
    for (const next of cases) {
      expect(diffManifestTexts(live, next, 'apps')).toEqual(
        diffManifests(parseManifest(live, 'apps'), parseManifest(next, 'apps'))
      )
    }
    expect(diffManifestTexts(live, live, 'apps')).toEqual([])
  })
  it('skips unchanged documents without parsing them', () => {
    // An unchanged document that would not even parse is never looked at.
    const broken = 'kind: ConfigMap\ndata: [1\n'
    const changes = diffManifestTexts(
      `${broken}---\n${deployment('r/web@sha256:1')}`,
      `${broken}---\n${deployment('r/web@sha256:2')}`,
      'apps'
    )
    expect(changes.map(c => [c.change, c.object])).toEqual([['changed', 'Deployment apps/web']])
  })
})

describe('diffManifests', () => {
  it('reports added, removed and changed objects, with only the changed lines', () => {
    const live = parseManifest(deployment('r/web@sha256:1') + namespace, 'apps')
    const next = parseManifest(deployment('r/web@sha256:2') + service, 'apps')
    const changes = diffManifests(live, next)
    expect(changes.map(c => [c.change, c.object])).toEqual([
      ['changed', 'Deployment apps/web'],
      ['added', 'Service other/web'],
      ['removed', 'Namespace apps']
    ])
    const lines = changes[0].lines
    expect(lines.filter(l => l.startsWith('-'))).toEqual([
      '-         - image: r/web@sha256:1',
      '-         - image: r/web@sha256:1'
    ])
    expect(lines.filter(l => l.startsWith('+'))).toEqual([
      '+         - image: r/web@sha256:2',
      '+         - image: r/web@sha256:2'
    ])
    expect(lines.some(l => l.includes('replicas'))).toBe(false)
  })
  it('finds nothing between equal renders, whatever the key order', () => {
    const a = parseManifest(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1", b: "2"}\n'
    )
    const b = parseManifest(
      'kind: ConfigMap\napiVersion: v1\ndata: {b: "2", a: "1"}\nmetadata: {name: c}\n'
    )
    expect(diffManifests(a, b)).toEqual([])
    expect(diffMarkdown([])).toContain('No changes')
  })
  it('never shows a Secret value, but still shows that it changed', () => {
    const secret = (v: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {PASSWORD: ${Buffer.from(v).toString('base64')}}\nstringData: {TOKEN: ${v}}\n`
    const changes = diffManifests(
      parseManifest(secret('old-sentinel-pw')),
      parseManifest(secret('new-sentinel-pw'))
    )
    expect(changes).toHaveLength(1)
    const text = diffMarkdown(changes)
    expect(text).toContain('PASSWORD: (hidden ')
    for (const v of ['old-sentinel-pw', 'new-sentinel-pw']) {
      expect(text).not.toContain(v)
      expect(text).not.toContain(Buffer.from(v).toString('base64'))
    }
  })
})

describe('lineDiff', () => {
  it('keeps one line of context and marks gaps', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n')
    const b = ['a', 'B', 'c', 'd', 'e', 'f', 'G'].join('\n')
    expect(lineDiff(a, b)).toEqual(['  a', '- b', '+ B', '  c', '...', '  f', '- g', '+ G'])
  })
})

describe('imagesOf', () => {
  it('lists the images of each workload, init containers included', () => {
    const objects = parseManifest(deployment('r/web@sha256:9') + service, 'apps')
    expect(imagesOf(objects)).toEqual({
      'Deployment apps/web': { migrate: 'r/web@sha256:9', web: 'r/web@sha256:9' }
    })
  })
  it('reads CronJobs and Pods', () => {
    const objects = parseManifest(
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, namespace: n}\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: i:1}]}}}}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec: {containers: [{name: p, image: i:2}]}\n'
    )
    expect(imagesOf(objects)).toEqual({ 'CronJob n/c': { j: 'i:1' }, 'Pod n/p': { p: 'i:2' } })
  })
})
