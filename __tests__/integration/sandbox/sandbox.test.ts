// The local sandbox against the real components: Docker engine, registry, base images,
// kwok control plane. `down` of the shared sandbox would pull the engine and the cluster
// from under test files running later, so `down` is exercised on a second sandbox (own
// state dir, registry port and cluster; the same engine, which it did not start).
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxEnv } from '../../support/sandbox'

interface Result {
  code: number
  stdout: string
  stderr: string
  ms: number
}

function run(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}
): Promise<Result> {
  const start = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - start }))
    child.stdin.on('error', () => undefined) // a tool that exits without reading stdin
    child.stdin.end(opts.input ?? '')
  })
}

const STATE = join(process.env.HOME ?? '/root', '.cache', 'k8s-stack', 'sandbox')
const readPid = (name: string): string => readFileSync(join(STATE, name), 'utf8').trim()

jest.setTimeout(600_000)

let env: Record<string, string>
const kubectl = (...args: string[]) =>
  run(env.K8S_STACK_KUBECTL, args, { env: { KUBECONFIG: env.KUBECONFIG } })

beforeAll(async () => {
  env = await sandboxEnv()
}, 3600_000)

describe('sandbox up', () => {
  it('is idempotent: a second up is quick and starts nothing new', async () => {
    const before = {
      dockerd: readPid('dockerd.pid'),
      registry: readPid('registry.pid'),
      status: (await run('bash', ['sandbox/sandbox.sh', 'status'])).stdout
    }
    const again = await run('bash', ['sandbox/sandbox.sh', 'up'])
    expect(again.code).toBe(0)
    expect(again.ms).toBeLessThan(15_000)
    expect(again.stderr).not.toMatch(/starting|creating|building|debootstrap/)
    expect(readPid('dockerd.pid')).toBe(before.dockerd)
    expect(readPid('registry.pid')).toBe(before.registry)
    const status = await run('bash', ['sandbox/sandbox.sh', 'status'])
    expect(status.stdout).toBe(before.status)
    for (const component of ['dockerd', 'registry', 'cluster']) {
      expect(status.stdout).toMatch(new RegExp(`^${component} +up`, 'm'))
    }
  })

  it('prints env lines with every variable, and writes the same into env.sh', async () => {
    for (const key of [
      'REGISTRY',
      'REGISTRY_USERNAME',
      'REGISTRY_PASSWORD',
      'KUBECONFIG',
      'K8S_STACK_HELM3',
      'K8S_STACK_HELM4',
      'K8S_STACK_TRIVY',
      'K8S_STACK_KUBECTL',
      'K8S_STACK_ORAS',
      'K8S_STACK_ACT',
      'K8S_STACK_ACTIONLINT',
      'K8S_STACK_BUILDX',
      'NODE_IMAGE',
      'NGINX_IMAGE',
      'DEBIAN_IMAGE',
      'PATH'
    ]) {
      expect(env[key]).toBeTruthy()
    }
    expect(env.REGISTRY).toBe('127.0.0.1:5000')
    expect(env.NODE_IMAGE).toBe('k8s-stack/node:20')
    expect(env.PATH.split(':')[0]).toMatch(/kubernetes-1\.36\.3\/bin$/)
    expect((await run(env.K8S_STACK_HELM3, ['version', '--short'])).stdout).toMatch(/^v3\.22\.0/)
    expect((await run(env.K8S_STACK_HELM4, ['version', '--short'])).stdout).toMatch(/^v4\.3\.1/)
    // `helm` on the sandbox PATH is Helm 3.
    const onPath = await run('helm', ['version', '--short'], { env: { PATH: env.PATH } })
    expect(onPath.stdout).toMatch(/^v3\./)
    // env.sh, sourced by a shell, gives the same values.
    const sourced = await run('bash', [
      '-c',
      `. "${join(STATE, 'env.sh')}" && printf '%s\\n' "$REGISTRY_PASSWORD" "$KUBECONFIG" "$K8S_STACK_TRIVY"`
    ])
    expect(sourced.stdout.split('\n').slice(0, 3)).toEqual([
      env.REGISTRY_PASSWORD,
      env.KUBECONFIG,
      env.K8S_STACK_TRIVY
    ])
  })
})

describe('registry', () => {
  const url = () => `http://${env.REGISTRY}/v2/`
  const basic = (user: string, pass: string) =>
    'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64')

  it('requires auth and accepts the sandbox credentials only', async () => {
    const anonymous = await fetch(url())
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
    const wrong = await fetch(url(), {
      headers: { authorization: basic(env.REGISTRY_USERNAME, 'not-the-password') }
    })
    expect(wrong.status).toBe(401)
    const right = await fetch(url(), {
      headers: { authorization: basic(env.REGISTRY_USERNAME, env.REGISTRY_PASSWORD) }
    })
    expect(right.status).toBe(200)
  })

  it('keeps its password in a 0600 file and works with docker login --password-stdin', async () => {
    const stat = await run('stat', ['-c', '%a', join(STATE, 'registry', 'password')])
    expect(stat.stdout.trim()).toBe('600')
    const cfg = mkdtempSync(join(tmpdir(), 'sandbox-docker-'))
    try {
      const bad = await run(
        'docker',
        ['login', env.REGISTRY, '-u', env.REGISTRY_USERNAME, '--password-stdin'],
        { env: { DOCKER_CONFIG: cfg }, input: 'wrong-password' }
      )
      expect(bad.code).not.toBe(0)
      const good = await run(
        'docker',
        ['login', env.REGISTRY, '-u', env.REGISTRY_USERNAME, '--password-stdin'],
        { env: { DOCKER_CONFIG: cfg }, input: env.REGISTRY_PASSWORD }
      )
      expect(good.stderr + good.stdout).toMatch(/Login Succeeded/)
      expect(good.code).toBe(0)

      // push, read the manifest digest back, delete it (delete is enabled)
      const repo = `${env.REGISTRY}/sandbox-test/debian`
      const tag = `t${Date.now()}`
      expect((await run('docker', ['tag', env.DEBIAN_IMAGE, `${repo}:${tag}`])).code).toBe(0)
      const push = await run('docker', ['push', `${repo}:${tag}`], {
        env: { DOCKER_CONFIG: cfg }
      })
      expect(push.code).toBe(0)
      const auth = { authorization: basic(env.REGISTRY_USERNAME, env.REGISTRY_PASSWORD) }
      const head = await fetch(`http://${env.REGISTRY}/v2/sandbox-test/debian/manifests/${tag}`, {
        method: 'HEAD',
        headers: { ...auth, accept: 'application/vnd.docker.distribution.manifest.v2+json' }
      })
      expect(head.status).toBe(200)
      const digest = head.headers.get('docker-content-digest') ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(push.stdout).toContain(digest)
      const del = await fetch(`http://${env.REGISTRY}/v2/sandbox-test/debian/manifests/${digest}`, {
        method: 'DELETE',
        headers: auth
      })
      expect(del.status).toBe(202)
      await run('docker', ['rmi', `${repo}:${tag}`])
    } finally {
      rmSync(cfg, { recursive: true, force: true })
    }
  })
})

describe('base images', () => {
  it('k8s-stack/node:20 runs Node 20 and npm, with user node (1000:1000)', async () => {
    const version = await run('docker', ['run', '--rm', env.NODE_IMAGE, 'node', '--version'])
    expect(version.stdout.trim()).toMatch(/^v20\./)
    const id = await run('docker', ['run', '--rm', env.NODE_IMAGE, 'id', 'node'])
    expect(id.stdout.trim()).toBe('uid=1000(node) gid=1000(node) groups=1000(node)')
    const npm = await run('docker', [
      'run',
      '--rm',
      '--user',
      'node',
      '-w',
      '/home/node',
      env.NODE_IMAGE,
      'sh',
      '-c',
      'npm --version && test -w /home/node && test -s /etc/ssl/certs/ca-certificates.crt && echo ok'
    ])
    expect(npm.stdout).toMatch(/^\d+\.\d+\.\d+\nok$/m)
  })

  it('k8s-stack/nginx:1 has nginx, user nginx (101) and serves /usr/share/nginx/html', async () => {
    const v = await run('docker', ['run', '--rm', env.NGINX_IMAGE, 'nginx', '-v'])
    expect(v.code).toBe(0)
    expect(v.stderr).toMatch(/nginx version: nginx\/1\./)
    const id = await run('docker', ['run', '--rm', env.NGINX_IMAGE, 'id', 'nginx'])
    expect(id.stdout.trim()).toBe('uid=101(nginx) gid=101(nginx) groups=101(nginx)')
    const inspect = await run('docker', [
      'image',
      'inspect',
      '-f',
      '{{json .Config.Cmd}} {{json .Config.ExposedPorts}}',
      env.NGINX_IMAGE
    ])
    expect(inspect.stdout.trim()).toBe('["nginx","-g","daemon off;"] {"80/tcp":{}}')
  })

  it('builds app-style Dockerfiles (USER node, USER 101, conf.d, html) with the images as build args', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-build-'))
    const tag = `sandbox-test/web:${Date.now()}`
    let cid = ''
    try {
      writeFileSync(
        join(dir, 'Dockerfile'),
        [
          'ARG NODE_IMAGE=node:20-alpine',
          'ARG NGINX_IMAGE=nginx:alpine',
          'FROM ${NODE_IMAGE} AS build',
          'USER node',
          'WORKDIR /home/node/app',
          "RUN node -e \"require('fs').writeFileSync('index.html', '<h1>built by ' + process.version + '</h1>')\"",
          'FROM ${NGINX_IMAGE}',
          'COPY --from=build /home/node/app/index.html /usr/share/nginx/html/index.html',
          'COPY site.conf /etc/nginx/conf.d/default.conf',
          "RUN sed -i -e '/^user /d' -e 's,/var/run/nginx.pid,/tmp/nginx.pid,' /etc/nginx/nginx.conf && chown -R 101:101 /var/cache/nginx",
          'USER 101',
          'EXPOSE 8080',
          ''
        ].join('\n')
      )
      writeFileSync(
        join(dir, 'site.conf'),
        'server { listen 8080; location / { root /usr/share/nginx/html; } }\n'
      )
      const build = await run(
        '/usr/bin/docker',
        [
          'build',
          '--build-arg',
          `NODE_IMAGE=${env.NODE_IMAGE}`,
          '--build-arg',
          `NGINX_IMAGE=${env.NGINX_IMAGE}`,
          '-t',
          tag,
          dir
        ],
        { env: { DOCKER_BUILDKIT: '1' } }
      )
      expect(build.stderr).not.toMatch(/ERROR/)
      expect(build.code).toBe(0)
      const start = await run('docker', ['run', '-d', '-p', '127.0.0.1::8080', tag])
      expect(start.code).toBe(0)
      cid = start.stdout.trim()
      const port = (await run('docker', ['port', cid, '8080/tcp'])).stdout.trim().split(':').pop()
      let body = ''
      for (let i = 0; i < 50 && !body; i++) {
        body = await fetch(`http://127.0.0.1:${port}/`)
          .then(r => r.text())
          .catch(() => '')
        if (!body) await new Promise(r => setTimeout(r, 100))
      }
      expect(body).toMatch(/<h1>built by v20\.\d+\.\d+<\/h1>/)
      const whoami = await run('docker', ['exec', cid, 'id', '-u'])
      expect(whoami.stdout.trim()).toBe('101')
    } finally {
      if (cid) await run('docker', ['rm', '-f', cid])
      await run('docker', ['rmi', tag])
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('Kubernetes control plane (kwok)', () => {
  it('answers at the pinned version and lists 2 Ready nodes labelled role=app', async () => {
    expect((await kubectl('get', '--raw', '/readyz')).stdout).toBe('ok')
    const version = JSON.parse((await kubectl('version', '-o', 'json')).stdout)
    expect(version.serverVersion.gitVersion).toBe('v1.36.3')
    const nodes = JSON.parse((await kubectl('get', 'nodes', '-l', 'role=app', '-o', 'json')).stdout)
    const ready = nodes.items.filter(
      (n: { status: { conditions: { type: string; status: string }[] } }) =>
        n.status.conditions.some(c => c.type === 'Ready' && c.status === 'True')
    )
    expect(ready).toHaveLength(2)
  })

  it('rolls out a Deployment (kwok marks its pods Ready) and accepts a NetworkPolicy', async () => {
    const ns = `sandbox-test-${Date.now()}`
    const manifest = `
apiVersion: v1
kind: Namespace
metadata: {name: ${ns}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {role: app}
      containers:
        - name: web
          image: ${env.REGISTRY}/sandbox-test/web@sha256:${'0'.repeat(64)}
          readinessProbe: {httpGet: {path: /, port: 8080}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ${ns}}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`
    try {
      const apply = await run(env.K8S_STACK_KUBECTL, ['apply', '-f', '-'], {
        env: { KUBECONFIG: env.KUBECONFIG },
        input: manifest
      })
      expect(apply.stderr).toBe('')
      expect(apply.stdout).toMatch(/networkpolicy.networking.k8s.io\/default-deny created/)
      const rollout = await kubectl('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s')
      expect(rollout.stdout).toMatch(/successfully rolled out/)
      const dep = JSON.parse((await kubectl('-n', ns, 'get', 'deploy', 'web', '-o', 'json')).stdout)
      expect(dep.status.availableReplicas).toBe(2)
    } finally {
      await kubectl('delete', 'namespace', ns, '--wait=false')
    }
  })
})

describe('buildx (docker CLI plugin built from Go modules)', () => {
  it('builds with the docker driver against the local engine: secret mount, push, registry digest', async () => {
    // A DOCKER_CONFIG of our own holding the plugin: the machine-wide default is untouched.
    const cfg = mkdtempSync(join(tmpdir(), 'sandbox-buildx-'))
    const ctx = join(cfg, 'ctx')
    const tag = `t${Date.now()}`
    const ref = `${env.REGISTRY}/sandbox-test/buildx:${tag}`
    try {
      await run('mkdir', ['-p', join(cfg, 'cli-plugins'), ctx])
      await run('ln', ['-s', env.K8S_STACK_BUILDX, join(cfg, 'cli-plugins', 'docker-buildx')])
      const dockerEnv = { DOCKER_CONFIG: cfg }
      const version = await run('docker', ['buildx', 'version'], { env: dockerEnv })
      expect(version.stdout).toMatch(/github\.com\/docker\/buildx v0\.38\.2/)
      const login = await run(
        'docker',
        ['login', env.REGISTRY, '-u', env.REGISTRY_USERNAME, '--password-stdin'],
        { env: dockerEnv, input: env.REGISTRY_PASSWORD }
      )
      expect(login.code).toBe(0)
      writeFileSync(
        join(ctx, 'Dockerfile'),
        [
          'ARG NODE_IMAGE=node:20-alpine',
          'FROM ${NODE_IMAGE}',
          'RUN --mount=type=secret,id=token test "$(cat /run/secrets/token)" = sandbox-secret-value && echo secret-ok > /ok',
          ''
        ].join('\n')
      )
      writeFileSync(join(cfg, 'token'), 'sandbox-secret-value')
      const build = await run(
        'docker',
        [
          'buildx',
          'build',
          '--build-arg',
          `NODE_IMAGE=${env.NODE_IMAGE}`,
          '--secret',
          `id=token,src=${join(cfg, 'token')}`,
          '--metadata-file',
          join(cfg, 'meta.json'),
          '-t',
          ref,
          '--push',
          ctx
        ],
        { env: dockerEnv }
      )
      expect(build.stderr).not.toMatch(/ERROR/)
      expect(build.code).toBe(0)
      const meta = JSON.parse(readFileSync(join(cfg, 'meta.json'), 'utf8'))
      const head = await fetch(`http://${env.REGISTRY}/v2/sandbox-test/buildx/manifests/${tag}`, {
        method: 'HEAD',
        headers: {
          authorization:
            'Basic ' +
            Buffer.from(`${env.REGISTRY_USERNAME}:${env.REGISTRY_PASSWORD}`).toString('base64'),
          accept: 'application/vnd.docker.distribution.manifest.v2+json'
        }
      })
      expect(head.status).toBe(200)
      expect(meta['containerimage.digest']).toBe(head.headers.get('docker-content-digest'))
    } finally {
      rmSync(cfg, { recursive: true, force: true })
    }
  })
})

// `down` stops a dockerd it recorded as started (the shared engine cannot be stopped under
// the other suites, so a stand-in process named dockerd plays it), and never a process that
// merely reuses a recorded pid.
describe('sandbox down and recorded pids', () => {
  it('stops the recorded dockerd, and leaves a reused pid alone', async () => {
    const state = mkdtempSync(join(tmpdir(), 'sandbox-pids-'))
    const second = {
      K8S_STACK_SANDBOX_STATE: state,
      K8S_STACK_SANDBOX_REGISTRY: `127.0.0.1:${await freePort()}`,
      K8S_STACK_SANDBOX_CLUSTER: `k8s-stack-p${Date.now() % 100000}`
    }
    // a copy of sleep, so that its command line says dockerd
    const fake = join(state, 'dockerd')
    writeFileSync(fake, readFileSync('/bin/sleep'), { mode: 0o755 })
    const dockerd = spawn(fake, ['300'], { stdio: 'ignore' })
    const dockerdExit = new Promise(resolve => dockerd.on('exit', resolve))
    const other = spawn('sleep', ['300'], { stdio: 'ignore' })
    let otherExited = false
    other.on('exit', () => (otherExited = true))
    try {
      await new Promise(r => setTimeout(r, 200))
      writeFileSync(join(state, 'dockerd.pid'), `${dockerd.pid}\n`)
      const down = await run('bash', ['sandbox/sandbox.sh', 'down'], { env: second })
      expect(down.code).toBe(0)
      expect(down.stderr).toMatch(new RegExp(`stopping dockerd \\(pid ${dockerd.pid}\\)`))
      expect(await dockerdExit).toBeNull() // the exit code is null: ended by a signal

      writeFileSync(join(state, 'dockerd.pid'), `${other.pid}\n`)
      const again = await run('bash', ['sandbox/sandbox.sh', 'down'], { env: second })
      expect(again.code).toBe(0)
      expect(again.stderr).not.toMatch(/stopping dockerd/)
      await new Promise(r => setTimeout(r, 200))
      expect(otherExited).toBe(false)
    } finally {
      other.kill()
      dockerd.kill()
      rmSync(state, { recursive: true, force: true })
    }
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

describe('sandbox down', () => {
  it('stops what up started (registry, cluster) and nothing else (a dockerd it did not start)', async () => {
    const state = mkdtempSync(join(tmpdir(), 'sandbox-second-'))
    const registry = `127.0.0.1:${await freePort()}`
    const cluster = `k8s-stack-t${Date.now() % 100000}`
    const second = {
      K8S_STACK_SANDBOX_STATE: state,
      K8S_STACK_SANDBOX_REGISTRY: registry,
      K8S_STACK_SANDBOX_CLUSTER: cluster
    }
    const sb = (cmd: string) => run('bash', ['sandbox/sandbox.sh', cmd], { env: second })
    try {
      const up = await sb('up')
      expect(up.stderr).toMatch(/starting registry/)
      expect(up.stderr).not.toMatch(/starting dockerd/)
      expect(up.code).toBe(0)
      const status = (await sb('status')).stdout
      expect(status).toMatch(/^dockerd +up +started before the sandbox/m)
      expect(status).toMatch(
        new RegExp(`^registry +up +${registry}, htpasswd auth, started by sandbox`, 'm')
      )
      expect(status).toMatch(
        new RegExp(`^cluster +up +${cluster}, Kubernetes v1\\.36\\.3, 2 Ready`, 'm')
      )
      expect((await fetch(`http://${registry}/v2/`)).status).toBe(401)

      const down = await sb('down')
      expect(down.code).toBe(0)
      expect(down.stderr).toMatch(/stopping docker-registry/)
      expect(down.stderr).not.toMatch(/stopping dockerd/)
      const after = (await sb('status')).stdout
      expect(after).toMatch(/^dockerd +up/m)
      expect(after).toMatch(/^registry +down/m)
      expect(after).toMatch(new RegExp(`^cluster +absent +${cluster}`, 'm'))
      await expect(fetch(`http://${registry}/v2/`)).rejects.toThrow()
      const leftovers = await run('pgrep', ['-f', `clusters/${cluster}/`])
      expect(leftovers.stdout).toBe('')
      // the shared sandbox is untouched
      expect((await fetch(`http://${env.REGISTRY}/v2/`)).status).toBe(401)
      expect((await kubectl('get', '--raw', '/readyz')).stdout).toBe('ok')
    } finally {
      await sb('down')
      rmSync(state, { recursive: true, force: true })
    }
  })
})
