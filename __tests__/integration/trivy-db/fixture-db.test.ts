// The fixture Trivy DB (test/trivy-db) against the real trivy binary, offline: the
// vulnerable fixture image is found vulnerable, clean images are not, and the DB pushed
// as an OCI artifact to the sandbox registry is what `--db-repository` downloads.
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxEnv } from '../../support/sandbox'
import {
  CRITICAL_ID,
  FIXTURE_ADVISORIES,
  HIGH_UNFIXED_ID,
  LOW_EVERY_IMAGE_ID,
  MEDIUM_ID,
  NPM_HIGH_ID,
  buildFixtureDbWithTimes,
  buildVulnerableImage,
  copyFixtureDb,
  fixtureDbCacheDir,
  pushFixtureDb,
  trivyBinary,
  trivyOfflineArgs
} from '../../support/trivy-db'

interface Finding {
  VulnerabilityID: string
  PkgName: string
  InstalledVersion: string
  FixedVersion?: string
  Severity: string
  Status?: string
}
interface Report {
  Results?: { Target: string; Class?: string; Type?: string; Vulnerabilities?: Finding[] }[]
}
interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

function findings(report: Report): Finding[] {
  return (report.Results ?? []).flatMap(r => r.Vulnerabilities ?? [])
}

function ids(report: Report): string[] {
  return [...new Set(findings(report).map(f => f.VulnerabilityID))].sort()
}

// Each trivy run takes seconds, more on a busy machine; a cold sandbox takes minutes.
jest.setTimeout(10 * 60 * 1000)

let env: Record<string, string>
let trivy: string
let vulnerableImage: string
let cleanImage: string

// Trivy's env without anything that could point it elsewhere (a user's TRIVY_* config).
function trivyEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('TRIVY_'))
  )
  return { ...base, ...extra }
}

async function scan(
  image: string,
  cacheDir: string,
  extra: string[] = []
): Promise<{ run: Run; report: Report }> {
  const args = [
    'image',
    ...trivyOfflineArgs(cacheDir),
    '--image-src',
    'docker',
    '--scanners',
    'vuln'
  ]
  const result = await run(
    trivy,
    [...args, '--format', 'json', '--quiet', ...extra, image],
    trivyEnv()
  )
  if (result.code !== 0 && !extra.includes('--exit-code')) {
    throw new Error(`trivy image ${image} failed (${result.code}): ${result.stderr.slice(-2000)}`)
  }
  return { run: result, report: JSON.parse(result.stdout || '{}') as Report }
}

beforeAll(
  async () => {
    env = await sandboxEnv()
    trivy = await trivyBinary()
    vulnerableImage = await buildVulnerableImage()
    cleanImage = env.DEBIAN_IMAGE
    expect(cleanImage).toBeTruthy()
  },
  60 * 60 * 1000
)

describe('fixture DB files', () => {
  it('has db/trivy.db and schema-2 metadata with a far NextUpdate', async () => {
    const dir = await fixtureDbCacheDir()
    expect((await stat(join(dir, 'db', 'trivy.db'))).size).toBeGreaterThan(0)
    const meta = JSON.parse(await readFile(join(dir, 'db', 'metadata.json'), 'utf8'))
    expect(meta.Version).toBe(2)
    expect(new Date(meta.NextUpdate).getUTCFullYear()).toBeGreaterThanOrEqual(2099)
    expect(Date.now() - new Date(meta.UpdatedAt).getTime()).toBeGreaterThanOrEqual(0)
  })

  it('builds a DB with chosen times for staleness tests', async () => {
    const dir = await buildFixtureDbWithTimes({
      updatedAt: '2020-01-01T00:00:00Z',
      nextUpdate: '2020-01-02T00:00:00Z'
    })
    const meta = JSON.parse(await readFile(join(dir, 'db', 'metadata.json'), 'utf8'))
    expect(meta).toMatchObject({
      Version: 2,
      UpdatedAt: '2020-01-01T00:00:00Z',
      NextUpdate: '2020-01-02T00:00:00Z'
    })
  })
})

describe('trivy image, offline, against the fixture DB', () => {
  it('finds every fixture advisory in the vulnerable image, as documented', async () => {
    const { report } = await scan(vulnerableImage, await copyFixtureDb())
    const all = findings(report)
    for (const adv of FIXTURE_ADVISORIES) {
      const hit = all.find(f => f.VulnerabilityID === adv.id)
      expect({ id: adv.id, found: !!hit }).toEqual({ id: adv.id, found: true })
      expect(hit).toMatchObject({ PkgName: adv.pkgName, Severity: adv.severity })
      if (adv.vulnerableImageOnly) expect(hit?.InstalledVersion).toBe(adv.installedVersion)
      expect(hit?.FixedVersion ?? '').toBe(adv.fixedVersion)
    }
    expect(all.find(f => f.VulnerabilityID === HIGH_UNFIXED_ID)?.Status).toBe('affected')
    expect(all.find(f => f.VulnerabilityID === CRITICAL_ID)?.Status).toBe('fixed')
    // The npm advisory comes from the node-pkg analyzer, the others from dpkg.
    const npm = (report.Results ?? []).find(r =>
      r.Vulnerabilities?.some(v => v.VulnerabilityID === NPM_HIGH_ID)
    )
    expect(npm?.Type).toBe('node-pkg')
  })

  it('drops only the unfixed advisory with --ignore-unfixed', async () => {
    const { report } = await scan(vulnerableImage, await copyFixtureDb(), ['--ignore-unfixed'])
    expect(ids(report)).toEqual([CRITICAL_ID, MEDIUM_ID, LOW_EVERY_IMAGE_ID, NPM_HIGH_ID].sort())
  })

  it('gates: exit 1 at CRITICAL for the vulnerable image, exit 0 with the ID in a .trivyignore', async () => {
    const cache = await copyFixtureDb()
    const critical = await scan(vulnerableImage, cache, [
      '--severity',
      'CRITICAL',
      '--exit-code',
      '1'
    ])
    expect(critical.run.code).toBe(1)
    expect(ids(critical.report)).toEqual([CRITICAL_ID])

    const ignoreFile = join(await mkdtemp(join(tmpdir(), 'trivyignore-')), '.trivyignore')
    await writeFile(ignoreFile, `${CRITICAL_ID}\n`)
    const ignored = await scan(vulnerableImage, cache, [
      '--severity',
      'CRITICAL',
      '--exit-code',
      '1',
      '--ignorefile',
      ignoreFile
    ])
    expect(ignored.run.code).toBe(0)
    expect(ids(ignored.report)).toEqual([])
  })

  it('finds none of the vulnerable-image advisories in the clean base image', async () => {
    const { report } = await scan(cleanImage, await copyFixtureDb())
    // The one advisory that matches every bookworm image, through its real tar package.
    expect(ids(report)).toEqual([LOW_EVERY_IMAGE_ID])
    const tar = findings(report).find(f => f.VulnerabilityID === LOW_EVERY_IMAGE_ID)
    expect(tar?.InstalledVersion).toMatch(/^1\.\d+/)
    const gate = await scan(cleanImage, await copyFixtureDb(), [
      '--severity',
      'CRITICAL,HIGH',
      '--exit-code',
      '1'
    ])
    expect(gate.run.code).toBe(0)
  })

  it('finds no HIGH or CRITICAL advisory in the clean Node base image', async () => {
    const node = await scan(env.NODE_IMAGE, await copyFixtureDb(), [
      '--severity',
      'CRITICAL,HIGH',
      '--exit-code',
      '1'
    ])
    expect({ code: node.run.code, ids: ids(node.report) }).toEqual({ code: 0, ids: [] })
  })

  // Why the scan action checks metadata.json's age itself: trivy does not.
  it('uses a stale DB silently when updates are skipped', async () => {
    const stale = await buildFixtureDbWithTimes({
      updatedAt: '2020-01-01T00:00:00Z',
      nextUpdate: '2020-01-02T00:00:00Z'
    })
    const { run: result, report } = await scan(vulnerableImage, stale, ['--severity', 'CRITICAL'])
    expect(result.code).toBe(0)
    expect(ids(report)).toEqual([CRITICAL_ID])
  })

  it('fails with updates skipped when the cache holds no DB', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'trivy-cache-empty-'))
    const result = await run(
      trivy,
      [
        'image',
        ...trivyOfflineArgs(empty),
        '--image-src',
        'docker',
        '--scanners',
        'vuln',
        cleanImage
      ],
      trivyEnv()
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/skip-db-update/)
  })
})

describe('the fixture DB as an OCI artifact in the sandbox registry', () => {
  const repo = 'k8s-stack/trivy-db'
  let ref: string

  beforeAll(
    async () => {
      ref = `${env.REGISTRY}/${repo}:2`
      await pushFixtureDb(ref)
    },
    10 * 60 * 1000
  )

  it('has the shape of ghcr.io/aquasecurity/trivy-db:2', async () => {
    const auth = Buffer.from(`${env.REGISTRY_USERNAME}:${env.REGISTRY_PASSWORD}`).toString('base64')
    const res = await fetch(`http://${env.REGISTRY}/v2/${repo}/manifests/2`, {
      headers: {
        Authorization: `Basic ${auth}`,
        Accept: 'application/vnd.oci.image.manifest.v1+json'
      }
    })
    expect(res.status).toBe(200)
    const manifest = (await res.json()) as {
      config: { mediaType: string }
      layers: { mediaType: string; annotations?: Record<string, string> }[]
    }
    expect(manifest.config.mediaType).toBe('application/vnd.aquasec.trivy.config.v1+json')
    expect(manifest.layers).toHaveLength(1)
    expect(manifest.layers[0].mediaType).toBe('application/vnd.aquasec.trivy.db.layer.v1.tar+gzip')
    expect(manifest.layers[0].annotations?.['org.opencontainers.image.title']).toBe('db.tar.gz')
  })

  it('is what trivy --db-repository downloads into an empty cache, then finds the CRITICAL', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'trivy-cache-remote-'))
    const args = ['image', '--cache-dir', cache, '--db-repository', ref, '--skip-java-db-update']
    args.push(
      '--skip-version-check',
      '--disable-telemetry',
      '--image-src',
      'docker',
      '--scanners',
      'vuln'
    )
    const result = await run(
      trivy,
      [...args, '--format', 'json', vulnerableImage],
      trivyEnv({ TRIVY_USERNAME: env.REGISTRY_USERNAME, TRIVY_PASSWORD: env.REGISTRY_PASSWORD })
    )
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(result.stderr).toMatch(/Downloading vulnerability DB/)
    expect(ids(JSON.parse(result.stdout) as Report)).toContain(CRITICAL_ID)
    const meta = JSON.parse(await readFile(join(cache, 'db', 'metadata.json'), 'utf8'))
    expect(meta.Version).toBe(2)
  })

  it('is refused without the registry credentials', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'trivy-cache-noauth-'))
    const result = await run(
      trivy,
      [
        'image',
        '--cache-dir',
        cache,
        '--db-repository',
        ref,
        '--skip-java-db-update',
        '--skip-version-check',
        '--disable-telemetry',
        '--image-src',
        'docker',
        '--scanners',
        'vuln',
        vulnerableImage
      ],
      trivyEnv({ DOCKER_CONFIG: await mkdtemp(join(tmpdir(), 'docker-config-')) })
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/UNAUTHORIZED|unauthorized|401/)
  })
})
