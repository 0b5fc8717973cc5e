import { describe, expect, it } from '@jest/globals'
import { convertArgv, scanArgv, type ScanArgs } from '../../../src/trivy/argv'

const base: ScanArgs = {
  scanType: 'image',
  imageRef: 'registry.example/app:1.0',
  scanners: ['vuln', 'secret'],
  severities: ['HIGH', 'CRITICAL'],
  ignoreUnfixed: false,
  ignoreFile: '/w/trivyignore',
  configFile: '/w/trivy.yaml',
  cacheDir: '/cache',
  timeoutMs: 300_000,
  skipDirs: [],
  skipFiles: [],
  dbRepositories: [],
  javaDbRepositories: [],
  skipDbUpdate: false,
  skipJavaDbUpdate: false,
  offlineScan: false,
  skipCheckUpdate: false,
  skipVersionCheck: true,
  disableTelemetry: true,
  listAllPkgs: false,
  output: '/w/report.json'
}

const flagValue = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1]

describe('scanArgv', () => {
  it('always passes the settings trivy would otherwise read from the cwd or its defaults', () => {
    const argv = scanArgv(base)
    expect(argv[0]).toBe('image')
    expect(flagValue(argv, '--format')).toBe('json')
    expect(flagValue(argv, '--output')).toBe('/w/report.json')
    expect(flagValue(argv, '--exit-code')).toBe('0')
    expect(flagValue(argv, '--config')).toBe('/w/trivy.yaml')
    expect(flagValue(argv, '--ignorefile')).toBe('/w/trivyignore')
    expect(flagValue(argv, '--cache-dir')).toBe('/cache')
    expect(flagValue(argv, '--timeout')).toBe('300s')
    expect(flagValue(argv, '--severity')).toBe('HIGH,CRITICAL')
    expect(flagValue(argv, '--scanners')).toBe('vuln,secret')
    expect(argv).toContain('--skip-version-check')
    expect(argv).toContain('--disable-telemetry')
    expect(argv.slice(-2)).toEqual(['--', 'registry.example/app:1.0'])
  })

  it.each([
    ['ignoreUnfixed', '--ignore-unfixed'],
    ['offlineScan', '--offline-scan'],
    ['skipDbUpdate', '--skip-db-update'],
    ['skipJavaDbUpdate', '--skip-java-db-update'],
    ['skipCheckUpdate', '--skip-check-update'],
    ['listAllPkgs', '--list-all-pkgs']
  ] as const)('%s adds %s only when set', (key, flag) => {
    expect(scanArgv(base)).not.toContain(flag)
    expect(scanArgv({ ...base, [key]: true })).toContain(flag)
  })

  it('passes DB mirrors in order, and skip lists one flag per entry', () => {
    const argv = scanArgv({
      ...base,
      dbRepositories: ['127.0.0.1:5000/mirror/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'],
      javaDbRepositories: ['127.0.0.1:5000/mirror/trivy-java-db:1'],
      skipDirs: ['node_modules', 'vendor'],
      skipFiles: ['a.txt']
    })
    expect(flagValue(argv, '--db-repository')).toBe(
      '127.0.0.1:5000/mirror/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2'
    )
    expect(flagValue(argv, '--java-db-repository')).toBe('127.0.0.1:5000/mirror/trivy-java-db:1')
    expect(argv.filter(a => a === '--skip-dirs')).toHaveLength(2)
    expect(argv.filter(a => a === '--skip-files')).toHaveLength(1)
  })

  it('scans a tarball with --input instead of a reference', () => {
    const argv = scanArgv({ ...base, input: '/w/image.tar' })
    expect(flagValue(argv, '--input')).toBe('/w/image.tar')
    expect(argv).not.toContain('registry.example/app:1.0')
  })

  it('gives `trivy config` none of the flags it does not have', () => {
    const argv = scanArgv({
      ...base,
      scanType: 'config',
      scanRef: '/w/k8s',
      ignoreUnfixed: true,
      offlineScan: true,
      skipDbUpdate: true,
      skipCheckUpdate: true,
      dbRepositories: ['127.0.0.1:5000/x/trivy-db:2']
    })
    for (const flag of [
      '--scanners',
      '--ignore-unfixed',
      '--offline-scan',
      '--skip-db-update',
      '--db-repository',
      '--no-progress',
      '--list-all-pkgs'
    ]) {
      expect(argv).not.toContain(flag)
    }
    expect(argv).toContain('--skip-check-update')
    expect(argv.slice(-2)).toEqual(['--', '/w/k8s'])
  })

  it('refuses an empty target', () => {
    expect(() => scanArgv({ ...base, imageRef: '' })).toThrow('Invalid input "image-ref"')
    expect(() => scanArgv({ ...base, scanType: 'fs', scanRef: '' })).toThrow(
      'Invalid input "scan-ref"'
    )
  })
})

describe('convertArgv', () => {
  it('converts with its own explicit severity, config, ignore file and exit code', () => {
    const argv = convertArgv({
      report: '/w/r.json',
      format: 'sarif',
      output: '/w/r.sarif',
      severities: ['CRITICAL'],
      ignoreFile: '/w/ig',
      configFile: '/w/c.yaml',
      cacheDir: '/cache',
      timeoutMs: 60_000,
      scanners: ['vuln'],
      scanType: 'image'
    })
    expect(argv[0]).toBe('convert')
    expect(flagValue(argv, '--format')).toBe('sarif')
    expect(flagValue(argv, '--severity')).toBe('CRITICAL')
    expect(flagValue(argv, '--config')).toBe('/w/c.yaml')
    expect(flagValue(argv, '--ignorefile')).toBe('/w/ig')
    expect(flagValue(argv, '--exit-code')).toBe('0')
    expect(argv.slice(-2)).toEqual(['--', '/w/r.json'])
    expect(argv).not.toContain('--table-mode')
  })
})
