// Helpers for the verify tests: the fixture chart in __tests__/fixtures/verify/chart,
// installed with the sandbox's real helm into the sandbox's real API server.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { KubeClient } from '../../../src/kube/api'
import { repoRoot } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'

const run = promisify(execFile)
export const CHART = path.join(repoRoot, '__tests__', 'fixtures', 'verify', 'chart')

export interface FixtureRelease {
  release: string
  frontend: string
  backend: string
  /** helm upgrade --install without waiting (the verify action is what waits). */
  upgrade(values?: Record<string, string | boolean | number>): Promise<void>
  cleanup(): Promise<void>
}

export async function kubeClient(): Promise<KubeClient> {
  const env = await sandboxEnv()
  return KubeClient.fromFile(env.KUBECONFIG)
}

/** A fresh release name and its two namespaces (created here through the kube client). */
export async function fixtureRelease(
  prefix: string,
  helmMajor: 3 | 4 = 3
): Promise<FixtureRelease> {
  const env = await sandboxEnv()
  const id = `${prefix}-${randomBytes(3).toString('hex')}`
  const release = id
  const frontend = `${id}-fe`
  const backend = `${id}-be`
  const client = await kubeClient()
  for (const ns of [frontend, backend]) {
    await client.apply(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns, labels: { 'k8s-stack.test/verify': 'true' } }
      },
      { fieldManager: 'verify-tests' }
    )
  }
  client.close()
  const helm = helmMajor === 4 ? env.K8S_STACK_HELM4 : env.K8S_STACK_HELM3
  const base = ['--kubeconfig', env.KUBECONFIG, '--namespace', backend]
  return {
    release,
    frontend,
    backend,
    async upgrade(values = {}) {
      const sets = Object.entries({
        frontendNamespace: frontend,
        backendNamespace: backend,
        ...values
      }).flatMap(([k, v]) => ['--set', `${k}=${v}`])
      await run(helm, ['upgrade', '--install', release, CHART, ...base, ...sets], {
        env: { ...process.env, ...env }
      })
    },
    async cleanup() {
      await run(helm, ['uninstall', release, ...base], { env: { ...process.env, ...env } }).catch(
        () => undefined
      )
      const c = await kubeClient()
      for (const ns of [frontend, backend]) await c.delete('Namespace', ns).catch(() => undefined)
      c.close()
    }
  }
}
