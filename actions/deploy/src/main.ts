import * as core from '../../../src/core/commands'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { imageSetStrings, readDeployInputs, type DeployInputs, type SecretSpec } from './inputs'
import { findHelm, Helm, type HelmBinary } from '../../../src/helm/helm'
import {
  diffManifestTexts,
  diffMarkdown,
  IMAGE_DOCUMENT,
  WORKLOAD_DOCUMENT,
  imagesOf,
  parseManifest,
  type ManifestObject,
  type ObjectChange
} from '../../../src/helm/manifest'
import {
  chartDigest,
  decodeReleaseSecret,
  FINGERPRINT_LABEL,
  releaseFingerprint,
  releaseRecords,
  type HelmRelease,
  type ReleaseRecord
} from '../../../src/helm/release'
import { KubeApiError, KubeClient, type KubeObject } from '../../../src/kube/api'
import {
  decodeKubeconfig,
  maskKubeconfig,
  removeKubeconfig,
  validateKubeconfig,
  writeKubeconfig
} from '../../../src/kube/kubeconfig'
import { ReadinessObserver, type Workload } from './readiness'
import { applyManifests } from './manifests'

/** Phase timings for step debug logs (ACTIONS_STEP_DEBUG): where a deploy's time goes. */
const phase = (name: string): void => core.debug(`[${Math.round(performance.now())} ms] ${name}`)

const KUBECONFIG_STATE = 'kubeconfig-file'
export const FIELD_MANAGER = 'k8s-stack-deploy'

/** Where the kubeconfig comes from: the input (written to a 0600 file) or the environment. */
async function connect(inputs: DeployInputs): Promise<{ client: KubeClient; file?: string }> {
  if (!inputs.kubeconfig) {
    const client = KubeClient.fromFile(undefined, inputs.context || undefined)
    return { client, file: process.env.KUBECONFIG?.split(path.delimiter)[0] }
  }
  const yaml = decodeKubeconfig(inputs.kubeconfig)
  maskKubeconfig(inputs.kubeconfig, yaml)
  const connection = validateKubeconfig(yaml, inputs.context)
  const file = await writeKubeconfig(yaml)
  core.saveState(KUBECONFIG_STATE, file)
  return { client: new KubeClient(connection), file }
}

export async function main(): Promise<void> {
  phase('start')
  const inputs = readDeployInputs()
  // Helm is looked up while we connect; a no-op never waits for it.
  const helmFound =
    inputs.mode === 'helm'
      ? findHelm({
          path: inputs.helm || undefined,
          prefer: inputs.helmVersion,
          extraCandidates: [process.env.K8S_STACK_HELM3 ?? '', process.env.K8S_STACK_HELM4 ?? '']
        })
      : undefined
  helmFound?.catch(() => undefined)
  const { client, file } = await connect(inputs)
  core.info(
    `Kubernetes API server ${client.connection.server} (context ${client.connection.context})`
  )
  phase('connected')
  try {
    if (inputs.mode === 'manifests') {
      await applyManifests(client, inputs, { kubeconfig: file, fieldManager: FIELD_MANAGER })
      return
    }
    await deployChart(client, inputs, file, helmFound as Promise<HelmBinary>)
  } finally {
    client.close()
  }
}

async function deployChart(
  client: KubeClient,
  inputs: DeployInputs,
  kubeconfig: string | undefined,
  helmFound: Promise<HelmBinary>
): Promise<void> {
  const helm = async (): Promise<Helm> => {
    const binary = await helmFound
    core.info(`Helm ${binary.version} (${binary.path})`)
    return new Helm(binary, {
      namespace: inputs.namespace,
      kubeconfig,
      context: inputs.context || undefined
    })
  }

  // A repository or OCI chart is pulled once: the same bytes are hashed, rendered and installed.
  let chart = inputs.chart
  let workDir: string | undefined
  if (/^oci:\/\//.test(chart) || !path.isAbsolute(chart)) {
    workDir = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'k8s-stack-chart-'))
    const h = await helm()
    await core.group(`helm pull ${chart}`, () =>
      h.pull(inputs.chart, workDir as string, inputs.chartVersion || undefined)
    )
    const pulled = readdirSync(workDir).find(f => f.endsWith('.tgz'))
    if (!pulled) throw new Error(`helm pull ${inputs.chart} produced no chart package`)
    chart = path.join(workDir, pulled)
  }
  try {
    await deployLocalChart(client, helm, inputs, chart)
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  }
}

async function readRecords(client: KubeClient, inputs: DeployInputs): Promise<ReleaseRecord[]> {
  let secrets
  try {
    secrets = await client.list('Secret', {
      namespace: inputs.namespace,
      labelSelector: `owner=helm,name=${inputs.release}`
    })
  } catch (error) {
    if (error instanceof KubeApiError && (error.status === 401 || error.status === 403)) {
      throw new Error(
        `The API server ${client.connection.server} refused to let the kubeconfig's user read release "${inputs.release}" in namespace "${inputs.namespace}" (${error.status} ${error.reason}): ${error.message}`
      )
    }
    throw error
  }
  return releaseRecords(secrets.items as Array<KubeObject & { data?: Record<string, string> }>)
}

async function deployLocalChart(
  client: KubeClient,
  getHelm: () => Promise<Helm>,
  inputs: DeployInputs,
  chart: string
): Promise<void> {
  const setString = [...inputs.setString, ...imageSetStrings(inputs.images, inputs.imageValuePath)]
  const values = { valuesFiles: inputs.valuesFiles, set: inputs.set, setString }
  // The release as stored now, read through the API (one request, no helm process).
  const recordsRead = readRecords(client, inputs)
  recordsRead.catch(() => undefined)
  const fingerprint = releaseFingerprint({
    chartDigest: chartDigest(chart),
    chartVersion: inputs.chartVersion,
    namespace: inputs.namespace,
    valuesFiles: inputs.valuesFiles.map(f => readFileSync(f, 'utf8')),
    set: inputs.set,
    setString
  })
  const records = await recordsRead
  phase('release read')
  const latest = records[0]
  const deployed = records.find(r => r.status === 'deployed')

  if (
    !inputs.dryRun &&
    latest &&
    latest.status === 'deployed' &&
    latest.labels[FINGERPRINT_LABEL] === fingerprint
  ) {
    const release = decodeReleaseSecret(latest.data)
    if (inputs.createSecrets.length) await applySecrets(client, inputs.createSecrets, false)
    core.info(
      `Release ${inputs.release} revision ${latest.revision} already runs this chart, these values and these images: nothing to do.`
    )
    await report(
      inputs,
      release,
      false,
      'No change: the deployed revision has the same chart, values and images (fingerprint ' +
        fingerprint.slice(0, 12) +
        ').'
    )
    return
  }

  // Not a no-op: what else decides the path, on the connection the read opened.
  const namespacesMissing = missing(client, [
    inputs.namespace,
    ...inputs.createSecrets.map(s => s.namespace)
  ])
  namespacesMissing.catch(() => undefined)
  // Field validation on the server is GA from 1.27; older servers keep Helm's own check.
  const fieldValidationKnown = client.serverVersion().then(
    v => v.major > 1 || (v.major === 1 && v.minor >= 27),
    () => false
  )
  const [helm, missingNamespaces] = await Promise.all([getHelm(), namespacesMissing])
  phase('helm found')
  const live = deployed ? (decodeReleaseSecret(deployed.data).manifest ?? '') : ''
  // What will change. An upgrade learns it from the manifest Helm applies (its JSON output, or
  // the failed revision's record), which costs no second render; a first install, or one that
  // must create namespaces, renders first to know which namespaces the chart will own.
  let next: ManifestObject[] | undefined
  let rendered: string | undefined
  if (!deployed || missingNamespaces.length) {
    rendered = await helm.template({
      release: inputs.release,
      chart,
      ...values,
      isUpgrade: Boolean(deployed)
    })
    next = parseManifest(rendered, inputs.namespace)
    phase('rendered')
  }
  const showChanges = (manifest: string) =>
    writeChanges(inputs, deployed?.revision, diffManifestTexts(live, manifest, inputs.namespace))
  const changesShown = rendered === undefined ? undefined : showChanges(rendered)

  await createNamespaces(client, inputs, missingNamespaces, next ?? [], inputs.dryRun)
  const workloads: Workload[] = (next ?? parseManifest(live, inputs.namespace, WORKLOAD_DOCUMENT))
    .filter(o => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map(o => ({
      kind: o.kind as Workload['kind'],
      namespace: o.namespace || inputs.namespace,
      name: o.name
    }))
  const observer = new ReadinessObserver(client, workloads)
  await Promise.all([
    changesShown,
    inputs.createSecrets.length
      ? applySecrets(client, inputs.createSecrets, inputs.dryRun)
      : undefined,
    !inputs.dryRun && (inputs.wait || inputs.atomic) ? observer.start() : undefined
  ])

  const serverValidatesFields = await fieldValidationKnown
  phase('upgrade')
  let release: HelmRelease
  let warnings: string[]
  try {
    ;({ release, warnings } = await core.group(
      `helm upgrade --install ${inputs.release}${inputs.dryRun ? ' (server-side dry run)' : ''}`,
      () =>
        helm.upgrade({
          release: inputs.release,
          chart,
          ...values,
          atomic: inputs.atomic,
          wait: inputs.wait,
          waitForJobs: inputs.waitForJobs,
          timeoutMs: inputs.timeoutMs,
          historyMax: inputs.historyMax,
          dryRun: inputs.dryRun,
          labels: { [FINGERPRINT_LABEL]: fingerprint },
          serverValidatesFields
        })
    ))
  } catch (error) {
    await observer.stop()
    const after = await readRecords(client, inputs).catch(() => undefined)
    // Helm's lock: another deploy holds the release, and the newer revision is that one's.
    const locked = /another operation .* is in progress/.test(String(error))
    // Otherwise the revision this deploy stored (failed, or rolled back from) holds what it tried.
    const attempted = locked
      ? undefined
      : after
          ?.filter(r => r.revision > (latest?.revision ?? 0))
          .sort((a, b) => a.revision - b.revision)[0]
    if (rendered === undefined && attempted) {
      await showChanges(decodeReleaseSecret(attempted.data).manifest ?? '')
    }
    throw failure(inputs, error, locked, observer, records, after)
  }
  phase('upgraded')
  for (const warning of warnings)
    core.warning(`API server, release ${inputs.release}: ${warning}`, { title: 'helm upgrade' })
  await observer.stop()
  if (rendered === undefined) await showChanges(release.manifest ?? '')
  await report(inputs, release, true, undefined)
  phase('reported')
}

/** The diff of a deploy, in the log (one line) and the job summary (a table). */
async function writeChanges(
  inputs: DeployInputs,
  fromRevision: number | undefined,
  changes: ObjectChange[]
): Promise<void> {
  core.info(
    `Changes: ${changes.length ? changes.map(c => `${c.change} ${c.object}`).join(', ') : 'none to objects (values or labels only)'}`
  )
  await writeSummary(
    `### ${inputs.dryRun ? 'Dry run: ' : ''}changes to release \`${inputs.release}\` (${fromRevision ? `from revision ${fromRevision}` : 'new install'})\n\n${diffMarkdown(changes)}\n`
  )
}

/** One line: Helm's own words, what did not become ready, and where the release stands now. */
function failure(
  inputs: DeployInputs,
  error: unknown,
  locked: boolean,
  observer: ReadinessObserver,
  before: ReleaseRecord[],
  after: ReleaseRecord[] | undefined
): Error {
  const helmLine = error instanceof Error ? error.message : String(error)
  const notReady = observer.notReady()
  const parts = [
    `Deploy of release "${inputs.release}" in namespace "${inputs.namespace}" failed: ${helmLine}`
  ]
  if (notReady.length)
    parts.push(`Not ready: ${notReady.map(s => `${s.object} (${s.detail})`).join('; ')}`)
  // Where the release stands; nothing more is said when the API could not be read.
  const current = after?.find(r => r.status === 'deployed')
  const previous = before.find(r => r.status === 'deployed')?.revision
  if (locked) {
    parts.push(
      'Another deploy of this release is running; this one changed nothing. Retry when it ends (or serialize deploys with a concurrency group)'
    )
  } else if (current && before[0] && current.revision !== previous) {
    parts.push(`Rolled back: revision ${current.revision} now runs what revision ${previous} ran`)
  } else if (current) {
    parts.push(`Revision ${current.revision} is still the deployed one`)
  } else if (after?.length === 0) {
    parts.push('Nothing was left installed')
  }
  setOutput('changed', 'false')
  return new Error(`${parts.join('. ')}.`)
}

async function report(
  inputs: DeployInputs,
  release: HelmRelease,
  changed: boolean,
  note?: string
): Promise<void> {
  const images = imagesOf(parseManifest(release.manifest ?? '', inputs.namespace, IMAGE_DOCUMENT))
  setOutput('revision', String(release.version))
  setOutput('status', release.info?.status ?? 'unknown')
  setOutput('changed', String(changed && !inputs.dryRun))
  setOutput('images', JSON.stringify(images))
  setOutput('notes', release.info?.notes ?? '')
  const rows = Object.entries(images).flatMap(([object, containers]) =>
    Object.entries(containers).map(([c, image]) => [object, c, image])
  )
  await writeSummary(
    [
      `### ${inputs.dryRun ? 'Dry run of' : changed ? 'Deployed' : 'Unchanged'} release \`${release.name}\` revision ${release.version}: ${release.info?.status ?? 'unknown'}`,
      note ? `\n${note}\n` : '',
      rows.length ? markdownTable(['Object', 'Container', 'Image'], rows) : '',
      ''
    ].join('\n')
  )
}

/** The namespaces of `names` that do not exist. */
async function missing(client: KubeClient, names: string[]): Promise<string[]> {
  const unique = [...new Set(names)]
  const found = await Promise.all(unique.map(name => client.find('Namespace', name)))
  return unique.filter((_, i) => !found[i])
}

/**
 * Creates the release namespace and the create-secrets namespaces when missing. A namespace
 * the chart itself renders gets Helm's ownership metadata, so Helm adopts it instead of
 * failing on "exists and cannot be imported into the current release".
 */
async function createNamespaces(
  client: KubeClient,
  inputs: DeployInputs,
  names: string[],
  next: ManifestObject[],
  dryRun: boolean
): Promise<void> {
  const rendered = new Set(next.filter(o => o.kind === 'Namespace').map(o => o.name))
  for (const name of names) {
    const owned = rendered.has(name)
    core.info(
      `Creating namespace ${name}${owned ? ' (adopted by the release)' : ''}${dryRun ? ' (dry run)' : ''}`
    )
    await client.apply(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          ...(owned
            ? {
                labels: { 'app.kubernetes.io/managed-by': 'Helm' },
                annotations: {
                  'meta.helm.sh/release-name': inputs.release,
                  'meta.helm.sh/release-namespace': inputs.namespace
                }
              }
            : {})
        }
      },
      { fieldManager: FIELD_MANAGER, dryRun }
    )
  }
}

/** Server-side applies each Secret: values travel in a request body, never in argv or a log. */
async function applySecrets(
  client: KubeClient,
  secrets: SecretSpec[],
  dryRun: boolean
): Promise<void> {
  await core.group('Secrets', async () => {
    for (const secret of secrets) {
      if (!(await client.find('Namespace', secret.namespace))) {
        await client.apply(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: secret.namespace } },
          { fieldManager: FIELD_MANAGER, dryRun }
        )
      }
      await client.apply(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: {
            name: secret.name,
            namespace: secret.namespace,
            labels: { 'app.kubernetes.io/managed-by': 'k8s-stack-deploy' }
          },
          type: 'Opaque',
          data: Object.fromEntries(
            Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])
          )
        },
        { fieldManager: FIELD_MANAGER, force: true, dryRun }
      )
      core.info(
        `Secret ${secret.namespace}/${secret.name}: ${Object.keys(secret.data).join(', ')} ${dryRun ? '(dry run)' : 'applied'}`
      )
    }
  })
}

/** The post step removes the kubeconfig main wrote. */
export async function post(): Promise<void> {
  removeKubeconfig(core.getState(KUBECONFIG_STATE))
}
