import { parseYaml } from '../../../src/core/yaml'
import { InputError } from '../../../src/core/errors'
import { Inputs } from '../../../src/core/inputs'
import { maskSecret } from '../../../src/core/secrets'
import { parseReference } from '../../../src/docker/reference'

export interface App {
  name: string
  context: string
  dockerfile: string
  /** KEY=value lines. */
  buildArgs: string[]
}

export interface PipelineInputs {
  apps: App[]
  registry: string
  imagePrefix: string
  username: string
  password: string
  buildArgs: string[]
  severity: string
  ignoreUnfixed: boolean
  trivyDbRepository: string
  trivyOffline: boolean
  scanChart: boolean
  chart: string
  release: string
  namespace: string
  valuesFiles: string
  set: string
  imageValuePath: string
  kubeconfig: string
  createSecrets: string
  deployTimeout: string
  smokeChecks: string
  checklist: string
  verifyTimeout: string
  rollbackOnFailure: boolean
}

const APPS_FORM =
  'a JSON or YAML list of {name, context, dockerfile?, build-args?}, name lowercase (a-z, 0-9, -)'
const APP_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_]*=/
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']

function safePath(input: string, value: string): string {
  if (value === '' || value.startsWith('-') || value.includes('\0'))
    throw new InputError(input, value, 'a path in the workspace')
  return value
}

/** Parses the `apps` input: a JSON or YAML list of apps (the reusable workflow's matrix). */
export function parseApps(text: string): App[] {
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch {
    throw new InputError('apps', text, APPS_FORM)
  }
  if (!Array.isArray(doc) || doc.length === 0) throw new InputError('apps', text, APPS_FORM)
  const seen = new Set<string>()
  return doc.map(entry => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw new InputError('apps', JSON.stringify(entry), APPS_FORM)
    const e = entry as Record<string, unknown>
    const name = String(e.name ?? '')
    if (!APP_NAME.test(name) || name.length > 63)
      throw new InputError('apps', JSON.stringify(entry), APPS_FORM)
    if (seen.has(name)) throw new InputError('apps', name, 'each app name once')
    seen.add(name)
    const context = safePath('apps', String(e.context ?? '.'))
    const dockerfile = safePath(
      'apps',
      String(e.dockerfile ?? `${context.replace(/\/$/, '')}/Dockerfile`)
    )
    const rawArgs = e['build-args'] ?? ''
    const buildArgs =
      typeof rawArgs === 'object' && rawArgs !== null
        ? Object.entries(rawArgs as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`)
        : String(rawArgs)
            .split('\n')
            .map(l => l.trim())
            .filter(Boolean)
    for (const arg of buildArgs)
      if (!KEY_VALUE.test(arg))
        throw new InputError('apps', arg, 'build-args as KEY=value lines or a mapping')
    return { name, context, dockerfile, buildArgs }
  })
}

export function readPipelineInputs(inputs = new Inputs()): PipelineInputs {
  const password = inputs.raw('password')
  maskSecret(password)
  const kubeconfig = inputs.raw('kubeconfig')
  maskSecret(kubeconfig)
  const createSecrets = inputs.raw('create-secrets')
  // actions/deploy masks each secret value; mask the whole text too, before anything logs.
  maskSecret(createSecrets)

  const apps = parseApps(inputs.required('apps', APPS_FORM))
  const registry = inputs.required('registry', 'a registry host[:port], e.g. ghcr.io')
  const imagePrefix = inputs.required(
    'image-prefix',
    'a lowercase repository path, e.g. my-org/my-app'
  )
  try {
    parseReference(`${registry}/${imagePrefix}/${apps[0].name}:x`)
  } catch (error) {
    throw new InputError(
      'image-prefix',
      `${registry}/${imagePrefix}`,
      `a registry host and lowercase repository path (${error instanceof Error ? error.message : String(error)})`
    )
  }
  const username = inputs.string('username')
  if (Boolean(username) !== Boolean(password))
    throw new InputError(
      'username',
      username,
      'both username and password, or neither (already logged in)'
    )
  const severity = inputs.string('severity', 'HIGH').toUpperCase()
  if (!SEVERITIES.includes(severity))
    throw new InputError('severity', severity, `one of ${SEVERITIES.join(', ')}`)
  const buildArgs = inputs.lines('build-args')
  for (const arg of buildArgs)
    if (!KEY_VALUE.test(arg)) throw new InputError('build-args', arg, 'KEY=value lines')

  return {
    apps,
    registry,
    imagePrefix,
    username,
    password,
    buildArgs,
    severity,
    ignoreUnfixed: inputs.boolean('ignore-unfixed', false),
    trivyDbRepository: inputs.string('trivy-db-repository'),
    trivyOffline: inputs.boolean('trivy-offline', false),
    scanChart: inputs.boolean('scan-chart', true),
    chart: safePath('chart', inputs.string('chart', 'k8s')),
    release: inputs.required('release', 'a Helm release name'),
    namespace: inputs.string('namespace', 'default'),
    valuesFiles: inputs.raw('values-files'),
    set: inputs.raw('set'),
    imageValuePath: inputs.string('image-value-path', '{app}.image'),
    kubeconfig,
    createSecrets,
    deployTimeout: inputs.string('deploy-timeout', '5m'),
    smokeChecks: inputs.raw('smoke-checks'),
    checklist: inputs.raw('checklist'),
    verifyTimeout: inputs.string('verify-timeout', '5m'),
    rollbackOnFailure: inputs.boolean('rollback-on-failure', true)
  }
}
