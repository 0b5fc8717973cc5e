import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findTool, installRelease, versionFrom } from '../../../src/core/tools'

// The pinned-release path of tool discovery, as on a GitHub-hosted runner: a real download
// over HTTP (a loopback server), a real tar.gz, @actions/tool-cache's real cache.
const work = mkdtempSync(path.join(tmpdir(), 'tools-test-'))
let server: Server
let base: string
let archiveSha: string

function fakeTool(dir: string, name: string, version: string): string {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, name)
  writeFileSync(file, `#!/bin/sh\necho "Version: ${version}"\n`)
  chmodSync(file, 0o755)
  return file
}

beforeAll(async () => {
  process.env.RUNNER_TOOL_CACHE = path.join(work, 'tool-cache')
  process.env.RUNNER_TEMP = path.join(work, 'runner-temp')
  const release = path.join(work, 'release')
  fakeTool(release, 'faketool', '9.8.7')
  const archive = path.join(work, 'faketool.tar.gz')
  execFileSync('tar', ['-czf', archive, '-C', release, 'faketool'])
  const bytes = readFileSync(archive)
  archiveSha = createHash('sha256').update(bytes).digest('hex')
  server = createServer((req, res) => {
    if (req.url === '/faketool.tar.gz') res.end(bytes)
    else res.writeHead(404).end()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

const release = (sha256: string) => ({
  tool: 'faketool',
  version: '9.8.7',
  url: `${base}/faketool.tar.gz`,
  sha256,
  binary: 'faketool',
  archive: 'tar.gz' as const
})

describe('tool discovery', () => {
  it('refuses a download whose sha256 does not match, naming both', async () => {
    await expect(installRelease(release('0'.repeat(64)))).rejects.toThrow(
      `faketool 9.8.7 download failed its checksum: expected sha256 ${'0'.repeat(64)}, got ${archiveSha}`
    )
  })

  it('installs a pinned release into the tool cache, then finds it there', async () => {
    const installed = await installRelease(release(archiveSha))
    expect(installed.path.startsWith(process.env.RUNNER_TOOL_CACHE as string)).toBe(true)
    expect(await versionFrom(installed.path, ['--version'])).toBe('9.8.7')
    const found = await findTool({
      name: 'faketool',
      version: '9.8.7',
      readVersion: b => versionFrom(b, ['--version'])
    })
    expect(found).toEqual({ path: installed.path, version: '9.8.7', source: 'tool-cache' })
  })

  it('prefers a binary on PATH at the wanted version, skipping others', async () => {
    const older = path.join(work, 'older')
    const wanted = path.join(work, 'wanted')
    fakeTool(older, 'othertool', '1.0.0')
    const good = fakeTool(wanted, 'othertool', '2.0.0')
    const saved = process.env.PATH
    process.env.PATH = `${older}:${wanted}:${saved}`
    try {
      const found = await findTool({
        name: 'othertool',
        version: 'v2.0.0',
        readVersion: b => versionFrom(b, ['--version'])
      })
      expect(found).toEqual({ path: good, version: '2.0.0', source: 'path' })
      await expect(
        findTool({
          name: 'othertool',
          version: '3.0.0',
          readVersion: b => versionFrom(b, ['--version'])
        })
      ).rejects.toThrow(
        /othertool 3\.0\.0 was not found on PATH .* Found: .*older\/othertool \(1\.0\.0\), .*wanted\/othertool \(2\.0\.0\)/
      )
    } finally {
      process.env.PATH = saved
    }
  })
})
