import { describe, expect, it } from '@jest/globals'
import { podProblem, workloadReady } from '../../../actions/deploy/src/readiness'
import { substituteImages } from '../../../actions/deploy/src/manifests'
import { parseManifest } from '../../../src/helm/manifest'

describe('workloadReady', () => {
  it.each([
    [2, 3, { observedGeneration: 3, updatedReplicas: 2, availableReplicas: 2 }, true],
    [2, 3, { observedGeneration: 2, updatedReplicas: 2, availableReplicas: 2 }, false],
    [2, 3, { observedGeneration: 3, updatedReplicas: 1, availableReplicas: 2 }, false],
    [2, 3, { observedGeneration: 3, updatedReplicas: 2, availableReplicas: 1 }, false],
    [0, 1, { observedGeneration: 1 }, true]
  ])('%i replicas at generation %i with %j: %s', (desired, generation, status, ready) => {
    expect(workloadReady(desired, generation, status)).toBe(ready)
  })
})

describe('podProblem', () => {
  it('names the phase, the false conditions and waiting containers', () => {
    expect(
      podProblem({
        metadata: { name: 'web-1' },
        status: {
          phase: 'Pending',
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/2 nodes are available'
            },
            { type: 'Initialized', status: 'True' }
          ],
          containerStatuses: [
            { name: 'web', ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } }
          ]
        }
      })
    ).toBe(
      'pod web-1 Pending, PodScheduled=False Unschedulable: 0/2 nodes are available, container web waiting ImagePullBackOff'
    )
  })
})

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
