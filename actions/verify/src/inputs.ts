import { validateNamespace, validateReleaseName } from '../../../src/kube/names'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../../src/core/errors'
import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'
import {
  ChecklistLevels,
  RULE_LEVELS,
  RuleLevel,
  parseChecklistLevels
} from '../../../src/kube/checklist'
import { WORKLOAD_KINDS, WorkloadKind, WorkloadTarget } from '../../../src/kube/rollout'
import { SmokeCheck, parseChecks } from '../../../src/verify/smoke'

export interface VerifyInputs {
  kubeconfig: string
  context: string
  release: string
  /** Namespace of the Helm release record (helm -n). */
  namespace: string
  target: WorkloadTarget
  timeoutMs: number
  checks: SmokeCheck[]
  smokeTimeoutMs: number
  ca?: string
  insecureSkipTlsVerify: boolean
  checklist: ChecklistLevels
  rollbackOnFailure: boolean
  rollbackTimeoutMs: number
  helm: string
  helmVersion: 'auto' | '3' | '4'
}

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|x-auth-token)$/i

function positiveDuration(inputs: Inputs, name: string, fallback: string): number {
  const ms = inputs.duration(name, fallback)
  if (ms <= 0)
    throw new InputError(name, inputs.raw(name), 'a positive duration such as 90s, 5m or 1h30m')
  return ms
}

function parseWorkloads(lines: string[]): NonNullable<WorkloadTarget['names']> {
  return lines.map(line => {
    const m = /^([A-Za-z]+)\/([a-z0-9-]+)\/([a-z0-9.-]+)$/.exec(line)
    const kind = WORKLOAD_KINDS.find(k => k.toLowerCase() === m?.[1].toLowerCase())
    if (!m || !kind || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(m[2])) {
      throw new InputError(
        'workloads',
        line,
        'kind/namespace/name lines, kind one of Deployment, StatefulSet, DaemonSet (e.g. deployment/backend/api)'
      )
    }
    return { kind: kind as WorkloadKind, namespace: m[2], name: m[3] }
  })
}

/** Reads and validates every input before anything touches the cluster. */
export function readVerifyInputs(
  inputs = new Inputs(),
  workspace = process.env.GITHUB_WORKSPACE || process.cwd()
): VerifyInputs {
  const kubeconfig = inputs.raw('kubeconfig')
  const release = inputs.string('release')
  if (release) validateReleaseName(release)
  const namespace = validateNamespace(inputs.string('namespace', 'default'))
  const namespaces = inputs.list('namespaces')
  for (const ns of namespaces) validateNamespace(ns, 'namespaces')
  const names = parseWorkloads(inputs.lines('workloads'))
  const selector = inputs.string('selector', release ? `app.kubernetes.io/instance=${release}` : '')
  if (
    selector &&
    !/^[\w./-]+(\s*(=|==|!=)\s*[\w.-]*)?(\s*,\s*!?[\w./-]+(\s*(=|==|!=)\s*[\w.-]*)?)*$/.test(
      selector
    )
  ) {
    throw new InputError(
      'selector',
      selector,
      'a label selector such as app.kubernetes.io/instance=shop,tier=web'
    )
  }
  if (!selector && names.length === 0) {
    throw new InputError(
      'release',
      '',
      'a release name, a selector or workloads, to know what to verify'
    )
  }

  const timeoutMs = positiveDuration(inputs, 'timeout', '5m')
  const checks = parseChecks(inputs.raw('checks'))
  for (const check of checks) {
    for (const [name, value] of Object.entries(check.headers))
      if (SENSITIVE_HEADER.test(name)) maskSecret(value)
  }
  let ca: string | undefined = inputs.string('ca-cert') || undefined
  if (ca && !ca.includes('-----BEGIN')) {
    const file = path.resolve(workspace, ca)
    try {
      ca = readFileSync(file, 'utf8')
    } catch {
      throw new InputError(
        'ca-cert',
        ca,
        'PEM text (-----BEGIN CERTIFICATE-----...) or the path of a PEM file'
      )
    }
    if (!ca.includes('-----BEGIN'))
      throw new InputError('ca-cert', file, 'a PEM file (-----BEGIN CERTIFICATE-----...)')
  }
  const checklistDefault = inputs.enumOf<RuleLevel>('checklist-default', RULE_LEVELS, 'fail')
  const rollbackOnFailure = inputs.boolean('rollback-on-failure', false)
  if (rollbackOnFailure && !release)
    throw new InputError('release', '', 'the Helm release name when rollback-on-failure is true')
  return {
    kubeconfig,
    context: inputs.string('context'),
    release,
    namespace,
    target: {
      selector: names.length ? undefined : selector,
      namespaces,
      names: names.length ? names : undefined
    },
    timeoutMs,
    checks,
    smokeTimeoutMs: positiveDuration(inputs, 'smoke-timeout', '2m'),
    ca,
    insecureSkipTlsVerify: inputs.boolean('insecure-skip-tls-verify', false),
    checklist: parseChecklistLevels(inputs.raw('checklist'), checklistDefault),
    rollbackOnFailure,
    rollbackTimeoutMs: inputs.raw('rollback-timeout')
      ? positiveDuration(inputs, 'rollback-timeout', '5m')
      : timeoutMs,
    helm: inputs.string('helm'),
    helmVersion: inputs.enumOf('helm-version', ['auto', '3', '4'] as const, 'auto')
  }
}
