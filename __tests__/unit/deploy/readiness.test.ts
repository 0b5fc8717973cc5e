import { describe, expect, it } from '@jest/globals'
import { substituteImages } from '../../../actions/deploy/src/manifests'
import { parseManifest } from '../../../src/helm/manifest'

describe('substituteImages (mode: manifests)', () => {
  const DIGEST = `sha256:${'b'.repeat(64)}`
  it('pins images by repository, or by the app name as the last path component', () => {
    const objects = parseManifest(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: backend, namespace: backend}\nspec: {template: {spec: {containers: [{name: backend, image: "127.0.0.1:5000/k8s-stack/backend:1.0.0"}], initContainers: [{name: i, image: busybox}]}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: frontend, namespace: frontend}\nspec: {template: {spec: {containers: [{name: frontend, image: "127.0.0.1:5000/k8s-stack/frontend:1.0.0"}]}}}\n'
    )
    const unmatched = substituteImages(objects, [
      { app: 'backend', ref: '', repository: '127.0.0.1:5000/k8s-stack/backend', digest: DIGEST },
      { app: 'frontend', ref: '', repository: 'other.example/team/frontend', digest: DIGEST },
      { app: 'worker', ref: '', repository: 'r/worker', digest: DIGEST }
    ])
    expect(unmatched).toEqual(['worker'])
    const containers = objects.map(
      o =>
        (o.body.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template
          .spec.containers[0].image
    )
    expect(containers).toEqual([
      `127.0.0.1:5000/k8s-stack/backend@${DIGEST}`,
      `other.example/team/frontend@${DIGEST}`
    ])
  })
})
