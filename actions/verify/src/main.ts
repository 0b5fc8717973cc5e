import * as core from '../../../src/core/commands'
import path from 'node:path'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { findHelm, Helm } from '../../../src/helm/helm'
import { KubeClient } from '../../../src/kube/api'
import {
  auditChecklist,
  CHECKLIST_RULES,
  fetchLiveObjects,
  RULE_NAMES,
  type Violation
} from '../../../src/kube/checklist'
import {
  decodeKubeconfig,
  maskKubeconfig,
  removeKubeconfig,
  validateKubeconfig,
  writeKubeconfig
} from '../../../src/kube/kubeconfig'
import {
  describeTarget,
  diagnose,
  formatDiagnosis,
  waitForRollout,
  type Diagnosis,
  type RolloutResult
} from '../../../src/kube/rollout'
import { describeResult, runChecks, type SmokeResult } from '../../../src/verify/smoke'
import { readVerifyInputs, type VerifyInputs } from './inputs'

/** One failed check, as the failed-checks output lists it. */
export interface FailedCheck {
  kind: 'rollout' | 'smoke' | 'checklist' | 'rollback'
  name: string
  object: string
  message: string
}

interface Revision {
  version: number
  status: string
}

/** The release's revisions from Helm's own records (Secrets labelled owner=helm), newest last. */
async function releaseRevisions(
  client: KubeClient,
  namespace: string,
  release: string
): Promise<Revision[]> {
  const list = await client.list('Secret', {
    namespace,
    labelSelector: `owner=helm,name=${release}`
  })
  return list.items
    .map(s => ({
      version: Number(s.metadata.labels?.version ?? 0),
      status: s.metadata.labels?.status ?? ''
    }))
    .filter(r => r.version > 0)
    .sort((a, b) => a.version - b.version)
}

async function connect(inputs: VerifyInputs): Promise<{ client: KubeClient; yaml?: string }> {
  if (!inputs.kubeconfig)
    return { client: KubeClient.fromFile(undefined, inputs.context || undefined) }
  const yaml = decodeKubeconfig(inputs.kubeconfig)
  maskKubeconfig(inputs.kubeconfig, yaml)
  return { client: new KubeClient(validateKubeconfig(yaml, inputs.context)), yaml }
}

async function watchRollout(
  client: KubeClient,
  inputs: VerifyInputs,
  timeoutMs: number
): Promise<{ result: RolloutResult; diagnoses: Diagnosis[] }> {
  core.info(`Watching ${describeTarget(inputs.target)} (timeout ${Math.round(timeoutMs / 1000)}s)`)
  const result = await waitForRollout(client, inputs.target, {
    timeoutMs,
    onProgress: s => core.info(`${s.kind} ${s.namespace}/${s.name}: ${s.error ?? s.message}`)
  })
  if (result.ready) {
    core.info(
      `All ${result.workloads.length} workloads ready after ${(result.elapsedMs / 1000).toFixed(1)}s`
    )
    return { result, diagnoses: [] }
  }
  core.info(`Not ready: ${result.reason}`)
  const diagnoses = await diagnose(
    client,
    result.workloads.filter(w => !w.done)
  )
  for (const d of diagnoses) for (const line of formatDiagnosis(d)) core.info(line)
  return { result, diagnoses }
}

function rolloutFailures(result: RolloutResult): FailedCheck[] {
  if (result.ready) return []
  const notReady = result.workloads.filter(w => !w.done)
  if (notReady.length === 0)
    return [{ kind: 'rollout', name: 'rollout', object: '', message: result.reason ?? 'not ready' }]
  return notReady.map(w => ({
    kind: 'rollout',
    name: 'rollout',
    object: `${w.kind} ${w.namespace}/${w.name}`,
    message: `${w.error ?? w.message} (${result.reason})`
  }))
}

export async function main(): Promise<void> {
  const inputs = readVerifyInputs()
  const { client, yaml } = await connect(inputs)
  let kubeconfigFile: string | undefined
  try {
    // Rollout: watch until every workload is ready, or explain why not.
    const rollout = await core.group('Rollout', () =>
      watchRollout(client, inputs, inputs.timeoutMs)
    )
    const failed: FailedCheck[] = rolloutFailures(rollout.result)

    // Checklist on the live objects the watch saw.
    let violations: Violation[] = []
    if (
      RULE_NAMES.some(r => inputs.checklist[r] !== 'off') &&
      rollout.result.workloads.some(w => w.object)
    ) {
      violations = await core.group('Production checklist', async () => {
        const workloads = rollout.result.workloads
          .filter(w => w.object)
          .map(w => ({ kind: w.kind, object: w.object! }))
        const live = await fetchLiveObjects(client, workloads, {
          selector: inputs.target.selector,
          namespaces: inputs.target.namespaces
        })
        const found = auditChecklist(live, inputs.checklist)
        for (const v of found) core.info(`${v.level}: [${v.rule}] ${v.object}: ${v.message}`)
        if (found.length === 0) core.info('Every rule passed')
        return found
      })
    }
    for (const v of violations) {
      if (v.level === 'fail')
        failed.push({ kind: 'checklist', name: v.rule, object: v.object, message: v.message })
      else core.warning(`Production checklist [${v.rule}] ${v.object}: ${v.message}`)
    }

    // Smoke checks (only against a rollout that is ready: anything else tests the old pods).
    let smoke: SmokeResult[] = []
    if (inputs.checks.length && rollout.result.ready) {
      smoke = await core.group('Smoke checks', async () => {
        const results = await runChecks(inputs.checks, {
          deadlineMs: inputs.smokeTimeoutMs,
          ca: inputs.ca,
          insecureSkipTlsVerify: inputs.insecureSkipTlsVerify,
          client
        })
        for (const r of results)
          core.info(`${r.ok ? 'pass' : 'FAIL'} ${r.name}: ${describeResult(r)}`)
        return results
      })
    }
    for (const r of smoke.filter(s => !s.ok))
      failed.push({ kind: 'smoke', name: r.name, object: r.target, message: describeResult(r) })
    for (const f of failed) core.error(`${f.kind} ${f.object ? `${f.object}: ` : ''}${f.message}`)

    // Rollback to the previous revision when anything failed.
    let rolledBack:
      { from: number; to: number; now: number; ready: boolean; reason?: string } | undefined
    let rollbackError: string | undefined
    if (failed.length && inputs.rollbackOnFailure) {
      try {
        if (yaml) kubeconfigFile = await writeKubeconfig(yaml)
        rolledBack = await core.group(`Roll back ${inputs.release}`, () =>
          rollback(client, inputs, kubeconfigFile)
        )
      } catch (error) {
        rollbackError = error instanceof Error ? error.message : String(error)
        core.error(`Rollback failed: ${rollbackError}`)
      }
    }

    const revisions = inputs.release
      ? await releaseRevisions(client, inputs.namespace, inputs.release).catch(() => [])
      : []
    const current =
      revisions.filter(r => r.status === 'deployed').pop() ?? revisions[revisions.length - 1]
    const warnings = violations.filter(v => v.level === 'warn').length
    const result = failed.length ? 'fail' : warnings ? 'warn' : 'pass'
    setOutput('result', result)
    setOutput('failed-checks', JSON.stringify(failed))
    setOutput('rolled-back', String(Boolean(rolledBack)))
    setOutput('revision', current ? String(current.version) : '')

    await writeSummary(
      summary(inputs, rollout, violations, smoke, failed, rolledBack, rollbackError)
    )

    if (failed.length) {
      const what = failed.map(f => `${f.kind} ${f.object || f.message}`).join('; ')
      const rb = rolledBack
        ? ` Rolled back ${inputs.release} from revision ${rolledBack.from} to revision ${rolledBack.to} (now revision ${rolledBack.now}), which ${rolledBack.ready ? 'is ready' : `is NOT ready: ${rolledBack.reason}`}.`
        : rollbackError
          ? ` Rollback failed: ${rollbackError}`
          : ''
      throw new Error(
        `Verification failed: ${failed.length} check${failed.length === 1 ? '' : 's'} failed (${what}).${rb}`
      )
    }
    core.info(
      `Verified${warnings ? ` with ${warnings} checklist warning${warnings === 1 ? '' : 's'}` : ''}`
    )
  } finally {
    client.close()
    if (kubeconfigFile) removeKubeconfig(kubeconfigFile)
  }
}

async function rollback(
  client: KubeClient,
  inputs: VerifyInputs,
  kubeconfigFile: string | undefined
): Promise<{ from: number; to: number; now: number; ready: boolean; reason?: string }> {
  const revisions = await releaseRevisions(client, inputs.namespace, inputs.release)
  const current = revisions[revisions.length - 1]
  if (!current)
    throw new Error(`release ${inputs.release} has no revisions in namespace ${inputs.namespace}`)
  const previous = revisions
    .filter(
      r => r.version < current.version && (r.status === 'superseded' || r.status === 'deployed')
    )
    .pop()
  if (!previous)
    throw new Error(
      `release ${inputs.release} has no previous revision to roll back to (current revision ${current.version})`
    )
  const binary = await findHelm({
    path: inputs.helm || undefined,
    prefer: inputs.helmVersion,
    extraCandidates: [process.env.K8S_STACK_HELM3 ?? '', process.env.K8S_STACK_HELM4 ?? '']
  })
  const file = kubeconfigFile ?? process.env.KUBECONFIG?.split(path.delimiter)[0]
  const helm = new Helm(binary, {
    namespace: inputs.namespace,
    kubeconfig: file,
    context: inputs.context || undefined
  })
  core.info(`helm rollback ${inputs.release} ${previous.version} (Helm ${binary.version})`)
  // No --wait: the watcher below reports readiness (and why not) the same way as the first rollout.
  await helm.rollback({
    release: inputs.release,
    revision: previous.version,
    wait: false,
    waitForJobs: false,
    timeoutMs: inputs.rollbackTimeoutMs
  })
  const { result } = await watchRollout(client, inputs, inputs.rollbackTimeoutMs)
  const after = await releaseRevisions(client, inputs.namespace, inputs.release)
  return {
    from: current.version,
    to: previous.version,
    now: after[after.length - 1]?.version ?? current.version + 1,
    ready: result.ready,
    reason: result.reason
  }
}

function summary(
  inputs: VerifyInputs,
  rollout: { result: RolloutResult; diagnoses: Diagnosis[] },
  violations: Violation[],
  smoke: SmokeResult[],
  failed: FailedCheck[],
  rolledBack:
    { from: number; to: number; now: number; ready: boolean; reason?: string } | undefined,
  rollbackError: string | undefined
): string {
  const icon = failed.length ? '❌' : violations.length ? '⚠️' : '✅'
  const parts = [`### ${icon} Verify ${inputs.release || describeTarget(inputs.target)}`, '']
  parts.push('#### Rollout', '')
  parts.push(
    markdownTable(
      ['Object', 'Ready', 'Status'],
      rollout.result.workloads.map(w => [
        `${w.kind} ${w.namespace}/${w.name}`,
        w.done ? '✅' : '❌',
        w.error ?? w.message
      ])
    )
  )
  if (!rollout.result.ready) parts.push('', `Not ready: ${rollout.result.reason}`)
  for (const d of rollout.diagnoses) parts.push('', '```', ...formatDiagnosis(d), '```')

  parts.push('', '#### Production checklist', '')
  const off = RULE_NAMES.filter(r => inputs.checklist[r] === 'off')
  if (violations.length) {
    parts.push(
      markdownTable(
        ['Rule', 'Level', 'Object', 'Finding'],
        violations.map(v => [v.rule, v.level, v.object, v.message])
      )
    )
  } else {
    parts.push(
      rollout.result.workloads.some(w => w.object)
        ? 'Every rule passed.'
        : 'Not run (no workloads found).'
    )
  }
  if (off.length) parts.push('', `Off: ${off.map(r => `${r} (${CHECKLIST_RULES[r]})`).join(', ')}`)

  parts.push('', '#### Smoke checks', '')
  if (smoke.length) {
    parts.push(
      markdownTable(
        ['Check', 'Request', 'Expected', 'Got', 'Attempts', 'Result'],
        smoke.map(s => [
          s.name,
          `${s.method} ${s.target}`,
          s.expected,
          s.got,
          s.attempts,
          s.ok ? '✅' : '❌'
        ])
      )
    )
  } else {
    parts.push(inputs.checks.length ? 'Not run: the rollout is not ready.' : 'None configured.')
  }

  if (rolledBack || rollbackError) {
    parts.push('', '#### Rollback', '')
    parts.push(
      rolledBack
        ? markdownTable(
            ['Release', 'From revision', 'To revision', 'New revision', 'Ready'],
            [
              [
                inputs.release,
                rolledBack.from,
                rolledBack.to,
                rolledBack.now,
                rolledBack.ready ? '✅' : `❌ ${rolledBack.reason ?? ''}`
              ]
            ]
          )
        : `Rollback failed: ${rollbackError}`
    )
  }
  return parts.join('\n') + '\n'
}
