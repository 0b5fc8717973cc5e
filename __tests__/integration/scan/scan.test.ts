// actions/scan against the real trivy binary, offline, with the fixture vulnerability DB
// (test/trivy-db), the real Docker engine and the sandbox registry. Every case runs the
// bundled action as the runner does: node actions/scan/dist/index.js with INPUT_*.
import { beforeAll, describe, expect, it } from '@jest/globals'
import Ajv from 'ajv'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot, runAction, visibleLog, type ActionRun } from '../../support/run-action'
import { sandboxEnv } from '../../support/sandbox'
import {
  CRITICAL_ID,
  HIGH_UNFIXED_ID,
  LOW_EVERY_IMAGE_ID,
  MEDIUM_ID,
  NPM_HIGH_ID,
  buildVulnerableImage,
  copyFixtureDb,
  pushFixtureDb,
  trivyBinary
} from '../../support/trivy-db'

const require = createRequire(import.meta.url)
const fixtures = path.join(repoRoot, '__tests__', 'fixtures', 'scan')

let env: Record<string, string>
let actionEnv: Record<string, string>
let vulnerableImage: string
let cleanImage: string

beforeAll(async () => {
  env = await sandboxEnv()
  const trivy = await trivyBinary()
  vulnerableImage = await buildVulnerableImage()
  cleanImage = env.DEBIAN_IMAGE || 'k8s-stack/debian:bookworm'
  actionEnv = {
    PATH: `${path.dirname(trivy)}${path.delimiter}${env.PATH || process.env.PATH}`,
    // Set on every runner; the tool cache is where a pinned release would be installed.
    RUNNER_TOOL_CACHE: mkdtempSync(path.join(tmpdir(), 'scan-tool-cache-'))
  }
  if (env.DOCKER_HOST) actionEnv.DOCKER_HOST = env.DOCKER_HOST
}, 60 * 60_000)

/** A private copy of the fixture DB, marked as updated `ageMs` ago. */
async function dbCache(ageMs = 60 * 60_000): Promise<string> {
  const dir = await copyFixtureDb()
  const file = path.join(dir, 'db', 'metadata.json')
  const meta = JSON.parse(readFileSync(file, 'utf8'))
  const at = new Date(Date.now() - ageMs).toISOString().replace(/\.\d+Z$/, 'Z')
  writeFileSync(file, JSON.stringify({ ...meta, UpdatedAt: at, DownloadedAt: at }))
  return dir
}

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scan-ws-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

/** The offline settings every test scan uses (no DB download, nothing calls home). */
async function offline(): Promise<Record<string, string>> {
  return {
    'cache-dir': await dbCache(),
    'skip-db-update': 'true',
    'skip-java-db-update': 'true',
    'offline-scan': 'true'
  }
}

async function scan(
  inputs: Record<string, string>,
  options: { cwd?: string; env?: Record<string, string> } = {}
): Promise<ActionRun> {
  return runAction(
    'scan',
    { ...(await offline()), ...inputs },
    { cwd: options.cwd ?? workspace(), env: { ...actionEnv, ...options.env } }
  )
}

function jsonIds(file: string): string[] {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return (report.Results ?? []).flatMap(
    (r: { Vulnerabilities?: Array<{ VulnerabilityID: string }> }) =>
      (r.Vulnerabilities ?? []).map(v => v.VulnerabilityID)
  )
}

function sarifRuleIds(file: string): string[] {
  const sarif = JSON.parse(readFileSync(file, 'utf8'))
  return [
    ...new Set<string>(
      sarif.runs.flatMap((r: { results: Array<{ ruleId: string }> }) =>
        r.results.map(x => x.ruleId)
      )
    )
  ].sort()
}

/** The ::error / ::warning annotations that name a file. */
function annotations(
  log: string,
  kind: 'error' | 'warning'
): Array<{ file: string; line: number; endLine?: number; title: string; text: string }> {
  const out = []
  for (const line of log.split('\n')) {
    const m = new RegExp(`^::${kind} (.*?)::(.*)$`).exec(line)
    if (!m) continue
    const props = Object.fromEntries(
      m[1].split(',').map(p => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])
    )
    if (!props.file) continue
    out.push({
      file: props.file,
      line: Number(props.line),
      endLine: props.endLine ? Number(props.endLine) : undefined,
      title: decodeURIComponent(props.title ?? ''),
      text: m[2]
    })
  }
  return out
}

function expectFailedClosed(run: ActionRun, message: RegExp): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('error')
  const failures = run.log.split('\n').filter(l => l.startsWith('::error::'))
  expect(failures).toHaveLength(1)
  expect(failures[0]).toMatch(message)
}

describe('image gate', () => {
  it('fails at CRITICAL on an image with a CRITICAL advisory, with counts, summary and reports', async () => {
    const run = await scan({
      'image-ref': vulnerableImage,
      'fail-on': 'CRITICAL',
      format: 'json,table'
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.log).toMatch(
      new RegExp(
        `::error::trivy image scan of ${vulnerableImage} failed: 1 findings at or above CRITICAL \\(${CRITICAL_ID}\\)`
      )
    )
    expect(run.outputs).toMatchObject({
      critical: '1',
      high: '2',
      medium: '1',
      low: '1',
      unknown: '0',
      'findings-count': '5',
      'trivy-version': '0.74.0'
    })
    expect(jsonIds(run.outputs['json-report']).sort()).toEqual(
      [CRITICAL_ID, HIGH_UNFIXED_ID, MEDIUM_ID, LOW_EVERY_IMAGE_ID, NPM_HIGH_ID].sort()
    )
    expect(readFileSync(run.outputs['table-report'], 'utf8')).toContain(CRITICAL_ID)
    expect(run.summary).toContain('| Severity | Package or file | ID | Installed | Fixed | Title |')
    expect(run.summary).toMatch(
      new RegExp(
        `\\| CRITICAL \\| k8s-stack-vulnerable-fixture \\| \\[?${CRITICAL_ID}.*\\| 1\\.0 \\| 1\\.1 \\|`
      )
    )
  })

  it('passes at CRITICAL when that ID is in a .trivyignore, and still fails at HIGH', async () => {
    const cwd = workspace({ '.trivyignore': `# accepted until the fix ships\n${CRITICAL_ID}\n` })
    const critical = await scan(
      { 'image-ref': vulnerableImage, 'fail-on': 'CRITICAL', trivyignores: '.trivyignore' },
      { cwd }
    )
    expect(critical.exitCode).toBe(0)
    expect(critical.outputs).toMatchObject({ result: 'pass', critical: '0', high: '2' })
    const high = await scan(
      { 'image-ref': vulnerableImage, 'fail-on': 'HIGH', trivyignores: '.trivyignore' },
      { cwd }
    )
    expect(high.exitCode).toBe(1)
    expect(high.outputs.result).toBe('fail')
  })

  it('passes at a threshold above the severities it has', async () => {
    const cwd = workspace({
      'ignore/.trivyignore': `${CRITICAL_ID}\n${HIGH_UNFIXED_ID}\n${NPM_HIGH_ID}\n`
    })
    const medium = await scan(
      { 'image-ref': vulnerableImage, 'fail-on': 'HIGH', trivyignores: 'ignore/.trivyignore' },
      { cwd }
    )
    expect(medium.exitCode).toBe(0)
    expect(medium.outputs).toMatchObject({ result: 'pass', medium: '1', low: '1' })
    const none = await scan({ 'image-ref': vulnerableImage, 'fail-on': 'none' })
    expect(none.exitCode).toBe(0)
    expect(none.outputs).toMatchObject({ result: 'pass', critical: '1' })
    // A clean image (only the LOW advisory every bookworm image has) passes the default gate.
    const clean = await scan({ 'image-ref': cleanImage })
    expect(clean.exitCode).toBe(0)
    expect(clean.outputs).toMatchObject({ result: 'pass', critical: '0', high: '0', low: '1' })
  })

  it('ignore-unfixed drops the advisory that has no fix, and only that one', async () => {
    const cwd = workspace({ '.trivyignore': `${CRITICAL_ID}\n${NPM_HIGH_ID}\n` })
    const inputs = { 'image-ref': vulnerableImage, 'fail-on': 'HIGH', trivyignores: '.trivyignore' }
    const withUnfixed = await scan(inputs, { cwd })
    expect(withUnfixed.exitCode).toBe(1)
    expect(withUnfixed.log).toContain(HIGH_UNFIXED_ID)
    const ignored = await scan({ ...inputs, 'ignore-unfixed': 'true' }, { cwd })
    expect(ignored.exitCode).toBe(0)
    expect(ignored.outputs.result).toBe('pass')
    expect(jsonIds(ignored.outputs['json-report']).sort()).toEqual(
      [MEDIUM_ID, LOW_EVERY_IMAGE_ID].sort()
    )
  })

  it('exit-code 0 reports a failed gate without failing the step; the summary caps its rows', async () => {
    const run = await scan({
      'image-ref': vulnerableImage,
      'fail-on': 'HIGH',
      'exit-code': '0',
      'summary-rows': '2'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('fail')
    expect(run.log).toMatch(
      /::warning::trivy image scan of .* failed: 3 findings at or above HIGH \(CVE-2099-0001, CVE-2099-0002, CVE-2099-0005\)\. \(exit-code 0: reporting only\)/
    )
    const rows = run.summary
      .split('\n')
      .filter(l => /^\| (CRITICAL|HIGH|MEDIUM|LOW|UNKNOWN) \| .*\[CVE-/.test(l))
    expect(rows).toHaveLength(2)
    expect(run.summary).toContain('… and 3 more findings: see the JSON report.')
  })

  it('scans an image tarball given as input', async () => {
    const cwd = workspace()
    const tar = path.join(cwd, 'image.tar')
    const { execFileSync } = await import('node:child_process')
    execFileSync(env.DOCKER || 'docker', ['save', '-o', tar, vulnerableImage], {
      env: { ...process.env, ...env }
    })
    const run = await scan({ input: 'image.tar', 'fail-on': 'CRITICAL' }, { cwd })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
  })
})

describe('config scan', () => {
  it("passes on the project's k8s/ chart and the apps' Dockerfiles", async () => {
    for (const ref of ['k8s', 'apps/backend/Dockerfile', 'apps/frontend/Dockerfile']) {
      expect(existsSync(path.join(repoRoot, ref))).toBe(true)
      const run = await scan(
        { 'scan-type': 'config', 'scan-ref': ref, 'fail-on': 'HIGH' },
        { cwd: repoRoot }
      )
      expect({
        ref,
        exitCode: run.exitCode,
        result: run.outputs.result,
        log: run.exitCode ? run.log.slice(-3000) : ''
      }).toEqual({
        ref,
        exitCode: 0,
        result: 'pass',
        log: ''
      })
    }
  })

  it('fails on a privileged manifest without limits using hostPath, annotated at the right file and line', async () => {
    const ref = '__tests__/fixtures/scan/bad-manifest'
    const run = await scan(
      { 'scan-type': 'config', 'scan-ref': ref, 'fail-on': 'HIGH', format: 'sarif' },
      { cwd: repoRoot }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    const report = JSON.parse(readFileSync(run.outputs['json-report'], 'utf8'))
    const ids = report.Results.flatMap((r: { Misconfigurations?: Array<{ ID: string }> }) =>
      (r.Misconfigurations ?? []).map(m => m.ID)
    )
    // KSV-0017 privileged, KSV-0023 hostPath, KSV-0011/0018 no CPU/memory limits.
    for (const id of ['KSV-0017', 'KSV-0023', 'KSV-0011', 'KSV-0018']) expect(ids).toContain(id)

    const file = `${ref}/deployment.yaml`
    const lines = readFileSync(path.join(repoRoot, file), 'utf8').split('\n')
    const privilegedLine = lines.findIndex(l => l.includes('privileged: true')) + 1
    // Errors at or above fail-on (HIGH), warnings below it.
    const errors = annotations(run.log, 'error')
    const warnings = annotations(run.log, 'warning')
    const privileged = errors.find(a => a.title.startsWith('HIGH KSV-0017: Privileged'))
    expect(privileged).toBeDefined()
    expect(privileged!.file).toBe(file)
    expect(privileged!.line).toBeLessThanOrEqual(privilegedLine)
    expect(privileged!.endLine ?? privileged!.line).toBeGreaterThanOrEqual(privilegedLine)
    const hostPathLine = lines.findIndex(l => l.includes('hostPath:')) + 1
    const hostPath = warnings.find(a => a.title.startsWith('MEDIUM KSV-0023'))
    expect(errors.find(a => a.title.includes('KSV-0023'))).toBeUndefined()
    expect(hostPath?.file).toBe(file)
    expect(hostPath!.line).toBeLessThanOrEqual(hostPathLine)
    expect(hostPath!.endLine ?? hostPath!.line).toBeGreaterThanOrEqual(hostPathLine)

    // The SARIF points at the same file, relative to the repository.
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-report'], 'utf8'))
    const uris = sarif.runs[0].results.map(
      (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        r.locations[0].physicalLocation.artifactLocation.uri
    )
    expect(new Set(uris)).toEqual(new Set([file]))
  })
})

describe('secret scan', () => {
  it('finds a planted fake AWS access key and annotates it', async () => {
    // Obviously fake: built here, never committed, "K8SSTACKFAKEKEY1" after the prefix.
    const fakeKey = ['AKIA', 'K8SSTACKFAKEKEY1'].join('')
    const cwd = workspace({
      'planted/app/settings.env': `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${fakeKey}\n`
    })
    const run = await scan(
      { 'scan-type': 'fs', 'scan-ref': 'planted', scanners: 'secret', 'fail-on': 'CRITICAL' },
      { cwd }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
    const errors = annotations(run.log, 'error')
    expect(errors).toEqual([expect.objectContaining({ file: 'planted/app/settings.env', line: 2 })])
    expect(run.summary).toContain('aws-access-key-id')
    expect(run.summary).not.toContain(fakeKey)
  })
})

describe('SARIF', () => {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true })
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'))
  const validate = ajv.compile(
    JSON.parse(readFileSync(path.join(fixtures, 'sarif-schema-2.1.0.json'), 'utf8'))
  )

  it('validates against the SARIF 2.1.0 schema, and honours severity unless told otherwise', async () => {
    const limited = await scan({
      'image-ref': vulnerableImage,
      'fail-on': 'none',
      severity: 'CRITICAL',
      format: 'sarif'
    })
    expect(limited.exitCode).toBe(0)
    const sarif = JSON.parse(readFileSync(limited.outputs['sarif-report'], 'utf8'))
    expect(validate(sarif) ? [] : validate.errors).toEqual([])
    expect(limited.outputs.report).toBe(limited.outputs['sarif-report'])
    expect(sarifRuleIds(limited.outputs['sarif-report'])).toEqual([CRITICAL_ID])

    const all = await scan({
      'image-ref': vulnerableImage,
      'fail-on': 'none',
      severity: 'CRITICAL',
      format: 'sarif,json',
      'limit-severities-for-sarif': 'false'
    })
    const full = JSON.parse(readFileSync(all.outputs['sarif-report'], 'utf8'))
    expect(validate(full) ? [] : validate.errors).toEqual([])
    expect(sarifRuleIds(all.outputs['sarif-report'])).toEqual(
      [CRITICAL_ID, HIGH_UNFIXED_ID, MEDIUM_ID, LOW_EVERY_IMAGE_ID, NPM_HIGH_ID].sort()
    )
    // ...while the gate, the counts and the JSON still honour severity.
    expect(all.outputs).toMatchObject({ critical: '1', high: '0', 'findings-count': '1' })
    expect(jsonIds(all.outputs['json-report'])).toEqual([CRITICAL_ID])
  })
})

describe('CycloneDX', () => {
  it('converts the same scan to a CycloneDX SBOM with its vulnerabilities', async () => {
    const run = await scan({ 'image-ref': vulnerableImage, 'fail-on': 'none', format: 'cyclonedx' })
    expect(run.exitCode).toBe(0)
    const bom = JSON.parse(readFileSync(run.outputs['cyclonedx-report'], 'utf8'))
    expect(bom.bomFormat).toBe('CycloneDX')
    const components = bom.components.map((c: { name: string }) => c.name)
    expect(components).toEqual(expect.arrayContaining(['k8s-stack-vulnerable-fixture', 'tar']))
    expect(bom.vulnerabilities.map((v: { id: string }) => v.id)).toContain(CRITICAL_ID)
  })
})

describe('two scans in one job', () => {
  it('do not leak format or severity into each other, nor take settings from env or trivy.yaml', async () => {
    const cwd = workspace({
      // What a previous tool or step may leave behind; none of it may change a scan.
      'trivy.yaml': 'severity:\n  - CRITICAL\nvulnerability:\n  ignore-unfixed: true\n',
      '.trivyignore': `${MEDIUM_ID}\n`
    })
    const leaked = {
      TRIVY_SEVERITY: 'CRITICAL',
      TRIVY_IGNORE_UNFIXED: 'true',
      TRIVY_FORMAT: 'sarif',
      TRIVY_EXIT_CODE: '0'
    }
    const first = await scan(
      { 'image-ref': vulnerableImage, 'fail-on': 'none', severity: 'CRITICAL', format: 'sarif' },
      { cwd }
    )
    expect(first.exitCode).toBe(0)
    const second = await scan(
      { 'image-ref': vulnerableImage, 'fail-on': 'HIGH', severity: 'MEDIUM,HIGH', format: 'json' },
      { cwd, env: leaked }
    )
    expect(second.exitCode).toBe(1)
    expect(second.outputs).toMatchObject({ result: 'fail', critical: '0', high: '2', medium: '1' })
    expect(second.outputs['sarif-report']).toBe('')
    expect(jsonIds(second.outputs.report).sort()).toEqual(
      [HIGH_UNFIXED_ID, MEDIUM_ID, NPM_HIGH_ID].sort()
    )
    expect(sarifRuleIds(first.outputs['sarif-report'])).toEqual([CRITICAL_ID])
  })
})

describe('fails closed', () => {
  it('a missing DB with updates skipped', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'trivy-empty-cache-'))
    const run = await scan({ 'image-ref': vulnerableImage, 'cache-dir': empty })
    expectFailedClosed(run, /vulnerability DB is missing from .*\/db and skip-db-update is on/)
  })

  it('a DB older than max-db-age', async () => {
    const stale = await dbCache(30 * 86_400_000)
    const run = await scan({ 'image-ref': vulnerableImage, 'cache-dir': stale, 'fail-on': 'none' })
    expectFailedClosed(
      run,
      /vulnerability DB is stale: updated .* \(30d ago\), older than max-db-age 7d/
    )
    const allowed = await scan({
      'image-ref': vulnerableImage,
      'cache-dir': stale,
      'fail-on': 'none',
      'max-db-age': '31d'
    })
    expect(allowed.outputs.result).toBe('pass')
  })

  it('trivy exiting with an error', async () => {
    const cwd = workspace({ 'broken-trivy.yaml': 'severity: [CRITICAL\n' })
    const run = await scan(
      { 'image-ref': vulnerableImage, 'trivy-config': 'broken-trivy.yaml' },
      { cwd }
    )
    expectFailedClosed(run, /::error::trivy image failed \(exit 1\): .+/)
  })

  it('a trivy that is not there at the wanted version', async () => {
    const run = await scan({ 'image-ref': vulnerableImage, version: '0.1.0' })
    expectFailedClosed(run, /trivy 0\.1\.0 was not found on PATH and no release is pinned/)
  })

  it.each([
    [{ severity: 'HIGH,SEVERE' }, /Invalid input "severity": "SEVERE"/],
    [{ format: 'xml' }, /Invalid input "format": "xml"/]
  ])('an unknown %j', async (inputs, message) => {
    const run = await scan({ 'image-ref': vulnerableImage, ...inputs })
    expectFailedClosed(run, message)
  })

  it('a missing image', async () => {
    const run = await scan({ 'image-ref': `${env.REGISTRY}/k8s-stack/does-not-exist:nope` })
    expectFailedClosed(
      run,
      /::error::trivy image failed \(exit 1\): .*(does-not-exist|unable to find|UNAUTHORIZED|not found)/i
    )
  })
})

describe('db-repository', () => {
  it('downloads the DB from a mirror in the local registry with masked credentials', async () => {
    const ref = `${env.REGISTRY}/k8s-stack/scan-test-trivy-db:2`
    await pushFixtureDb(ref)
    const cache = mkdtempSync(path.join(tmpdir(), 'trivy-mirror-cache-'))
    const run = await runAction(
      'scan',
      {
        'image-ref': vulnerableImage,
        'cache-dir': cache,
        'db-repository': ref,
        'skip-java-db-update': 'true',
        'offline-scan': 'true',
        'max-db-age': '3650d',
        'fail-on': 'CRITICAL'
      },
      {
        cwd: workspace(),
        env: {
          ...actionEnv,
          TRIVY_USERNAME: env.REGISTRY_USERNAME,
          TRIVY_PASSWORD: env.REGISTRY_PASSWORD
        }
      }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', critical: '1' })
    expect(existsSync(path.join(cache, 'db', 'trivy.db'))).toBe(true)
    expect(run.outputs['db-updated-at']).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(visibleLog(run.log)).not.toContain(env.REGISTRY_PASSWORD)
    expect(run.summary).not.toContain(env.REGISTRY_PASSWORD)
    expect(JSON.stringify(run.outputs)).not.toContain(env.REGISTRY_PASSWORD)
  })
})
