// Headless Chromium (Debian's) loads the frontend served by its real nginx image, with /api
// routed to the real backend container the way the Ingress routes it, and sees live data.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createServer, request, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { sandboxEnv } from '../../support/sandbox'
import {
  buildApp,
  dockerOk,
  removeContainer,
  removeImages,
  repo,
  runHardened,
  waitFor200
} from './containers'

// Image builds, a cold sandbox and rollouts take minutes: jest's project-level testTimeout
// does not reach hooks here, so the file sets its own.
jest.setTimeout(900000)

const CHROMIUM = '/usr/bin/chromium'
const VERSION = `4.5.6-browser${process.pid}`
let browser: Browser | undefined
let ingress: Server | undefined
let ingressUrl = ''
let backend: { id: string; port: number } | undefined
let frontend: { id: string; port: number } | undefined

/**
 * The Ingress's routing on loopback: pathType Prefix `/api` (matches /api and /api/...,
 * not /apix) to the backend, everything else to the frontend, paths unchanged.
 */
function startIngress(backendPort: number, frontendPort: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const port = path === '/api' || path.startsWith('/api/') ? backendPort : frontendPort
    const upstream = request(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end('bad gateway')
    })
    req.pipe(upstream)
  })
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)))
}

beforeAll(async () => {
  const install = spawnSync('bash', [join(repo, 'apps/scripts/ensure-chromium.sh')], {
    encoding: 'utf8',
    timeout: 900000
  })
  if (install.status !== 0) throw new Error(`cannot install chromium: ${install.stderr}`)
  const sandbox = await sandboxEnv()
  const [backendImage, frontendImage] = await Promise.all([
    buildApp('backend', sandbox, VERSION),
    buildApp('frontend', sandbox, VERSION)
  ])
  backend = await runHardened(backendImage, 3000, ['-e', 'APP_ENV=browser-test'])
  frontend = await runHardened(frontendImage, 8080)
  await waitFor200(backend.port, '/ready')
  await waitFor200(frontend.port, '/healthz')
  ingress = await startIngress(backend.port, frontend.port)
  ingressUrl = `http://127.0.0.1:${(ingress.address() as { port: number }).port}`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
})

afterAll(async () => {
  await browser?.close()
  await new Promise(r => (ingress ? ingress.close(r) : r(undefined)))
  await removeContainer(backend?.id)
  await removeContainer(frontend?.id)
  await removeImages([`k8s-stack-test/backend:${VERSION}`, `k8s-stack-test/frontend:${VERSION}`])
})

describe('the frontend in Chromium', () => {
  it("shows the backend's live version and status through the /api route, with no console or CSP error", async () => {
    const page = await browser!.newPage()
    const problems: string[] = []
    page.on('console', m => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', e => problems.push(e.message))
    const response = await page.goto(ingressUrl + '/')
    expect(response!.status()).toBe(200)
    await page.locator('#backend-status[data-state="ok"]').waitFor({ timeout: 15000 })
    expect(await page.textContent('#backend-status')).toBe('ok')
    expect(await page.textContent('#backend-version')).toBe(VERSION)
    expect(await page.textContent('#backend-environment')).toBe('browser-test')
    expect(await page.textContent('#backend-name')).toBe('backend')
    await page.screenshot({ path: join(tmpdir(), 'k8s-stack-frontend.png') })
    expect(problems).toEqual([])
    await page.close()
  })

  it('renders a deep link through the SPA fallback, with live data', async () => {
    const page = await browser!.newPage()
    await page.goto(ingressUrl + '/some/client/route')
    await page.locator('#backend-status[data-state="ok"]').waitFor({ timeout: 15000 })
    expect(await page.textContent('#route')).toBe('/some/client/route')
    expect(await page.textContent('#backend-version')).toBe(VERSION)
    await page.close()
  })

  it('shows the backend as unreachable once it stops: the data is live, not baked in', async () => {
    const page = await browser!.newPage()
    await page.goto(ingressUrl + '/')
    await page.locator('#backend-status[data-state="ok"]').waitFor({ timeout: 15000 })
    await dockerOk(['stop', '--time', '10', backend!.id])
    await page.click('#refresh')
    await page.locator('#backend-status[data-state="error"]').waitFor({ timeout: 15000 })
    expect(await page.textContent('#backend-status')).toBe('unreachable')
    expect(await page.textContent('#backend-error')).toBe('/api/status answered HTTP 502')
    await page.close()
  })
})
