import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { redact } from '../../../src/core/secrets'
import {
  decodeKubeconfig,
  maskKubeconfig,
  removeKubeconfig,
  validateKubeconfig,
  writeKubeconfig
} from '../../../src/kube/kubeconfig'

const TOKEN = 'sentinel-kube-token-0123456789'
const KEY =
  '-----BEGIN EC PRIVATE KEY-----\nsentinelkeymaterialAAAABBBB\n-----END EC PRIVATE KEY-----\n'
const kubeconfig = `apiVersion: v1
kind: Config
current-context: ctx
clusters:
  - name: c
    cluster: { server: 'https://127.0.0.1:6443', insecure-skip-tls-verify: true }
contexts:
  - name: ctx
    context: { cluster: c, user: u, namespace: apps }
  - name: other
    context: { cluster: c, user: k }
users:
  - name: u
    user: { token: ${TOKEN} }
  - name: k
    user:
      client-certificate-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\ncert\n-----END CERTIFICATE-----\n').toString('base64')}
      client-key-data: ${Buffer.from(KEY).toString('base64')}
  - name: p
    user: { username: admin, password: sentinel-basic-pw }
`

describe('kubeconfig input', () => {
  it('takes raw YAML or its base64', () => {
    expect(decodeKubeconfig(kubeconfig)).toBe(kubeconfig.trim())
    expect(decodeKubeconfig(Buffer.from(kubeconfig).toString('base64'))).toBe(kubeconfig)
    expect(() => decodeKubeconfig('')).toThrow('kubeconfig is empty')
    expect(() => decodeKubeconfig('bm90IHlhbWw=')).toThrow('neither YAML nor base64')
  })
  it('masks the token, the key (encoded and decoded), the password, and a base64 input whole', () => {
    const b64 = Buffer.from(kubeconfig).toString('base64')
    maskKubeconfig(b64, kubeconfig)
    const keyData = Buffer.from(KEY).toString('base64')
    const text = redact(`${b64} ${TOKEN} ${keyData} sentinelkeymaterialAAAABBBB sentinel-basic-pw`)
    expect(text).toBe('*** *** *** *** ***')
    // Structure is not secret: manifests that say apiVersion: v1 stay readable.
    expect(redact('apiVersion: v1')).toBe('apiVersion: v1')
  })
  it('validates: clusters, contexts and users present, the context resolves', () => {
    expect(validateKubeconfig(kubeconfig).namespace).toBe('apps')
    expect(validateKubeconfig(kubeconfig, 'other').key).toBeDefined()
    expect(() => validateKubeconfig(kubeconfig, 'nope')).toThrow('kubeconfig has no context "nope"')
    expect(() => validateKubeconfig('apiVersion: v1\nkind: Config\n')).toThrow(
      'kubeconfig has no clusters, contexts, users'
    )
    expect(() => validateKubeconfig('a: [')).toThrow('kubeconfig is not valid YAML')
  })
  it('writes a 0600 file and removes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-'))
    const file = await writeKubeconfig(kubeconfig, dir)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toBe(kubeconfig)
    removeKubeconfig(file)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(path.dirname(file))).toBe(false)
    // Anything it did not write is left alone.
    removeKubeconfig(path.join(dir, 'config'))
    expect(existsSync(dir)).toBe(true)
  })
})
