import * as core from '../../../src/core/commands'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { parseReference, repositoryOf } from '../../../src/docker/reference'
import {
  imagesOf,
  parseManifest,
  objectName,
  type ManifestObject
} from '../../../src/helm/manifest'
import { KubeApiError, type KubeClient, type KubeObject } from '../../../src/kube/api'
import type { DeployInputs, ImageOverride } from './inputs'
import { WORKLOAD_KINDS, waitForRollout, type WorkloadKind } from '../../../src/kube/rollout'

/** Every .yaml/.yml/.json file of a file or folder (not recursive), in name order. */
export function manifestFiles(target: string): string[] {
  if (statSync(target).isFile()) return [target]
  return readdirSync(target)
    .filter(f => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map(f => path.join(target, f))
}

/**
 * Pins images by digest in plain manifests: a container image is replaced when its
 * repository is the override's, or its last path component is the app's name.
 * Returns the apps that matched nothing.
 */
export function substituteImages(objects: ManifestObject[], images: ImageOverride[]): string[] {
  const used = new Set<string>()
  const visit = (containers: unknown): void => {
    if (!Array.isArray(containers)) return
    for (const c of containers as Array<Record<string, unknown>>) {
      if (typeof c.image !== 'string') continue
      let repository: string
      try {
        repository = repositoryOf(parseReference(c.image))
      } catch {
        continue
      }
      const match =
        images.find(i => i.repository === repository) ??
        images.find(i => repository.split('/').pop() === i.app)
      if (!match) continue
      c.image = match.digest
        ? `${match.repository}@${match.digest}`
        : `${match.repository}:${match.tag}`
      used.add(match.app)
    }
  }
  for (const o of objects) {
    const spec = o.body.spec as Record<string, unknown> | undefined
    const template = (
      o.kind === 'CronJob'
        ? (
            (spec?.jobTemplate as Record<string, unknown> | undefined)?.spec as
              Record<string, unknown> | undefined
          )?.template
        : o.kind === 'Pod'
          ? { spec }
          : spec?.template
    ) as { spec?: Record<string, unknown> } | undefined
    visit(template?.spec?.containers)
    visit(template?.spec?.initContainers)
  }
  return images.filter(i => !used.has(i.app)).map(i => i.app)
}

/**
 * mode: manifests — server-side apply of plain YAML (what `kubectl apply --server-side`
 * does, through the API client), images pinned by digest, then a wait for the workloads.
 */
export async function applyManifests(
  client: KubeClient,
  inputs: DeployInputs,
  options: { kubeconfig?: string; fieldManager: string }
): Promise<void> {
  const objects = manifestFiles(inputs.manifests).flatMap(f =>
    parseManifest(readFileSync(f, 'utf8'), inputs.namespace)
  )
  if (objects.length === 0) throw new Error(`No Kubernetes objects in ${inputs.manifests}`)
  const unmatched = substituteImages(objects, inputs.images)
  if (unmatched.length) {
    throw new Error(
      `images: no container in ${inputs.manifests} runs ${unmatched.join(', ')} (matched by repository or by the repository's last name)`
    )
  }
  // Namespaces first, so the objects in them can be created in the same run.
  const ordered = [
    ...objects.filter(o => o.kind === 'Namespace'),
    ...objects.filter(o => o.kind !== 'Namespace')
  ]
  let changed = 0
  const rows: Array<[string, string]> = []
  await core.group(
    `Server-side apply of ${objects.length} objects${inputs.dryRun ? ' (dry run)' : ''}`,
    async () => {
      for (const o of ordered) {
        const body = {
          ...o.body,
          metadata: { ...(o.body.metadata as object), namespace: o.namespace || undefined }
        } as KubeObject
        const before = await client
          .find(o.kind, o.name, o.namespace || undefined)
          .catch(() => undefined)
        let after: KubeObject
        try {
          after = await client.apply(body, {
            fieldManager: options.fieldManager,
            force: true,
            dryRun: inputs.dryRun
          })
        } catch (error) {
          if (error instanceof KubeApiError)
            throw new Error(`The API server rejected ${objectName(o)}: ${error.message}`)
          throw error
        }
        // resourceVersion also moves when controllers write status: what tells whether this
        // apply changed anything is the generation (spec) and our own managedFields entry.
        const moved =
          (before?.metadata.generation ?? 0) !== (after.metadata.generation ?? 0) ||
          JSON.stringify(appliedFields(before, options.fieldManager)) !==
            JSON.stringify(appliedFields(after, options.fieldManager))
        const state = !before ? 'created' : moved ? 'configured' : 'unchanged'
        if (state !== 'unchanged') changed++
        rows.push([objectName(o), state])
        core.info(`${objectName(o)} ${state}${inputs.dryRun ? ' (dry run)' : ''}`)
      }
    }
  )
  if (inputs.wait && !inputs.dryRun) await waitForWorkloads(client, objects, inputs.timeoutMs)
  setOutput('revision', '')
  setOutput('status', inputs.dryRun ? 'dry-run' : 'applied')
  setOutput('changed', String(changed > 0 && !inputs.dryRun))
  setOutput('images', JSON.stringify(imagesOf(objects)))
  setOutput('notes', '')
  await writeSummary(
    `### Applied ${objects.length} objects from \`${path.basename(inputs.manifests)}\`${inputs.dryRun ? ' (dry run)' : ''}\n\n${markdownTable(['Object', 'Result'], rows)}\n`
  )
}

/** This field manager's Apply entry of an object's managedFields (when and what it set). */
function appliedFields(object: KubeObject | undefined, manager: string): unknown {
  const fields = (
    object?.metadata as
      { managedFields?: Array<{ manager?: string; operation?: string }> } | undefined
  )?.managedFields
  return fields?.find(f => f.manager === manager && f.operation === 'Apply')
}

/** Watches the applied workloads (as verify does) until they roll out, naming what did not. */
async function waitForWorkloads(
  client: KubeClient,
  objects: ManifestObject[],
  timeoutMs: number
): Promise<void> {
  const names = objects
    .filter(o => (WORKLOAD_KINDS as readonly string[]).includes(o.kind))
    .map(o => ({ kind: o.kind as WorkloadKind, namespace: o.namespace || 'default', name: o.name }))
  if (names.length === 0) return
  const result = await core.group(`Waiting for ${names.length} workloads`, () =>
    waitForRollout(client, { names }, { timeoutMs })
  )
  if (!result.ready) {
    const pending = result.workloads
      .filter(w => !w.done)
      .map(w => `${w.kind} ${w.namespace}/${w.name} (${w.error ?? w.message})`)
    throw new Error(
      `Not ready after ${Math.round(timeoutMs / 1000)}s: ${pending.join('; ') || result.reason}`
    )
  }
}
