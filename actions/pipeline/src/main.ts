import * as core from '../../../src/core/commands'
import { exec } from '../../../src/core/exec'
import { markdownTable, setOutput, writeSummary } from '../../../src/core/summary'
import { runChildAction, type ChildRun } from './child-action'
import { readPipelineInputs, type PipelineInputs } from './inputs'

/** A failed phase: the child action already printed its own error; this names the phase. */
class PhaseError extends Error {}

interface Row {
  app: string
  image: string
  scan: string
  ref: string
}

export interface SourceRevision {
  created: string
  revision: string
}

/**
 * The last commit of an app's own sources: its time and sha label the image instead of the
 * build time and HEAD, so the same app source builds the same digest (a rerun is a no-op).
 */
export async function sourceRevision(
  paths: string[],
  cwd = process.env.GITHUB_WORKSPACE || process.cwd()
): Promise<SourceRevision | undefined> {
  const result = await exec('git', ['log', '-1', '--format=%cI%n%H', '--', ...paths], {
    cwd,
    stream: false,
    timeoutMs: 30_000
  }).catch(() => undefined)
  const [created, revision] = (result?.exitCode === 0 ? result.stdout.trim() : '').split('\n')
  return created && revision ? { created, revision } : undefined
}

/** The run-unique tag every image is pushed with (as the reusable workflow does). */
export function runTag(env: NodeJS.ProcessEnv = process.env): string {
  return `run-${env.GITHUB_RUN_ID || Date.now()}-${env.GITHUB_RUN_ATTEMPT || '1'}`
}

/** The inputs of each phase's action, from the pipeline's: pure, so tests can read them. */
export function phaseInputs(inputs: PipelineInputs, tag: string) {
  const imageOf = (name: string) => `${inputs.registry}/${inputs.imagePrefix}/${name}`
  const gate = {
    'fail-on': inputs.severity,
    'ignore-unfixed': String(inputs.ignoreUnfixed),
    format: 'json,sarif'
  }
  return {
    build: (app: PipelineInputs['apps'][number], source?: SourceRevision) => ({
      context: app.context,
      file: app.dockerfile,
      image: imageOf(app.name),
      tags: `${imageOf(app.name)}:${tag}`,
      'build-args': [...inputs.buildArgs, ...app.buildArgs].join('\n'),
      labels: source
        ? `org.opencontainers.image.created=${source.created}\norg.opencontainers.image.revision=${source.revision}`
        : '',
      load: 'true',
      push: 'false'
    }),
    scanImage: (imageRef: string) => ({
      ...gate,
      'scan-type': 'image',
      'image-ref': imageRef,
      'db-repository': inputs.trivyDbRepository,
      'offline-scan': String(inputs.trivyOffline),
      'skip-java-db-update': String(inputs.trivyOffline)
    }),
    scanConfig: (scanRef: string) => ({
      ...gate,
      'scan-type': 'config',
      'scan-ref': scanRef,
      'skip-check-update': String(inputs.trivyOffline)
    }),
    push: (tags: string) => ({ tags, username: inputs.username, password: inputs.password }),
    deploy: (images: string[]) => ({
      chart: inputs.chart,
      release: inputs.release,
      namespace: inputs.namespace,
      'values-files': inputs.valuesFiles,
      set: inputs.set,
      images: images.join('\n'),
      'image-value-path': inputs.imageValuePath,
      kubeconfig: inputs.kubeconfig,
      'create-secrets': inputs.createSecrets,
      timeout: inputs.deployTimeout,
      atomic: 'true'
    }),
    verify: () => ({
      release: inputs.release,
      namespace: inputs.namespace,
      kubeconfig: inputs.kubeconfig,
      checks: inputs.smokeChecks,
      checklist: inputs.checklist,
      timeout: inputs.verifyTimeout,
      'rollback-on-failure': String(inputs.rollbackOnFailure)
    })
  }
}

async function phase(
  title: string,
  action: string,
  inputs: Record<string, string>,
  posts?: Array<() => Promise<void>>
): Promise<ChildRun> {
  core.info(`\n▶ k8s-stack pipeline: ${title}`)
  const started = Date.now()
  const result = await runChildAction(action, inputs)
  // The post step (push: logout, deploy: remove the kubeconfig) runs when the chain ends.
  if (posts && Object.keys(result.state).length > 0) {
    posts.push(async () => {
      const post = await runChildAction(action, {}, { state: result.state })
      if (post.exitCode !== 0)
        core.warning(`The ${action} action's clean-up step failed (exit ${post.exitCode}).`)
    })
  }
  if (result.exitCode !== 0)
    throw new PhaseError(`k8s-stack pipeline stopped at "${title}" (its error is above)`)
  core.info(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)}s)`)
  return result
}

export async function main(): Promise<void> {
  const inputs = readPipelineInputs()
  const tag = runTag()
  const p = phaseInputs(inputs, tag)
  const posts: Array<() => Promise<void>> = []
  const rows: Row[] = []
  try {
    // Every app is built and scanned before anything is pushed: one failed scan, no push.
    const built: Array<{ app: string; tags: string }> = []
    for (const app of inputs.apps) {
      const build = await phase(
        `build ${app.name}`,
        'build',
        p.build(app, await sourceRevision([app.context, app.dockerfile]))
      )
      const image = build.outputs.image
      const scan = await phase(`scan the ${app.name} image`, 'scan', p.scanImage(image))
      await phase(`scan the ${app.name} Dockerfile`, 'scan', p.scanConfig(app.dockerfile))
      built.push({ app: app.name, tags: build.outputs.tags })
      rows.push({ app: app.name, image, scan: scan.outputs.result ?? '', ref: '' })
    }
    if (inputs.scanChart)
      await phase(`scan the chart ${inputs.chart}`, 'scan', p.scanConfig(inputs.chart))

    const images: string[] = []
    for (const { app, tags } of built) {
      const push = await phase(`push ${app}`, 'push', p.push(tags), posts)
      images.push(`${app}=${push.outputs.ref}`)
      const row = rows.find(r => r.app === app)
      if (row) row.ref = push.outputs.ref
    }
    setOutput('images', images.join('\n'))

    const deploy = await phase(`deploy ${inputs.release}`, 'deploy', p.deploy(images), posts)
    setOutput('changed', deploy.outputs.changed ?? '')
    setOutput('revision', deploy.outputs.revision ?? '')

    const verify = await phase('verify (rolls back on failure)', 'verify', p.verify())
    setOutput('verify-result', verify.outputs.result ?? '')
    if (verify.outputs.revision) setOutput('revision', verify.outputs.revision)
    await writeSummary(
      [
        `### 🚀 k8s-stack pipeline: ${inputs.release} ${deploy.outputs.changed === 'false' ? 'unchanged (no-op deploy)' : `revision ${deploy.outputs.revision ?? ''}`}, verified`,
        markdownTable(
          ['App', 'Scan', 'Deployed by digest'],
          rows.map(r => [r.app, r.scan, `\`${r.ref}\``])
        ),
        ''
      ].join('\n')
    )
  } finally {
    for (const post of posts.reverse()) await post()
  }
}
