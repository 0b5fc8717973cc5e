// The workflows and action metadata against actionlint and zizmor (both must report
// nothing), and the hygiene rules the pipeline promises, checked on the YAML itself.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import { repoRoot } from '../../support/run-action'

const WORKFLOWS = path.join(repoRoot, '.github', 'workflows')
const workflowFiles = readdirSync(WORKFLOWS).filter(f => f.endsWith('.yml'))
type Step = {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
}
type Job = {
  permissions?: Record<string, string>
  steps?: Step[]
  environment?: unknown
  concurrency?: { group: string }
  uses?: string
}
const workflows = Object.fromEntries(
  workflowFiles.map(f => [
    f,
    YAML.parse(readFileSync(path.join(WORKFLOWS, f), 'utf8')) as {
      permissions?: unknown
      jobs: Record<string, Job>
    }
  ])
)

/** actionlint: K8S_STACK_ACTIONLINT, else sandbox/tools.sh builds the pinned one. */
function actionlint(): string {
  if (process.env.K8S_STACK_ACTIONLINT && existsSync(process.env.K8S_STACK_ACTIONLINT))
    return process.env.K8S_STACK_ACTIONLINT
  execFileSync('bash', [path.join(repoRoot, 'sandbox', 'tools.sh'), 'actionlint'], {
    stdio: 'inherit'
  })
  const dir = execFileSync(
    'bash',
    [path.join(repoRoot, 'sandbox', 'tools.sh'), 'path', 'actionlint'],
    { encoding: 'utf8' }
  ).trim()
  return path.join(dir, 'actionlint')
}

describe('linters', () => {
  let zizmor = ''
  beforeAll(() => {
    zizmor = execFileSync('bash', [path.join(repoRoot, 'scripts', 'ensure-zizmor.sh')], {
      encoding: 'utf8'
    })
      .trim()
      .split('\n')
      .pop() as string
  }, 10 * 60_000)

  it(
    'actionlint reports nothing',
    () => {
      const r = spawnSync(
        actionlint(),
        ['-color=false', ...workflowFiles.map(f => path.join('.github', 'workflows', f))],
        {
          cwd: repoRoot,
          encoding: 'utf8'
        }
      )
      expect(r.stdout + r.stderr).toBe('')
      expect(r.status).toBe(0)
    },
    60 * 60_000
  )

  it('zizmor (offline) reports nothing on the workflows and every action.yml', () => {
    const actions = [
      'action.yml',
      ...['build', 'push', 'scan', 'deploy', 'verify'].map(n => `${n}/action.yml`)
    ].filter(f => existsSync(path.join(repoRoot, f)))
    const r = spawnSync(
      zizmor,
      ['--offline', '--no-progress', '--format', 'plain', '.github/workflows', ...actions],
      {
        cwd: repoRoot,
        encoding: 'utf8'
      }
    )
    expect({ status: r.status, out: r.stdout }).toEqual({
      status: 0,
      out: expect.stringContaining('No findings to report')
    })
  })
})

describe('workflow hygiene', () => {
  const allSteps = Object.entries(workflows).flatMap(([file, wf]) =>
    Object.entries(wf.jobs).flatMap(([job, j]) =>
      (j.steps ?? []).map(step => ({ file, job, step }))
    )
  )

  it('third-party actions are pinned by a full commit SHA (a tag is not a pin)', () => {
    const uses = allSteps
      .map(s => s.step.uses)
      .filter(
        (u): u is string => !!u && !u.startsWith('./') && !u.startsWith('k8s-stack/k8s-stack')
      )
    expect(uses.length).toBeGreaterThan(0)
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
  })

  it("k8s-stack's own actions are referenced as k8s-stack/k8s-stack/<path>@v1 and exist here", () => {
    const own = allSteps
      .map(s => s.step.uses)
      .filter((u): u is string => !!u && u.startsWith('k8s-stack/'))
    expect(own.length).toBeGreaterThan(0)
    for (const u of own) {
      const m = /^k8s-stack\/k8s-stack\/([\w/-]+)@v1$/.exec(u)
      expect(m).not.toBeNull()
      expect(existsSync(path.join(repoRoot, (m as RegExpExecArray)[1], 'action.yml'))).toBe(true)
    }
  })

  it('no expression is interpolated into a run: script', () => {
    for (const { file, job, step } of allSteps) {
      if (step.run)
        expect({ at: `${file} ${job} ${step.name ?? ''}`, run: step.run }).toEqual({
          at: expect.any(String),
          run: expect.not.stringContaining('${{')
        })
    }
  })

  it('permissions: none at the top, least privilege per job, security-events only beside a SARIF upload', () => {
    for (const [file, wf] of Object.entries(workflows)) {
      expect({ file, permissions: wf.permissions }).toEqual({ file, permissions: {} })
      for (const [name, job] of Object.entries(wf.jobs)) {
        expect({ file, name, has: job.permissions !== undefined }).toEqual({
          file,
          name,
          has: true
        })
        const uploads = (job.steps ?? []).some(s =>
          s.uses?.startsWith('github/codeql-action/upload-sarif@')
        )
        const calls = job.uses !== undefined
        if (!calls)
          expect({
            file,
            name,
            securityEvents: job.permissions?.['security-events'] === 'write'
          }).toEqual({ file, name, securityEvents: uploads })
      }
    }
  })

  it('the deploy job has an environment and one concurrency group per environment', () => {
    const deploy = workflows['pipeline.yml'].jobs.deploy
    expect(deploy.environment).toEqual({ name: '${{ inputs.environment }}' })
    expect(deploy.concurrency).toEqual({
      group: 'k8s-stack-deploy-${{ inputs.environment }}',
      'cancel-in-progress': false
    })
  })

  // actions/checkout is the exception: act never clones it, it copies the local working tree.
  it('steps that need GitHub (SARIF upload) are skipped under act, and say so', () => {
    for (const [name, job] of Object.entries(workflows['pipeline.yml'].jobs)) {
      const steps = job.steps ?? []
      const githubOnly = steps.filter(
        s => s.uses && !s.uses.startsWith('k8s-stack/') && !s.uses.startsWith('actions/checkout@')
      )
      if (githubOnly.length === 0) continue
      for (const s of githubOnly)
        expect({ name, step: s.name, if: s.if }).toEqual({
          name,
          step: s.name,
          if: expect.stringContaining('!env.ACT')
        })
      const notices = steps.filter(
        s =>
          s.if?.includes('env.ACT') && !s.if.includes('!env.ACT') && /under act/i.test(s.run ?? '')
      )
      expect({ name, notices: notices.length > 0 }).toEqual({ name, notices: true })
    }
  })

  it('push runs only after both scans, deploy only after every image and the chart scan', () => {
    const image = workflows['pipeline.yml'].jobs.image.steps as Step[]
    const ids = image.map(s => (s as { id?: string }).id)
    expect(ids.indexOf('push')).toBeGreaterThan(ids.indexOf('scan-image'))
    expect(ids.indexOf('push')).toBeGreaterThan(ids.indexOf('scan-dockerfile'))
    // Pushed only when the scans ran and passed (the default success()), or not at all when an
    // image that already passed is reused.
    expect(image.find(s => (s as { id?: string }).id === 'push')?.if).toBe(
      "${{ !contains(fromJSON(steps.reuse.outputs.found-names || '[]'), 'image') }}"
    )
    expect((workflows['pipeline.yml'].jobs.deploy as { needs?: string[] }).needs).toEqual([
      'image',
      'chart'
    ])
  })
})
