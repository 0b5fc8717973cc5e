import { describe, expect, it } from '@jest/globals'
import {
  deploymentPodsReady,
  podState,
  podSummary,
  rolloutState,
  type Workload
} from '../../../src/kube/rollout'

const w = (spec: Workload['spec'], status: Workload['status'], generation = 2): Workload => ({
  metadata: { name: 'app', generation },
  spec,
  status
})

describe('rolloutState (kubectl rollout status rules)', () => {
  it.each<[string, Workload, boolean, RegExp]>([
    [
      'generation not observed',
      w(
        { replicas: 2 },
        { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }
      ),
      false,
      /spec update to be observed/
    ],
    [
      'too few updated',
      w(
        { replicas: 3 },
        { observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3 }
      ),
      false,
      /1 out of 3 new replicas/
    ],
    [
      'old replicas left',
      w(
        { replicas: 2 },
        { observedGeneration: 2, replicas: 3, updatedReplicas: 2, availableReplicas: 2 }
      ),
      false,
      /1 old replicas are pending termination/
    ],
    [
      'not available',
      w(
        { replicas: 2 },
        { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 1 }
      ),
      false,
      /1 of 2 updated replicas are available/
    ],
    [
      'ready',
      w(
        { replicas: 2 },
        { observedGeneration: 2, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }
      ),
      true,
      /successfully rolled out/
    ],
    [
      'default one replica',
      w({}, { observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
      true,
      /successfully/
    ],
    ['no status yet', w({ replicas: 1 }, undefined), false, /observed/]
  ])('Deployment: %s', (_name, object, done, message) => {
    const s = rolloutState('Deployment', object)
    expect(s.done).toBe(done)
    expect(s.message).toMatch(message)
    expect(s.error).toBeUndefined()
  })

  it('Deployment past its progress deadline is an error', () => {
    const s = rolloutState(
      'Deployment',
      w(
        { replicas: 1 },
        {
          observedGeneration: 2,
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }]
        }
      )
    )
    expect(s).toMatchObject({
      done: false,
      error: 'deployment "app" exceeded its progress deadline'
    })
  })

  it.each<[string, Workload, boolean]>([
    [
      'not ready',
      w(
        { replicas: 2 },
        { observedGeneration: 2, readyReplicas: 1, currentRevision: 'a', updateRevision: 'a' }
      ),
      false
    ],
    [
      'revision rolling',
      w(
        { replicas: 2 },
        {
          observedGeneration: 2,
          readyReplicas: 2,
          updatedReplicas: 1,
          currentRevision: 'a',
          updateRevision: 'b'
        }
      ),
      false
    ],
    [
      'done',
      w(
        { replicas: 2 },
        {
          observedGeneration: 2,
          readyReplicas: 2,
          updatedReplicas: 2,
          currentRevision: 'b',
          updateRevision: 'b'
        }
      ),
      true
    ],
    [
      'partition done',
      w(
        { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
        {
          observedGeneration: 2,
          readyReplicas: 3,
          updatedReplicas: 1,
          currentRevision: 'a',
          updateRevision: 'b'
        }
      ),
      true
    ],
    ['unobserved', w({ replicas: 1 }, { observedGeneration: 0 }), false]
  ])('StatefulSet: %s', (_n, object, done) => {
    expect(rolloutState('StatefulSet', object).done).toBe(done)
  })

  it('StatefulSet with OnDelete cannot be followed', () => {
    expect(
      rolloutState('StatefulSet', w({ updateStrategy: { type: 'OnDelete' } }, {})).error
    ).toMatch(/OnDelete/)
  })

  it.each<[string, Workload['status'], boolean]>([
    [
      'not updated',
      {
        observedGeneration: 2,
        desiredNumberScheduled: 2,
        updatedNumberScheduled: 1,
        numberAvailable: 2
      },
      false
    ],
    [
      'not available',
      {
        observedGeneration: 2,
        desiredNumberScheduled: 2,
        updatedNumberScheduled: 2,
        numberAvailable: 1
      },
      false
    ],
    [
      'done',
      {
        observedGeneration: 2,
        desiredNumberScheduled: 2,
        updatedNumberScheduled: 2,
        numberAvailable: 2
      },
      true
    ]
  ])('DaemonSet: %s', (_n, status, done) => {
    expect(rolloutState('DaemonSet', w({}, status)).done).toBe(done)
  })
})

describe('podState', () => {
  it('names phase, false conditions and container reasons', () => {
    const s = podState({
      metadata: { name: 'api-1' },
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
          {
            name: 'api',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
            lastState: { terminated: { reason: 'Error', exitCode: 1 } }
          },
          { name: 'side', ready: false, state: { waiting: { reason: 'ImagePullBackOff' } } }
        ]
      }
    } as never)
    expect(s.phase).toBe('Pending')
    expect(s.conditions).toEqual(['PodScheduled=False (Unschedulable: 0/2 nodes are available)'])
    expect(s.containers).toEqual([
      'api: waiting (CrashLoopBackOff: back-off 40s) restarts 3 last Error',
      'side: waiting (ImagePullBackOff)'
    ])
  })
})

describe('deploymentPodsReady', () => {
  const d: Workload = {
    metadata: {
      name: 'app',
      namespace: 'n',
      uid: 'd1',
      generation: 3,
      annotations: { 'deployment.kubernetes.io/revision': '2' }
    },
    spec: { replicas: 2 },
    status: { observedGeneration: 3 }
  }
  const rs = (uid: string, revision: string) => ({
    metadata: {
      name: uid,
      namespace: 'n',
      uid,
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ kind: 'Deployment', name: 'app', uid: 'd1', controller: true }]
    }
  })
  const pod = (name: string, owner: string, ready: boolean, deleting = false) => ({
    metadata: {
      name,
      namespace: 'n',
      ownerReferences: [{ kind: 'ReplicaSet', name: owner, uid: owner, controller: true }],
      ...(deleting ? { deletionTimestamp: 'now' } : {})
    },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] }
  })
  const sets = [rs('old', '1'), rs('new', '2')]

  it.each([
    [
      'every new pod ready, old ones terminating',
      [pod('a', 'new', true), pod('b', 'new', true), pod('c', 'old', false, true)],
      true
    ],
    ['one new pod not ready', [pod('a', 'new', true), pod('b', 'new', false)], false],
    [
      'an old pod still running',
      [pod('a', 'new', true), pod('b', 'new', true), pod('c', 'old', true)],
      false
    ],
    ['too few pods', [pod('a', 'new', true)], false]
  ])('%s → %s', (_n, pods, expected) => {
    expect(deploymentPodsReady(d, sets, pods)).toBe(expected)
  })

  it('cannot tell before the controller observed the spec, or with minReadySeconds', () => {
    const pods = [pod('a', 'new', true), pod('b', 'new', true)]
    expect(deploymentPodsReady({ ...d, status: { observedGeneration: 2 } }, sets, pods)).toBe(false)
    expect(
      deploymentPodsReady(
        { ...d, spec: { replicas: 2, minReadySeconds: 5 } as Workload['spec'] },
        sets,
        pods
      )
    ).toBe(false)
    expect(deploymentPodsReady(d, [rs('old', '1')], pods)).toBe(false)
  })
})

describe('podSummary', () => {
  it('names the phase, the conditions that are not True and waiting containers, in one line', () => {
    expect(
      podSummary({
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
      'pod web-1 Pending; PodScheduled=False (Unschedulable: 0/2 nodes are available); web: waiting (ImagePullBackOff)'
    )
  })
})
