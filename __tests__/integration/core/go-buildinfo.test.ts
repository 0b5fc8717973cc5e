import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readGoBuildInfo } from '../../../src/core/go-buildinfo'
import { helmVersion } from '../../../src/helm/helm'
import { sandboxEnv } from '../../support/sandbox'

// The real Go binaries the sandbox built: what readGoBuildInfo finds must be what the
// binaries themselves report.
let env: Record<string, string>
beforeAll(async () => {
  env = await sandboxEnv()
})

const helmSays = (binary: string) =>
  execFileSync(binary, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).trim()

describe('Go build info of real binaries', () => {
  it.each(['K8S_STACK_HELM3', 'K8S_STACK_HELM4'])(
    '%s: the version helm prints, without running helm',
    async variable => {
      const binary = env[variable]
      const info = readGoBuildInfo(binary)
      const said = helmSays(binary)
      expect(info?.path).toMatch(/^helm\.sh\/helm\/v[34]\/cmd\/helm$/)
      expect(info?.module?.version).toBe(said)
      expect(info?.goVersion).toMatch(/^go1\.\d+/)
      const found = await helmVersion(binary)
      expect(`v${found.version}`).toBe(said)
      expect(found.major).toBe(Number(said[1]))
    }
  )

  it('trivy names its own module and version', () => {
    const info = readGoBuildInfo(env.K8S_STACK_TRIVY)
    expect(info?.path).toBe('github.com/aquasecurity/trivy/cmd/trivy')
    const said = execFileSync(env.K8S_STACK_TRIVY, ['--version'], { encoding: 'utf8' })
    expect(said).toContain(`Version: ${info?.module?.version.replace(/^v/, '')}`)
  })

  it('gives nothing for a script, a non-Go ELF binary, a missing file or a truncated binary', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'buildinfo-'))
    const script = path.join(dir, 'helm')
    writeFileSync(script, '#!/bin/sh\necho v3.0.0\n')
    expect(readGoBuildInfo(script)).toBeUndefined()
    expect(readGoBuildInfo(process.execPath)).toBeUndefined()
    expect(readGoBuildInfo(path.join(dir, 'absent'))).toBeUndefined()
    const truncated = path.join(dir, 'truncated')
    copyFileSync(env.K8S_STACK_HELM4, truncated)
    execFileSync('truncate', ['-s', '4096', truncated])
    expect(readGoBuildInfo(truncated)).toBeUndefined()
  })

  it('falls back to running a helm that has no build info', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'buildinfo-'))
    const shim = path.join(dir, 'helm')
    writeFileSync(shim, `#!/bin/sh\nexec ${env.K8S_STACK_HELM3} "$@"\n`, { mode: 0o755 })
    const found = await helmVersion(shim)
    expect(`v${found.version}`).toBe(helmSays(env.K8S_STACK_HELM3))
    expect(found.path).toBe(shim)
  })
})

describe("the sandbox's Helm builds", () => {
  it.each(['K8S_STACK_HELM3', 'K8S_STACK_HELM4'])(
    '%s renders with the default Kubernetes version of its release (its client-go minor), not v1.20',
    variable => {
      const chart = mkdtempSync(path.join(tmpdir(), 'kubeversion-'))
      writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: kv\nversion: 0.1.0\n')
      mkdirSync(path.join(chart, 'templates'))
      writeFileSync(
        path.join(chart, 'templates', 'kv.yaml'),
        'kubeVersion: {{ .Capabilities.KubeVersion.Version }}\n'
      )
      const rendered = execFileSync(env[variable], ['template', chart], { encoding: 'utf8' })
      const clientGo = readGoBuildInfo(env[variable])?.deps['k8s.io/client-go']
      expect(clientGo).toMatch(/^v0\.\d+\.\d+$/)
      expect(rendered).toContain(`kubeVersion: v1.${clientGo?.split('.')[1]}.0`)
    }
  )
})
